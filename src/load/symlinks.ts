import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listEntries } from './read.js';

/** A symbolic link below a folder that leads out of it, and where. */
export interface OutsideLink {
  /** Relative to the folder, `/`-separated. */
  path: string;
  /** Where it leads, as the file system resolves it (or as written, when it leads nowhere). */
  target: string;
}

/**
 * Every symbolic link below `dir` whose target lies outside `dir` (or does not
 * exist): through one, a handbook would publish or lay out a file of the
 * machine it is built on. Links that stay inside are followed like the files
 * they lead to.
 */
export async function outsideLinks(dir: string): Promise<OutsideLink[]> {
  const entries = await listEntries(dir);
  if (entries.length === 0) return [];
  const root = realpathSync(dir);
  const out: OutsideLink[] = [];
  for (const entry of entries) {
    if (!entry.isSymbolicLink()) continue;
    const link = join(entry.parentPath, entry.name);
    const path = relative(dir, link).split(sep).join('/');
    let target: string;
    try {
      target = realpathSync(link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      out.push({ path, target: 'nothing (the link is broken)' });
      continue;
    }
    if (target !== root && !target.startsWith(root + sep)) out.push({ path, target });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
