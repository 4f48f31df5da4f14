import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE } from '../package-root.js';
import type { BodyInput, BodyResult } from './analyze.js';

/**
 * Bump when the output of `analyzeBody` changes for the same input without a
 * package version change (a renderer option, a plugin): old entries then miss.
 */
const CACHE_FORMAT = 1;


/**
 * What every key includes besides the input: the cache format, okr-handbook's
 * version and its dependency ranges (the lock file pins them).
 */
const SALT = JSON.stringify([CACHE_FORMAT, PACKAGE.version, PACKAGE.dependencies]);

/** The cache key of a body: a hash of everything its analysis depends on. */
export function bodyKey(input: BodyInput): string {
  return createHash('sha256').update(SALT).update('\0').update(JSON.stringify(input.titles)).update('\0').update(input.body).digest('base64url');
}

/** One cache entry; `parts` and `hrefs` only when the body was rendered. */
type Entry = BodyResult;

/**
 * A persistent cache of body analyses under `.cache/`, keyed by content hash.
 * Results do not depend on the audience, the config or other pages, so a hit can
 * never be stale or cross-audience. Safe to delete at any time. A cache file that
 * cannot be read as ours is ignored and rewritten.
 */
export class BodyCache {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Opens the cache of a handbook root, or an empty one. */
  static async open(root: string): Promise<BodyCache> {
    const file = join(root, '.cache', 'okr-handbook', 'bodies.json');
    let entries = new Map<string, Entry>();
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { salt: string; entries: [string, Entry][] };
      if (parsed.salt === SALT) entries = new Map(parsed.entries);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err;
    }
    return new BodyCache(file, entries);
  }

  get(key: string, render: boolean): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && (!render || entry.parts) ? entry : undefined;
  }

  /**
   * Writes the entries of this run only (keys not used are dropped, so the
   * cache never grows past one handbook), atomically by rename. A cache that
   * cannot be written (a read-only checkout) is returned, not thrown: the run's
   * results are right without it, and the CLI says so.
   */
  async save(used: Map<string, Entry>): Promise<Error | undefined> {
    try {
      await this.write(used);
      return undefined;
    } catch (err) {
      if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((err as NodeJS.ErrnoException).code ?? '')) return err as Error;
      throw err;
    }
  }

  private async write(used: Map<string, Entry>): Promise<void> {
    await mkdir(join(this.file, '..'), { recursive: true });
    const merged = [...used].map(([key, entry]) => {
      const old = this.entries.get(key);
      // A check-only run must not throw away HTML a build cached for the same body.
      return [key, !entry.parts && old?.parts ? old : entry] as const;
    });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ salt: SALT, entries: merged }));
    await rename(tmp, this.file);
  }
}
