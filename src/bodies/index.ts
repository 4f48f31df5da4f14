import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeBody, type BodyInput, type BodyResult } from './analyze.js';
import { type BodyCache, bodyKey } from './cache.js';
import type { BodyTask } from './worker.js';

/** How bodies are analysed. */
export interface AnalyzeOptions {
  /** Also render HTML (build), not only the outline (check). */
  render: boolean;
  cache?: BodyCache;
  /** Called as bodies finish, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
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
export async function analyzeBodies(bodies: ReadonlyMap<string, BodyInput>, options: AnalyzeOptions): Promise<{ results: Map<string, BodyResult>; cacheError?: Error }> {
  let cacheError: Error | undefined;
  const total = bodies.size;
  const results = new Map<string, BodyResult>();
  const used = new Map<string, BodyResult>();
  const misses: { id: string; key: string; input: BodyInput }[] = [];
  for (const [id, input] of bodies) {
    const key = bodyKey(input);
    const hit = options.cache?.get(key, options.render);
    if (hit) {
      results.set(id, hit);
      used.set(key, hit);
    } else misses.push({ id, key, input });
  }
  let done = results.size;
  options.onProgress?.(done, total);
  const record = (miss: (typeof misses)[number], result: BodyResult) => {
    results.set(miss.id, result);
    used.set(miss.key, result);
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
  if (options.cache) cacheError = await options.cache.save(used);
  // Map order is insertion order: restore the order given so every later stage is deterministic.
  const ordered = new Map([...bodies.keys()].map((id) => [id, results.get(id)!]));
  return cacheError ? { results: ordered, cacheError } : { results: ordered };
}
