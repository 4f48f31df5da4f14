import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { MarkdownParserName } from '../../schemas/config.js';
import { markdownParser } from '../markdown/parse.js';
import { analyzeBody, type BodyInput, type BodyResult, type RenderedMarkdown } from './analyze.js';
import { cacheKey, type CacheFile, type CacheFolder } from '../cache/store.js';
import type { BodyPart } from '../render/processor.js';
import type { Outline } from '../markdown/outline.js';
import type { BodyBatch, BodyTask } from './worker.js';

/** How bodies are analysed. */
export interface AnalyzeOptions {
  /** The parser the config names (`markdown.parser`). */
  parser: MarkdownParserName;
  /**
   * Also render HTML (build), not only the outline (check): each body's HTML
   * parts go to this folder, under the body's key, and its link targets and
   * Markdown fields into the result.
   */
  render?: { parts: CacheFolder<BodyPart[]>; links?: CacheFile<BodyLinks> };
  /** Cached outlines. */
  outlines?: CacheFile<Outline>;
  /** Called as bodies finish, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What a build needs of every rendered body, small enough to hold for all: the targets of its link tokens, and its front matter's Markdown fields. */
export interface BodyLinks {
  hrefs: string[];
  /** The hash of the body's HTML parts as cached, checked when they are read. */
  partsHash: string;
  markdown: RenderedMarkdown[];
}

/** A body as analysed: its key (a hash of its `BodyInput`, under which its HTML parts are stored), its outline and, when rendered, its links. */
export interface AnalyzedBody {
  key: string;
  outline: Outline;
  links?: BodyLinks;
}

/** What the bodies were parsed with. */
export interface AnalyzedBodies {
  /** Results by id, in the order given. */
  bodies: Map<string, AnalyzedBody>;
  /** The parsers whose trees the results come from (cached ones included): the one the config names, or remark too after a fallback. */
  parsers: MarkdownParserName[];
  /** Why comrak could not be loaded, when it was named and a body was parsed with remark in its place. */
  fallback?: string;
}

/**
 * The key of a body's results: a hash of everything they depend on, the parser
 * included, so a result one parser made is never taken for the other's.
 */
function bodyKey(parser: MarkdownParserName, input: BodyInput): string {
  return cacheKey(parser, JSON.stringify(input.titles), JSON.stringify(input.markdown), input.body);
}

/** Below this many bodies to parse, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 400;
const BATCH = 64;
const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Analyses every body: cache hits are reused, the rest are parsed (and rendered)
 * once each with the configured parser, across worker threads when there are
 * many.
 */
export async function analyzeBodies(bodies: ReadonlyMap<string, BodyInput>, options: AnalyzeOptions): Promise<AnalyzedBodies> {
  const total = bodies.size;
  const results = new Map<string, AnalyzedBody>();
  const misses: { id: string; key: string; input: BodyInput }[] = [];
  const { render, outlines, parser } = options;
  const parsers = new Set<MarkdownParserName>();
  let fallback: string | undefined;
  for (const [id, input] of bodies) {
    const key = bodyKey(parser, input);
    const outline = outlines?.get(key);
    const links = render?.links?.get(key);
    if (outline && (!render || (links && render.parts.has(key)))) {
      results.set(id, { key, outline, ...(links ? { links } : {}) });
      parsers.add(parser);
    } else misses.push({ id, key, input });
  }
  let done = results.size;
  options.onProgress?.(done, total);
  /** Records a body's result under the key of the parser that made it: remark's own, when comrak could not be loaded in the thread that parsed it. */
  const record = (miss: (typeof misses)[number], result: BodyResult, used: Omit<BodyBatch, 'results'>) => {
    const { id } = miss;
    const key = used.parser === parser ? miss.key : bodyKey(used.parser, miss.input);
    parsers.add(used.parser);
    fallback ??= used.fallback;
    outlines?.set(key, result.outline);
    if (render && result.parts && result.hrefs && result.markdown) {
      // The parts go to the folder as they come, so a build does not hold every page's HTML at once.
      const partsHash = render.parts.set(key, result.parts);
      const links = { hrefs: result.hrefs, partsHash, markdown: result.markdown };
      render.links?.set(key, links);
      results.set(id, { key, outline: result.outline, links });
    } else results.set(id, { key, outline: result.outline });
  };

  // Workers run compiled JavaScript; from TypeScript sources (tests) bodies are analysed in this thread.
  const threads = Math.min(availableParallelism(), 4);
  if (misses.length >= WORKER_THRESHOLD && threads > 1 && fileURLToPath(WORKER).endsWith('.js')) {
    const pool = new Piscina<BodyTask, BodyBatch>({ filename: WORKER.href, maxThreads: threads, minThreads: threads });
    try {
      const batches: (typeof misses)[] = [];
      for (let i = 0; i < misses.length; i += BATCH) batches.push(misses.slice(i, i + BATCH));
      await Promise.all(
        batches.map(async (batch) => {
          const out = await pool.run({ inputs: batch.map((m) => m.input), render: render !== undefined, parser });
          batch.forEach((miss, i) => record(miss, out.results[i]!, out));
          done += batch.length;
          options.onProgress?.(done, total);
        }),
      );
    } finally {
      await pool.destroy();
    }
  } else {
    // Imported only when asked for, so that `check` never loads the renderer.
    const renderer = render ? (await import('./render.js')).renderWithTokens : undefined;
    for (const miss of misses) {
      // Loaded with the first body parsed here: a run the cache answers, or one parsed in worker threads, never loads it in this thread.
      const { name, fallback } = markdownParser(parser);
      record(miss, analyzeBody(miss.input, name, renderer), { parser: name, fallback });
      options.onProgress?.(++done, total);
    }
  }
  // Map order is insertion order: restore the order given so every later stage is deterministic.
  const ordered = new Map([...bodies.keys()].map((id) => [id, results.get(id)!]));
  return { bodies: ordered, parsers: [...parsers].sort(), ...(fallback !== undefined ? { fallback } : {}) };
}
