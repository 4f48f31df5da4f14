import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** Something `handbook serve` rebuilds on: a folder (every file below it) or one file. */
export interface WatchTarget {
  path: string;
  kind: 'folder' | 'file';
}

/** Names editors and tools write beside a file and remove again: never a reason to rebuild. */
const SCRATCH = /(?:^\.|~$|\.swp$|\.swx$|\.tmp$|^4913$)/;

/**
 * Watches folders (recursively) and files, and calls `onChange` with the
 * paths that changed once they have been quiet for `quietMs`. A target may
 * be missing at first, or removed and made again (an editor that saves by
 * rename, a `git checkout`): its parent folder is watched for its name, and
 * the target is watched again whenever that name changes. Hidden files and
 * editors' scratch files are ignored, as the build ignores them.
 */
export function watchTargets(targets: readonly WatchTarget[], onChange: (paths: string[]) => void, quietMs: number): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changedAt = (path: string) => {
    if (closed) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed];
      changed.clear();
      onChange(paths);
    }, quietMs);
  };
  const open = (key: string, path: string, recursive: boolean, listener: (file: string) => void) => {
    watchers.get(key)?.close();
    watchers.delete(key);
    try {
      const watcher = watch(path, { recursive }, (_event, name) => listener(name === null ? '' : String(name)));
      // A watched folder that is removed ends its watcher; its parent's watcher sees the name go and come back.
      watcher.on('error', () => {
        watcher.close();
        if (watchers.get(key) === watcher) watchers.delete(key);
      });
      watchers.set(key, watcher);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };

  const folders = targets.filter((t) => t.kind === 'folder');
  const watchFolder = (folder: string) => {
    if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      open(`folder:${folder}`, folder, true, (file) => {
        if (file === '' || !file.split(sep).some((segment) => SCRATCH.test(segment))) changedAt(join(folder, file));
      });
    }
  };
  folders.forEach((t) => watchFolder(t.path));

  // Each parent folder once, for the names of the targets in it.
  const byParent = new Map<string, WatchTarget[]>();
  for (const target of targets) byParent.set(dirname(target.path), [...(byParent.get(dirname(target.path)) ?? []), target]);
  for (const [parent, inside] of byParent) {
    const names = new Map(inside.map((t) => [basename(t.path), t]));
    open(`parent:${parent}`, parent, false, (name) => {
      const target = names.get(name);
      if (!target) return;
      if (target.kind === 'folder') watchFolder(target.path);
      changedAt(target.path);
    });
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
