import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PACKAGE } from '../package-root.js';
import { OPTIONAL_FILES, initFiles } from '../scaffold/init.js';
import { titleOf } from '../scaffold/names.js';

/** What `handbook init` is asked for. */
export interface InitOptions {
  dir: string;
  title?: string;
  /** YYYY-MM-DD. */
  today: string;
}

/** What `handbook init` did: the folder and the files it wrote, or why it wrote nothing. */
export type InitResult = { root: string; written: string[]; kept: string[] } | { problem: string };

/**
 * `handbook init [DIR]`: a new handbook repository that passes `check` and
 * builds. It never overwrites: when any file it would write exists (but a
 * package.json, which is kept), it writes nothing at all.
 */
export async function init(cwd: string, options: InitOptions): Promise<InitResult> {
  const root = resolve(cwd, options.dir);
  if (statSync(root, { throwIfNoEntry: false })?.isFile()) return { problem: `${root} is a file, not a folder` };
  const title = options.title ?? (titleOf(basename(root)) || 'Handbook');
  const files = initFiles({ title, today: options.today, version: PACKAGE.version });
  const existing = [...files.keys()].filter((file) => existsSync(join(root, file)));
  const clashes = existing.filter((file) => !OPTIONAL_FILES.has(file));
  if (clashes.length > 0) return { problem: `${clashes.join(', ')} already ${clashes.length === 1 ? 'exists' : 'exist'} in ${root}; init overwrites nothing, so it wrote nothing (init into an empty folder, or move ${clashes.length === 1 ? 'it' : 'them'} away)` };
  const written: string[] = [];
  for (const [file, text] of files) {
    if (existing.includes(file)) continue;
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text, { flag: 'wx' });
    written.push(file);
  }
  return { root, written, kept: existing };
}
