import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeBody, type BodyInput, type BodyResult, type RenderedMarkdown } from './analyze.js';
import { cacheKey, type CacheFile, type CacheFolder } from '../cache/store.js';
import type { BodyPart } from '../render/processor.js';
import type { Outline } from '../markdown/outline.js';
import type { BodyTask } from './worker.js';

/** How bodies are analysed. */
export interface AnalyzeOptions {
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

/** Below this many bodies to parse, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 400;
const BATCH = 64;
const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Analyses every body: cache hits are reused, the rest are parsed (and rendered)
 * once each, across worker threads when there are many. Returns results by id,
 * in the order given.
 */
export async function analyzeBodies(bodies: ReadonlyMap<string, BodyInput>, options: AnalyzeOptions): Promise<Map<string, AnalyzedBody>> {
  const total = bodies.size;
  const results = new Map<string, AnalyzedBody>();
  const misses: { id: string; key: string; input: BodyInput }[] = [];
  const { render, outlines } = options;
  for (const [id, input] of bodies) {
    const key = cacheKey(JSON.stringify(input.titles), JSON.stringify(input.markdown), input.body);
    const outline = outlines?.get(key);
    const links = render?.links?.get(key);
    if (outline && (!render || (links && render.parts.has(key)))) results.set(id, { key, outline, ...(links ? { links } : {}) });
    else misses.push({ id, key, input });
  }
  let done = results.size;
  options.onProgress?.(done, total);
  const record = ({ id, key }: (typeof misses)[number], result: BodyResult) => {
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
    const pool = new Piscina<BodyTask, BodyResult[]>({ filename: WORKER.href, maxThreads: threads, minThreads: threads });
    try {
      const batches: (typeof misses)[] = [];
      for (let i = 0; i < misses.length; i += BATCH) batches.push(misses.slice(i, i + BATCH));
      await Promise.all(
        batches.map(async (batch) => {
          const out = await pool.run({ inputs: batch.map((m) => m.input), render: render !== undefined });
          batch.forEach((miss, i) => record(miss, out[i]!));
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
      record(miss, analyzeBody(miss.input, renderer));
      options.onProgress?.(++done, total);
    }
  }
  // Map order is insertion order: restore the order given so every later stage is deterministic.
  return new Map([...bodies.keys()].map((id) => [id, results.get(id)!]));
}
