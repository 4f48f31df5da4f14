import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { cacheKey } from '../cache/store.js';
import type { OutputReuse } from '../output/reuse.js';
import { PAGEFIND_OPTIONS, type ShardResult, type ShardTask } from './pagefind-shard.js';

/** A page the search index holds: where its HTML is in the staging folder, and the key it was made from. */
export interface SearchPage {
  url: string;
  outputPath: string;
  key: string;
  /** Its shard (`shardOf`), of `count` shards. */
  shard: number;
}

/** Raised when Pagefind cannot index the built pages or write its index. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Lists the merged indexes for layouts/assets/search.js. */
const SHARDS_FILE = 'pagefind/shards.json';

/**
 * Writes the Pagefind search index of `pages` under `staging/pagefind/`, in
 * shards: the first non-empty shard is the primary bundle (with Pagefind's
 * runtime) at /pagefind/, the others are merged into it by the browser from
 * /pagefind/shard-N/. A shard whose pages all have the keys of the previous
 * build is taken from its output instead of indexed again. Several shards to
 * index go to two worker threads, each with a Pagefind process of its own.
 */
export async function writeSearchIndex(staging: string, pages: readonly SearchPage[], count: number, reuse: OutputReuse, options: SearchIndexOptions = {}): Promise<void> {
  const { onProgress, written = () => Promise.resolve() } = options;
  const shards = Array.from({ length: count }, () => [] as SearchPage[]);
  for (const page of pages) shards[page.shard]!.push(page);
  const merged: string[] = [];
  const stale: { id: string; key: string; dir: string; primary: boolean; pages: SearchPage[] }[] = [];
  let first = true;
  for (const [n, shard] of shards.entries()) {
    if (shard.length === 0) continue;
    const primary = first;
    first = false;
    const dir = primary ? 'pagefind' : `pagefind/shard-${n}`;
    // Relative to the primary bundle, so the index works under any base path.
    if (!primary) merged.push(`${dir.slice('pagefind/'.length)}/`);
    const id = `search:${n}`;
    const key = cacheKey('search', JSON.stringify(PAGEFIND_OPTIONS), dir, JSON.stringify(shard.map((p) => [p.outputPath, p.key]).sort()));
    if (reuse.reusable(id, key)) reuse.take(id, staging);
    else stale.push({ id, key, dir, primary, pages: shard });
  }

  const threads = Math.min(2, availableParallelism());
  const pool = stale.length > 1 && threads > 1 && fileURLToPath(WORKER).endsWith('.js') ? new Piscina<ShardTask, ShardResult>({ filename: WORKER.href, maxThreads: threads }) : undefined;
  // From TypeScript sources (tests) shards are indexed in this thread, one at a time: they would share one Pagefind process.
  const run = pool ? (task: ShardTask) => pool.run(task) : async (task: ShardTask) => (await import('./pagefind-shard.js')).default(task);
  let indexed = 0;
  try {
    await inTurns(
      stale.map((shard) => async () => {
        await Promise.all(shard.pages.map((page) => written(page.outputPath)));
        const source = `${staging}.${shard.dir.replace(/\//g, '-')}`;
        try {
          sourcePages(staging, source, shard.pages);
          const result = await run({ source, target: join(staging, shard.dir), primary: shard.primary });
          if ('errors' in result) throw new SearchIndexError(`search index: ${result.errors.join('; ')}`);
          reuse.record(shard.id, shard.key, result.files.map((file) => `${shard.dir}/${file}`));
          onProgress?.(++indexed, stale.length);
        } finally {
          await rm(source, { recursive: true, force: true });
        }
      }),
      pool ? threads : 1,
    );
  } finally {
    await pool?.destroy();
  }
  await mkdir(join(staging, 'pagefind'), { recursive: true });
  await writeFile(join(staging, SHARDS_FILE), `${JSON.stringify(merged)}\n`, { flag: 'wx' });
}

/** How `writeSearchIndex` reports progress and learns when pages are written. */
export interface SearchIndexOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Resolves once the page at `outputPath` is in the staging folder (rejects if
   * it never will be): a shard is indexed as soon as its pages are, while
   * Eleventy lays out the next ones. Shards are indexed in shard order.
   */
  written?: (outputPath: string) => Promise<void>;
}

const WORKER = new URL('./pagefind-shard.js', import.meta.url);

/** Marks what a layout never wants searched: the indexer does not even read it. */
const SKIP = /<!--search:skip-->[\s\S]*?<!--\/search:skip-->/g;

/**
 * Pagefind indexes a folder: `source` is a scratch one beside the staging folder
 * (links need the same file system), holding exactly a shard's pages: as links,
 * or as copies without their `<!--search:skip-->` regions (a sidebar of
 * hundreds of links on every page is most of what Pagefind would parse).
 */
function sourcePages(staging: string, source: string, pages: readonly SearchPage[]): void {
  for (const page of pages) {
    const from = join(staging, page.outputPath);
    const to = join(source, page.outputPath);
    mkdirSync(dirname(to), { recursive: true });
    const html = readFileSync(from, 'utf8');
    const slim = html.replace(SKIP, '');
    // A marker left over is a layout's mistake, and could have cut out the very part to search.
    if (/<!--\/?search:skip-->/.test(slim)) throw new SearchIndexError(`search index: ${page.outputPath} has a <!--search:skip--> without its <!--/search:skip--> (or the other way round); fix the layout`);
    if (slim.length === html.length) linkSync(from, to);
    else writeFileSync(to, slim);
  }
}

/** Runs tasks with at most `width` at a time; the first failure stops new ones and is thrown once the running ones end. */
async function inTurns(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: width }, lane));
  const rejected = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (rejected) throw rejected.reason;
}
