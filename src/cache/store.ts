import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE } from '../package-root.js';

/**
 * Bump when a cached result changes for the same input without a package
 * version change (a renderer option, a plugin): old entries then miss.
 */
const CACHE_FORMAT = 3;

/** What every key includes besides its input: the format, okr-handbook's version and its dependency ranges. */
const SALT = JSON.stringify([CACHE_FORMAT, PACKAGE.version, PACKAGE.dependencies]);

/** The folder of okr-handbook's caches under a handbook root; safe to delete at any time. */
export const cacheDir = (root: string) => join(root, '.cache', 'okr-handbook');

/** A hash of everything a cached result depends on. */
export function cacheKey(...inputs: string[]): string {
  const hash = createHash('sha256').update(SALT);
  for (const input of inputs) hash.update('\0').update(input);
  return hash.digest('base64url');
}

/**
 * One JSON file of cached results by key. Entries are results of pure
 * functions of what the key hashes, so a hit is never stale. A save keeps the
 * entries this run used (the cache never grows past one handbook) and writes
 * only when they changed, atomically by rename. A file that cannot be read as
 * ours is ignored and rewritten.
 */
export class CacheFile<T> {
  private readonly used = new Map<string, T>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, T>,
  ) {}

  static async open<T>(dir: string, name: string): Promise<CacheFile<T>> {
    const file = join(dir, name);
    const stored = await readCacheJson<{ entries: [string, T][] }>(file);
    return new CacheFile(file, new Map(stored?.entries));
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** Writes the file if this run changed it (see `writeCacheJson`). */
  async save(): Promise<Error | undefined> {
    if (!this.changed && this.used.size === this.entries.size) return undefined;
    return writeCacheJson(this.file, { entries: [...this.used] });
  }
}

/**
 * Reads a cache file written by `writeCacheJson` with this version's salt;
 * undefined when there is none, it is not JSON, or another version wrote it.
 */
export async function readCacheJson<T extends object>(file: string): Promise<T | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as T & { salt?: unknown };
    return parsed.salt === SALT ? parsed : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/**
 * Writes a cache file atomically (by rename), salted with this version. A cache
 * that cannot be written (a read-only checkout, a full disk) is returned, not
 * thrown: the run's results are right without it, and the CLI says so.
 */
export async function writeCacheJson(file: string, data: object): Promise<Error | undefined> {
  try {
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ salt: SALT, ...data }));
    await rename(tmp, file);
    return undefined;
  } catch (err) {
    if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((err as NodeJS.ErrnoException).code ?? '')) return err as Error;
    throw err;
  }
}
