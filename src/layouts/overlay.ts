import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PACKAGE_LAYOUTS } from '../config/paths.js';
import { listFiles } from '../load/read.js';

/** One file of the layouts a build uses, read once: page keys, Eleventy and the site's assets all see the same bytes. */
export interface LayoutFile {
  /** Where it was read from: the root's own layouts/ or the package's. */
  source: string;
  bytes: Buffer;
}

/** The layouts a handbook builds with, by path relative to the layouts folder, `/`-separated, sorted. */
export type Layouts = ReadonlyMap<string, LayoutFile>;

/**
 * The shipped layouts with the root's own layouts/ laid over them file by
 * file: a file there replaces the shipped file of the same path, and every
 * other file comes from the package, so a handbook keeps only what it changes.
 * Dot-files and links to files count (Nunjucks includes them too), but the
 * root's links in `skip` (those that lead out of its layouts/).
 */
export async function readLayouts(ownDir: string, skip: ReadonlySet<string> = new Set()): Promise<Layouts> {
  const files = new Map<string, LayoutFile>();
  for (const dir of [PACKAGE_LAYOUTS, ownDir]) {
    for (const path of await listFiles(dir, { hidden: true, links: true })) {
      if (dir === ownDir && skip.has(path)) continue;
      const source = join(dir, path);
      files.set(path, { source, bytes: readFileSync(source) });
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The layouts a page may name in `layout:`: the `.njk` files at the top whose names are slugs. */
export function layoutNames(layouts: Layouts): string[] {
  return [...layouts.keys()].filter((f) => /^[a-z0-9-]+\.njk$/.test(f)).map((f) => f.slice(0, -'.njk'.length));
}

/** Writes the layouts into one folder, as Eleventy and Nunjucks read them. */
export async function writeLayouts(layouts: Layouts, dir: string): Promise<void> {
  for (const [path, file] of layouts) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), file.bytes);
  }
}
