import type { Config } from '../../schemas/config.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticError } from '../diagnostics/error.js';
import type { OutputReuse } from '../output/reuse.js';
import { SearchIndexError, writeSearchIndex } from '../site/search.js';
import { type RunContext, rootRelative } from './context.js';
import type { LaidOut } from './layout.js';
import type { Projected } from './project.js';

/**
 * Stage 6, search: the Pagefind index of the site's listed pages, shard by
 * shard, each as soon as Eleventy has written its pages; an unchanged shard
 * is taken from the last output.
 */
export async function search(projected: Projected, laidOut: LaidOut, staging: string, reuse: OutputReuse, ctx: RunContext & { config: Config }): Promise<void> {
  const pages = projected.pages.flatMap(({ view, key, shard }) => (shard === undefined ? [] : [{ url: view.url, outputPath: view.outputPath, key, shard }]));
  try {
    await writeSearchIndex(staging, pages, projected.shards, reuse, {
      written: laidOut.written,
      ...(ctx.onProgress ? { onProgress: (done: number, total: number) => ctx.onProgress!('search', done, total) } : {}),
    });
  } catch (err) {
    if (!(err instanceof SearchIndexError)) throw err;
    throw new DiagnosticError([diagnostic('build/search-index', { file: rootRelative(ctx.paths, ctx.paths.outDir), line: 1, column: 1 }, { message: err.message })]);
  }
}
