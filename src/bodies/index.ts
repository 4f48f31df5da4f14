import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeBody, type BodyInput, type BodyResult } from './analyze.js';
import { cacheKey, type CacheFile } from '../cache/store.js';
import type { Outline } from '../markdown/outline.js';
import type { BodyTask } from './worker.js';

/** How bodies are analysed. */
export interface AnalyzeOptions {
  /** Also render HTML (build), not only the outline (check). */
  render: boolean;
  /** Cached outlines, and HTML when rendering; `check` never opens the HTML file. */
  cache?: { outlines: CacheFile<Outline>; html?: CacheFile<BodyHtml> };
  /** Called as bodies finish, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A body's HTML parts and link targets, and its KPIs' definitions, as cached. */
export type BodyHtml = Required<Pick<BodyResult, 'parts' | 'hrefs' | 'definitions'>>;

/** Below this many bodies to parse, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 400;
const BATCH = 64;
const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Analyses every body: cache hits are reused, the rest are parsed (and rendered)
 * once each, across worker threads when there are many. Returns results by id,
 * in the order given.
 */
export async function analyzeBodies(bodies: ReadonlyMap<string, BodyInput>, options: AnalyzeOptions): Promise<Map<string, BodyResult>> {
  const total = bodies.size;
  const results = new Map<string, BodyResult>();
  const misses: { id: string; key: string; input: BodyInput }[] = [];
  const { cache } = options;
  for (const [id, input] of bodies) {
    const key = cacheKey(JSON.stringify(input.titles), JSON.stringify(input.definitions), input.body);
    const outline = cache?.outlines.get(key);
    const html = options.render ? cache?.html?.get(key) : undefined;
    if (outline && (!options.render || html)) results.set(id, { outline, ...html });
    else misses.push({ id, key, input });
  }
  let done = results.size;
  options.onProgress?.(done, total);
  const record = (miss: (typeof misses)[number], result: BodyResult) => {
    results.set(miss.id, result);
    cache?.outlines.set(miss.key, result.outline);
    if (result.parts && result.hrefs && result.definitions) cache?.html?.set(miss.key, { parts: result.parts, hrefs: result.hrefs, definitions: result.definitions });
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
          const out = await pool.run({ inputs: batch.map((m) => m.input), render: options.render });
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
    const render = options.render ? (await import('./render.js')).renderWithTokens : undefined;
    for (const miss of misses) {
      record(miss, analyzeBody(miss.input, render));
      options.onProgress?.(++done, total);
    }
  }
  // Map order is insertion order: restore the order given so every later stage is deterministic.
  return new Map([...bodies.keys()].map((id) => [id, results.get(id)!]));
}
