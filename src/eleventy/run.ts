import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Eleventy from '@11ty/eleventy';
import { causeChain } from '../diagnostics/error.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { type EleventyBuild, type EleventyConfig, type EleventyPage, HANDBOOK_OPTIONS } from './plugin.js';

/** okr-handbook's Eleventy config file: a few lines that add the plugin. */
const CONFIG_FILE = join(PACKAGE_ROOT, '.eleventy.js');

/** Raised when Eleventy fails (a layout throws, say); carries Eleventy's own error as `cause`. */
export class EleventyRunError extends Error {
  override name = 'EleventyRunError';
}

/**
 * Runs Eleventy over finished pages into `outDir`. Its input folder is a fresh
 * empty one, so Eleventy never sees content/; layouts come from `layoutsDir`.
 */
export async function runEleventy<P extends EleventyPage>(build: EleventyBuild<P>, layoutsDir: string, outDir: string, options: RunOptions<P> = {}): Promise<void> {
  const { batch = BATCH, prepare = (page) => page, onBatch } = options;
  // Eleventy holds every page it renders until its run ends: pages go through it in batches, so memory stays flat.
  for (let start = 0; start < build.pages.length || start === 0; start += batch) {
    await runOnce({ ...build, pages: build.pages.slice(start, start + batch).map(prepare) }, layoutsDir, outDir);
    onBatch?.(Math.min(start + batch, build.pages.length), build.pages.length);
    // With memory to spare, V8 lets the garbage of finished runs pile up (past 1 GB at 10,000 pages) rather than collect it.
    if (start + batch < build.pages.length) collectGarbage();
  }
}

/** A full garbage collection, through V8's `gc` made reachable at run time (as jest's leak detector does), once. */
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** How `runEleventy` feeds Eleventy. */
export interface RunOptions<P extends EleventyPage> {
  /** Pages per Eleventy run. */
  batch?: number;
  /** Completes a page just before its batch runs (its body's HTML, read from the cache), so only one batch is held whole. */
  prepare?: (page: P) => P;
  /** Called after each batch with the pages written so far and in all. */
  onBatch?: (done: number, total: number) => void;
}

/** Pages per Eleventy run: big enough that its start-up (about 0.2 s) is a small share. */
const BATCH = 2000;

async function runOnce(build: EleventyBuild, layoutsDir: string, outDir: string): Promise<void> {
  const inputDir = await mkdtemp(join(tmpdir(), 'okr-handbook-eleventy-'));
  try {
    const layouts = relative(inputDir, layoutsDir);
    const elev = new Eleventy(eleventyPath(inputDir), outDir, {
      quietMode: true,
      // Always our own config file, never an eleventy.config.js from the working directory.
      configPath: CONFIG_FILE,
      config(eleventyConfig: EleventyConfig & { setIncludesDirectory(d: string): void; setLayoutsDirectory(d: string): void; setDataDirectory(d: string): void }) {
        eleventyConfig.setIncludesDirectory(layouts);
        eleventyConfig.setLayoutsDirectory(layouts);
        // A folder that never exists: no data file can add to what the projection produced.
        eleventyConfig.setDataDirectory('.okr-handbook-no-data');
        eleventyConfig[HANDBOOK_OPTIONS] = { build, outDir, layoutsDir };
      },
    });
    elev.disableLogger();
    try {
      await elev.write();
    } catch (err) {
      throw new EleventyRunError(rootMessage(err), { cause: err });
    }
  } finally {
    await rm(inputDir, { recursive: true, force: true });
  }
}

/**
 * How to name `dir` to Eleventy. Eleventy 3 keys its dependency graph by template paths made relative to
 * the working directory by cutting that directory off as a bare string prefix (TemplatePath.relativePath ->
 * stripLeadingSubPath in @11ty/eleventy-utils, with no path separator check). From /tmp/okr, the template
 * /tmp/okr-handbook-eleventy-XXXXXX/handbook-page.html became "handbook-eleventy-XXXXXX/handbook-page.html",
 * matched no template, fell out of the render order and failed the run ("entry._pages is not iterable").
 * No folder name avoids every such working directory (/t is a prefix of /tmp), but Eleventy leaves a
 * relative path alone. It is used only then, so that layout errors keep naming their files absolutely.
 */
function eleventyPath(dir: string): string {
  const cwd = process.cwd();
  const inside = cwd.endsWith(sep) ? cwd : cwd + sep;
  return dir.startsWith(cwd) && !dir.startsWith(inside) ? relative(cwd, dir) : dir;
}

/** Eleventy wraps errors several levels deep; the innermost message names the real problem. */
function rootMessage(err: unknown): string {
  const messages = causeChain(err).map((e) => (e as { message?: unknown }).message).filter((m): m is string => typeof m === 'string' && m !== '');
  return messages.at(-1) ?? String(err);
}
