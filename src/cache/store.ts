import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipelineVersion } from './pipeline.js';
import { contentHash, seal, unseal } from './seal.js';

/** What every key includes besides its input: the pipeline that made the result (see `pipelineVersion`). */
const SALT = pipelineVersion();

/** Errors of a cache that cannot be written (a read-only checkout, a full disk): the run goes on without it. */
const UNWRITABLE = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC'];

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
 * Reads a cache file written by `writeCacheJson` with this version's salt on
 * this machine; undefined when there is none, it is not JSON, another version
 * or machine wrote it, or it was changed since.
 */
export async function readCacheJson<T extends object>(file: string): Promise<T | undefined> {
  try {
    const text = unseal(await readFile(file, 'utf8'));
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text) as T & { salt?: unknown };
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
    await writeFile(tmp, seal(JSON.stringify({ salt: SALT, ...data })));
    await rename(tmp, file);
    return undefined;
  } catch (err) {
    if (UNWRITABLE.includes((err as NodeJS.ErrnoException).code ?? '')) return err as Error;
    throw err;
  }
}


/**
 * Cached values too big to load all at once, one file per key: a build reads
 * only the values it needs (the bodies of the pages it lays out again). Without
 * a folder, or when the folder cannot be written, values are kept in memory.
 * `save` removes the files this run neither asked for nor wrote, so the folder
 * never grows past one handbook.
 */
export class CacheFolder<T> {
  private readonly memory = new Map<string, T>();
  private readonly used = new Set<string>();
  private error: Error | undefined;

  private constructor(
    private readonly dir: string | undefined,
    private readonly present: ReadonlySet<string>,
  ) {}

  /** The folder `name` under `dir`; in memory only when `dir` is undefined. */
  static async open<T>(dir: string | undefined, name: string): Promise<CacheFolder<T>> {
    if (dir === undefined) return new CacheFolder<T>(undefined, new Set());
    const folder = join(dir, name);
    let files: string[] = [];
    try {
      files = await readdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return new CacheFolder<T>(folder, new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))));
  }

  /** Whether a value is stored under `key`; it is then kept by `save`. */
  has(key: string): boolean {
    const found = this.memory.has(key) || this.present.has(key);
    if (found) this.used.add(key);
    return found;
  }

  /**
   * The value under `key`, checked against the hash `set` returned for it
   * (recorded in a sealed cache file): a value changed since it was written
   * fails the run rather than reach the site.
   */
  get(key: string, hash: string): T {
    const value = this.memory.get(key);
    if (value !== undefined) return value;
    const file = join(this.dir!, `${key}.json`);
    const text = readFileSync(file, 'utf8');
    if (contentHash(text) !== hash) throw new CacheChangedError(file, this.dir!);
    return JSON.parse(text) as T;
  }

  /** Stores a value; returns the hash `get` checks it by. */
  set(key: string, value: T): string {
    this.used.add(key);
    const text = JSON.stringify(value);
    if (this.dir !== undefined && this.error === undefined) {
      try {
        mkdirSync(this.dir, { recursive: true });
        // Written whole, then renamed: a run that stops half-way never leaves half a value.
        const tmp = join(this.dir, `${key}.${process.pid}.tmp`);
        writeFileSync(tmp, text);
        renameSync(tmp, join(this.dir, `${key}.json`));
        return contentHash(text);
      } catch (err) {
        if (!UNWRITABLE.includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
        this.error = err as Error;
      }
    }
    this.memory.set(key, value);
    return contentHash(text);
  }

  /** Removes the values this run did not use; returns why the folder could not be written, if it could not. */
  async save(): Promise<Error | undefined> {
    if (this.dir === undefined || this.error) return this.error;
    await Promise.all([...this.present].filter((key) => !this.used.has(key)).map((key) => rm(join(this.dir!, `${key}.json`), { force: true })));
    return undefined;
  }
}

/** Raised when a cached value was changed since okr-handbook wrote it: the run stops rather than publish it. */
export class CacheChangedError extends Error {
  override name = 'CacheChangedError';
  /** A failure of the machine's files, as system errors have one: the CLI says it in one line, not as a bug. */
  readonly code = 'ECACHECHANGED';
  constructor(file: string, dir: string) {
    super(`the cache file ${file} was changed since okr-handbook wrote it; delete ${dir} (or build with --no-cache)`);
  }
}
