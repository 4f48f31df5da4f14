import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

/** Something `handbook serve` rebuilds on: a folder (every file below it) or one file. */
export interface WatchTarget {
  path: string;
  kind: 'folder' | 'file';
}

/** Names editors and tools write beside a file and remove again, and hidden ones: never a reason to rebuild. */
const SCRATCH = /(?:^\.|~$|\.swp$|\.swx$|\.tmp$|^4913$)/;

const ignored = (path: string) => path.split(sep).some((segment) => SCRATCH.test(segment));

/**
 * Where Node watches a whole tree with one handle of the system's own
 * (FSEvents, ReadDirectoryChangesW). On Linux, Node's recursive watch puts an
 * inotify watch and a stat on every file (ten thousand of each at 10,000
 * pages, past the limit of many systems), so folders are watched one by one.
 */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * Watches folders (recursively) and files, and calls `onChange` with the
 * paths that changed once they have been quiet for `quietMs`. A target may
 * be missing at first, or removed and made again (an editor that saves by
 * rename, a `git checkout`): its parent folder is watched for its name, and
 * the target is watched again whenever that name changes. Hidden files and
 * editors' scratch files are ignored, as the build ignores them.
 */
export function watchTargets(targets: readonly WatchTarget[], onChange: (paths: string[]) => void, quietMs: number): { close(): void } {
  const changed = new Set<string>();
  const closers = new Map<string, () => void>();
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
  const watchFolder = (folder: string) => {
    closers.get(folder)?.();
    closers.set(folder, watchTree(folder, (path) => !ignored(relative(folder, path)) && changedAt(path)));
  };
  for (const target of targets) if (target.kind === 'folder') watchFolder(target.path);

  // Each parent folder once, for the names of the targets in it.
  const byParent = new Map<string, WatchTarget[]>();
  for (const target of targets) byParent.set(dirname(target.path), [...(byParent.get(dirname(target.path)) ?? []), target]);
  for (const [parent, inside] of byParent) {
    const names = new Map(inside.map((t) => [basename(t.path), t]));
    const watcher = watchOne(parent, (name) => {
      const target = names.get(name);
      if (!target) return;
      if (target.kind === 'folder') watchFolder(target.path);
      changedAt(target.path);
    });
    if (watcher) closers.set(`parent:${parent}`, () => watcher.close());
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const close of closers.values()) close();
      closers.clear();
    },
  };
}

/** One folder's own entries; none when it does not exist (its parent's watcher notices it later). */
function watchOne(path: string, listener: (name: string) => void, recursive = false): FSWatcher | undefined {
  try {
    const watcher = watch(path, { recursive }, (_event, name) => listener(name === null ? '' : String(name)));
    // A watched folder that is removed ends its watcher; its parent's watcher sees the name go and come back.
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
}

/**
 * Every file below `folder`: natively where the system watches trees, else
 * one watch per folder (hidden ones left out), added as folders appear and
 * dropped as they go. Calls `listener` with each path an event names.
 */
function watchTree(folder: string, listener: (path: string) => void): () => void {
  if (NATIVE_RECURSIVE) {
    const watcher = watchOne(folder, (name) => listener(join(folder, name)), true);
    return () => watcher?.close();
  }
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    const watcher = watchOne(dir, (name) => {
      const path = name === '' ? dir : join(dir, name);
      listener(path);
      if (name !== '') follow(path);
    });
    if (!watcher) return;
    watchers.set(dir, watcher);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !SCRATCH.test(entry.name)) add(join(dir, entry.name));
  };
  // A name an event gave: a folder made (watched, with what it holds) or a folder gone (its watchers closed).
  const follow = (path: string) => {
    if (SCRATCH.test(basename(path))) return;
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) add(path);
    else {
      for (const [dir, watcher] of watchers) {
        if (dir === path || dir.startsWith(path + sep)) {
          watcher.close();
          watchers.delete(dir);
        }
      }
    }
  };
  add(folder);
  return () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
