import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE } from '../package-root.js';
import type { Outline } from '../markdown/outline.js';
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

type Html = Required<Pick<BodyResult, 'parts' | 'hrefs'>>;

/**
 * A persistent cache of body analyses under `.cache/okr-handbook/`, keyed by
 * content hash. Results do not depend on the audience, the config or other
 * pages, so a hit can never be stale or cross-audience. Outlines and HTML are
 * kept apart, so `check` reads and writes only the small outline file. Safe to
 * delete at any time; a file that cannot be read as ours is ignored and rewritten.
 */
export class BodyCache {
  private constructor(
    private readonly dir: string,
    private readonly outlines: Map<string, Outline>,
    private readonly html: Map<string, Html> | undefined,
  ) {}

  /** Opens the cache of a handbook root, with the HTML part only when rendering. */
  static async open(root: string, render: boolean): Promise<BodyCache> {
    const dir = join(root, '.cache', 'okr-handbook');
    return new BodyCache(dir, await readEntries<Outline>(join(dir, 'outlines.json')), render ? await readEntries<Html>(join(dir, 'html.json')) : undefined);
  }

  get(key: string, render: boolean): BodyResult | undefined {
    const outline = this.outlines.get(key);
    if (!outline) return undefined;
    if (!render) return { outline };
    const html = this.html?.get(key);
    return html ? { outline, ...html } : undefined;
  }

  /**
   * Keeps the entries of this run only (keys not used are dropped, so the cache
   * never grows past one handbook) and writes a file only when it changed,
   * atomically by rename. A cache that cannot be written (a read-only checkout)
   * is returned, not thrown: the run's results are right without it, and the
   * CLI says so.
   */
  async save(used: ReadonlyMap<string, BodyResult>): Promise<Error | undefined> {
    try {
      await this.write('outlines.json', this.outlines, new Map([...used].map(([key, r]) => [key, r.outline])));
      if (this.html) await this.write('html.json', this.html, new Map([...used].flatMap(([key, r]) => (r.parts && r.hrefs ? [[key, { parts: r.parts, hrefs: r.hrefs }]] : []))));
      return undefined;
    } catch (err) {
      if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((err as NodeJS.ErrnoException).code ?? '')) return err as Error;
      throw err;
    }
  }

  private async write<T>(name: string, before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): Promise<void> {
    if (after.size === before.size && [...after.keys()].every((key) => before.has(key))) return;
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ salt: SALT, entries: [...after] }));
    await rename(tmp, file);
  }
}

async function readEntries<T>(file: string): Promise<Map<string, T>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { salt: string; entries: [string, T][] };
    return parsed.salt === SALT ? new Map(parsed.entries) : new Map();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || err instanceof SyntaxError) return new Map();
    throw err;
  }
}
