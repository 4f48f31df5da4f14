import type { MarkdownParserName } from '../../schemas/config.js';
import type { BodyInput } from '../bodies/analyze.js';
import { type AnalyzedBody, analyzeBodies, type BodyLinks } from '../bodies/index.js';
import { cacheDir, CacheFile, CacheFolder } from '../cache/store.js';
import { markdownFields } from '../markdown/front-matter.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';
import type { BodyPart } from '../render/processor.js';
import type { RunContext } from './context.js';
import type { Loaded } from './load.js';

/** Every valid page's body as analysed, and where a build's rendered HTML waits. */
export interface Analyzed {
  /** Outline (and, when rendered, links) of every valid page's body, by `page.file`. */
  bodies: Map<string, AnalyzedBody>;
  /** When rendered: the HTML parts of every body, by its key. */
  parts?: CacheFolder<BodyPart[]>;
  /** The parsers whose trees the bodies come from: the one the config names, or remark too after a fallback. */
  parsers: MarkdownParserName[];
  /** Why comrak could not be loaded, when the config names it and bodies were parsed with remark instead. */
  parserFallback?: string;
  /** Writes the caches; the first error, if one could not be written. */
  save(): Promise<Error | undefined>;
}

/** The input of a page body's analysis. */
export function bodyInput(page: Page): BodyInput {
  const titles = { okr: (page.data.okrs ?? []).map((o) => o.title), kpi: (page.data.kpis ?? []).map((k) => k.name) };
  return { body: page.body, titles, markdown: markdownFields(page.data).map((f) => f.text) };
}

/**
 * Stage 2, analyze: each body parsed once (in worker threads when there are
 * many; outlines and HTML cached by the body's key) into its outline and, for
 * a build (`render`), its HTML with link tokens.
 */
export async function analyze(loaded: Pick<Loaded, 'pages' | 'config'>, ctx: RunContext, render: boolean): Promise<Analyzed> {
  const dir = cacheDir(ctx.paths.root);
  const outlines = ctx.cache ? await CacheFile.open<Outline>(dir, 'outlines.json') : undefined;
  const links = ctx.cache && render ? await CacheFile.open<BodyLinks>(dir, 'links.json') : undefined;
  // A build's body HTML: in the cache folder, or in memory without a cache.
  const parts = render ? await CacheFolder.open<BodyPart[]>(ctx.cache ? dir : undefined, 'html') : undefined;
  const { bodies, parsers, fallback } = await analyzeBodies(new Map(loaded.pages.map((page) => [page.file, bodyInput(page)])), {
    parser: loaded.config.markdown.parser,
    ...(parts ? { render: { parts, ...(links ? { links } : {}) } } : {}),
    ...(outlines ? { outlines } : {}),
    ...(ctx.onProgress ? { onProgress: (done: number, total: number) => ctx.onProgress!('analyze', done, total) } : {}),
  });
  const save = async () => (await Promise.all([outlines?.save(), links?.save(), parts?.save()])).find((e) => e !== undefined);
  return { bodies, parsers, ...(fallback !== undefined ? { parserFallback: fallback } : {}), ...(parts ? { parts } : {}), save };
}
