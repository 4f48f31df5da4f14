import { type Dirent, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

/** A content file as read from disk, before decoding; `error` when it could not be read. */
export interface SourceFile {
  /** Path relative to the project root, `/`-separated. */
  file: string;
  /** Path relative to the content folder, `/`-separated. */
  contentPath: string;
  bytes: Uint8Array;
  error?: NodeJS.ErrnoException;
}

/** Which entries `listFiles` also lists: dot-files, and symbolic links to files. */
export interface ListOptions {
  hidden?: boolean;
  links?: boolean;
}

/** Every entry below `dir`, links included; none when `dir` does not exist. */
export async function listEntries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Lists every file below `dir`, relative to it, `/`-separated, sorted. Dot-files and links are skipped unless asked for. */
export async function listFiles(dir: string, options: ListOptions = {}): Promise<string[]> {
  return (await listEntries(dir))
    .filter((e) => e.isFile() || (options.links === true && e.isSymbolicLink() && statSync(join(e.parentPath, e.name), { throwIfNoEntry: false })?.isFile() === true))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => options.hidden === true || !p.split('/').some((seg) => seg.startsWith('.')))
    .sort();
}

/** Reads every Markdown file of the content folder, through symbolic links too, but those in `skip`. */
export async function readContent(root: string, contentDir: string, skip: ReadonlySet<string> = new Set()): Promise<SourceFile[]> {
  const paths = (await listFiles(contentDir, { links: true })).filter((p) => p.toLowerCase().endsWith('.md') && !skip.has(p));
  const prefix = relative(root, contentDir).split(sep).join('/');
  // Synchronous reads: thousands of small files read a dozen times faster than through the thread pool.
  return paths.map((contentPath) => {
    const file = prefix === '' ? contentPath : posix.join(prefix, contentPath);
    try {
      return { file, contentPath, bytes: readFileSync(join(contentDir, contentPath)) };
    } catch (err) {
      // One unreadable file is that file's problem: it is reported, the others are still checked.
      return { file, contentPath, bytes: new Uint8Array(), error: err as NodeJS.ErrnoException };
    }
  });
}
