import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A sha256 over every entry below `dir`: each path, and each file's bytes (or a
 * link's target). Directories count too, so an empty `dist/` left behind shows.
 */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => ({ entry: e, path: relative(dir, join(e.parentPath, e.name)).split(sep).join('/') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { entry, path } of entries) {
    const full = join(dir, path);
    if (entry.isDirectory()) hash.update(`d ${path}\0`);
    else if (entry.isSymbolicLink()) hash.update(`l ${path}\0${readlinkSync(full)}\0`);
    else hash.update(`f ${path}\0`).update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}
