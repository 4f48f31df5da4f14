import { linkSync, mkdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheKey } from '../cache/store.js';
import type { OutputReuse } from '../output/reuse.js';

/** A page the search index holds: where its HTML is in the staging folder, and the key it was made from. */
export interface SearchPage {
  url: string;
  outputPath: string;
  key: string;
}

/** Raised when Pagefind cannot index the built pages or write its index. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Pagefind's ready-made search UIs: the site has its own small search box (layouts/assets/search.js). */
const UNUSED_SEARCH_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** The runtime (script, worker, WebAssembly): a merged index is searched with the primary index's. */
const RUNTIME_FILES = /^(pagefind(-[a-z]+)*\.js|wasm\.[^/]+\.pagefind)$/;
/** Heading anchors ("#") and decorations hidden from screen readers are not words of the page. */
const PAGEFIND_OPTIONS = { excludeSelectors: ['.heading-anchor', '[aria-hidden="true"]'] };
/** Lists the merged indexes for layouts/assets/search.js. */
export const SHARDS_FILE = 'pagefind/shards.json';

/**
 * How many shards `pageCount` pages make: a power of two, so it changes (and
 * moves pages between shards) only when the handbook doubles or halves.
 */
export function shardCount(pageCount: number, shardPages: number): number {
  let count = 1;
  while (count * shardPages < pageCount) count *= 2;
  return count;
}

/**
 * A page's shard, from its first URL segment: a section's pages share one, so
 * a new page (which changes its section's sidebars) re-indexes one shard.
 */
export function shardOf(url: string, count: number): number {
  const section = url.split('/')[1] ?? '';
  // FNV-1a: stable across runs and machines, unlike anything seeded.
  let hash = 0x811c9dc5;
  for (let i = 0; i < section.length; i++) hash = Math.imul(hash ^ section.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/**
 * Writes the Pagefind search index of `pages` under `staging/pagefind/`, in
 * shards: the first non-empty shard is the primary bundle (with Pagefind's
 * runtime) at /pagefind/, the others are merged into it by the browser from
 * /pagefind/shard-N/. A shard whose pages all have the keys of the previous
 * build is taken from its output instead of indexed again. Pagefind restarts
 * for each shard, so its memory is that of one shard.
 */
export async function writeSearchIndex(staging: string, pages: readonly SearchPage[], shardPages: number, reuse: OutputReuse): Promise<void> {
  const count = shardCount(pages.length, shardPages);
  const shards = Array.from({ length: count }, () => [] as SearchPage[]);
  for (const page of pages) shards[shardOf(page.url, count)]!.push(page);
  const merged: string[] = [];
  let primary = true;
  for (const [n, shard] of shards.entries()) {
    if (shard.length === 0) continue;
    const dir = primary ? 'pagefind' : `pagefind/shard-${n}`;
    if (!primary) merged.push(`/${dir}/`);
    const id = `search:${n}`;
    const key = cacheKey('search', JSON.stringify(PAGEFIND_OPTIONS), dir, JSON.stringify(shard.map((p) => [p.outputPath, p.key]).sort()));
    if (reuse.reusable(id, key)) reuse.take(id, staging);
    else reuse.record(id, key, await indexShard(staging, shard, dir, primary));
    primary = false;
  }
  await mkdir(join(staging, 'pagefind'), { recursive: true });
  await writeFile(join(staging, SHARDS_FILE), `${JSON.stringify(merged)}\n`);
}

/** Indexes one shard's pages into `staging/dir`; returns the files written, relative to `staging`. */
async function indexShard(staging: string, pages: readonly SearchPage[], dir: string, primary: boolean): Promise<string[]> {
  // Pagefind indexes a folder: a scratch one beside the staging folder (links need the same file system), holding links to exactly this shard's pages.
  const source = `${staging}.${dir.replace(/\//g, '-')}`;
  for (const page of pages) {
    mkdirSync(dirname(join(source, page.outputPath)), { recursive: true });
    linkSync(join(staging, page.outputPath), join(source, page.outputPath));
  }
  const written: string[] = [];
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!index) throw new SearchIndexError(`search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: source });
    if (added.errors.length > 0) throw new SearchIndexError(`search index: ${added.errors.join('; ')}`);
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new SearchIndexError(`search index: ${bundle.errors.join('; ')}`);
    for (const file of bundle.files) {
      if (UNUSED_SEARCH_FILES.test(file.path) || (!primary && RUNTIME_FILES.test(file.path))) continue;
      const target = join(staging, dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
      written.push(`${dir}/${file.path}`);
    }
  } finally {
    await pagefind.close();
    await rm(source, { recursive: true, force: true });
  }
  return written;
}
