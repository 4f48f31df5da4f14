import { cp, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { runEleventy, EleventyRunError } from '../eleventy/run.js';
import { InternalDataError } from '../eleventy/guard.js';
import { OutputPathError } from '../eleventy/plugin.js';
import { siteHref } from '../link/resolve.js';
import { collectCanaries } from '../output/canaries.js';
import { writeAtomically } from '../output/atomic.js';
import { isSearchRuntime, leakScanner } from '../output/leak-scan.js';
import { pageKeys } from '../output/page-keys.js';
import { OutputReuse } from '../output/reuse.js';
import { cacheDir, cacheKey } from '../cache/store.js';
import { listFiles } from '../load/read.js';
import type { Audience } from '../project/project.js';
import type { PageView } from '../view/page.js';
import { htmlOf, linkParts } from '../bodies/analyze.js';
import { writeSiteFiles } from '../site/index.js';
import { SearchIndexError, shardCount, shardOf, writeSearchIndex } from '../site/search.js';
import { siteViews } from '../view/views.js';
import { check, type CheckResult } from './check.js';
import type { ProjectPaths } from './paths.js';

/** What `build` did: the check's findings, plus build failures, and where the site went. */
export interface BuildResult extends CheckResult {
  written: boolean;
  pageCount: number;
}

/** Options of one build. */
export interface BuildOptions {
  audience: Audience;
  today: string;
  /** Last commit date (YYYY-MM-DD) of each content file, by root-relative path; omitted when unknown. */
  lastUpdated?: ReadonlyMap<string, string>;
  /** Use the caches under `.cache/` (default true): bodies, and the last build's output to take unchanged pages from. */
  cache?: boolean;
  /** Called as pages are rendered, laid out and indexed. */
  onProgress?: (done: number, total: number, stage: BuildStage) => void;
}

/** The stages of a build that report progress: bodies rendered, pages laid out by Eleventy, search shards indexed. */
export type BuildStage = 'render' | 'layout' | 'search';

/**
 * Runs every check, then renders, projects and lays out the site into a fresh
 * folder, scans it for internal values (public builds), and swaps it into the
 * output folder. Any error leaves the previous output untouched.
 */
export async function build(paths: ProjectPaths, options: BuildOptions): Promise<BuildResult> {
  const { onProgress } = options;
  const checked = await check(paths, { today: options.today, render: true, cache: options.cache ?? true, ...(onProgress ? { onProgress: (done, total) => onProgress(done, total, 'render') } : {}) });
  const failed = (extra: Diagnostic[]): BuildResult => ({ ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...extra]), written: false, pageCount: 0 });
  if (checked.configFailed || !checked.handbook || !checked.config || checked.diagnostics.some((d) => d.severity === 'error')) return failed([]);

  const { handbook, config } = checked;
  // Each page's body as its key and the URLs of its links: its HTML is read from the cache only if Eleventy lays it out again.
  const bodies = new Map<string, { key: string; urls: string[] }>();
  const definitions = new Map<string, string[]>();
  for (const page of handbook.pages) {
    const body = checked.bodies.get(page.file);
    if (!body?.links) continue;
    const resolve = (hrefs: readonly string[]) => hrefs.map((href) => siteHref(handbook.index, page, href));
    bodies.set(page.url, { key: body.key, urls: resolve(body.links.hrefs) });
    definitions.set(page.file, body.links.definitions.map((d) => htmlOf(linkParts(d.parts, resolve(d.hrefs)))));
  }
  const { pages: views, nav } = siteViews(handbook, { ...options, config, definitions });
  const site = { title: config.site.title, url: config.site.url ?? '', audience: options.audience, home: { title: nav.title, url: nav.url } };
  const layoutsRel = relative(paths.root, paths.layoutsDir).split(sep).join('/') || '.';

  // Pages (and search shards) made from the same inputs as in the last build into this folder are taken from it.
  const reuse = await OutputReuse.open(cacheDir(paths.root), options.audience, paths.outDir, options.cache ?? true);
  const keys = await pageKeys(views, { site, layoutsDir: paths.layoutsDir }, (view) => JSON.stringify(bodies.get(view.url) ?? null));
  const pageId = (view: PageView) => `page:${view.outputPath}`;
  const fresh = views.filter((view, i) => !reuse.reusable(pageId(view), keys[i]!));
  const canaries = options.audience === 'public' ? collectCanaries(handbook.pages, config, options.today) : [];
  const scannedFor = canaries.length > 0 ? cacheKey('canaries', JSON.stringify(canaries.map((c) => c.text).sort())) : '';

  try {
    await writeAtomically(paths.outDir, async (staging) => {
      const withBody = (view: PageView): PageView => {
        const body = bodies.get(view.url);
        return body ? { ...view, parts: linkParts(checked.parts!.get(body.key), body.urls) } : view;
      };
      await writeSiteFiles(staging, { audience: options.audience, siteUrl: site.url, pages: views, layoutsDir: paths.layoutsDir });
      if (checked.staticFiles.length > 0) await cp(paths.staticDir, staging, { recursive: true });
      // A static file replaces a page of the same name (the 404 page, say): that page is neither laid out, taken, recorded nor indexed.
      const shadowed = new Set(checked.staticFiles);
      const pages = views.flatMap((view, i) => (shadowed.has(view.outputPath) ? [] : [{ view, key: keys[i]! }]));
      const isFresh = new Set(fresh);
      // Taken before Eleventy runs: it writes only the other pages, so nothing is ever written through a link.
      for (const { view, key } of pages) {
        if (isFresh.has(view)) reuse.record(pageId(view), key, [view.outputPath]);
        else reuse.take(pageId(view), staging);
      }
      const searchable = pages.flatMap(({ view, key }) => (view.unlisted ? [] : [{ url: view.url, outputPath: view.outputPath, key }]));
      // Pages go through Eleventy shard by shard, and each search shard is indexed (by Pagefind, in its own processes) as soon as its pages are written.
      const shards = shardCount(searchable.length, config.search.shard_pages);
      const toLayOut = pages.filter(({ view }) => isFresh.has(view)).map(({ view }) => view);
      toLayOut.sort((a, b) => shardOf(a.url, shards) - shardOf(b.url, shards));
      const gates = new Map(toLayOut.map((view) => [view.outputPath, gate()]));
      let searchStarted = false;
      let laidOut = 0;
      const indexing = writeSearchIndex(staging, searchable, config.search.shard_pages, reuse, {
        written: (outputPath) => gates.get(outputPath)?.promise ?? Promise.resolve(),
        ...(onProgress ? { onProgress: (done, total) => searchStarted && onProgress(done, total, 'search') } : {}),
      });
      // Awaited below, once Eleventy is done; a failure before then must not count as unhandled.
      indexing.catch(() => undefined);
      try {
        if (toLayOut.length > 0) {
          await runEleventy({ audience: options.audience, site, pages: toLayOut }, paths.layoutsDir, staging, {
            prepare: (page) => withBody(page as PageView),
            onBatch: (done, total) => {
              for (const view of toLayOut.slice(laidOut, done)) gates.get(view.outputPath)!.resolve();
              laidOut = done;
              onProgress?.(done, total, 'layout');
            },
          });
        }
      } catch (err) {
        // The indexing waiting on pages that will never come stops, and ends before the staging folder goes.
        for (const gate of gates.values()) gate.reject(err);
        await Promise.allSettled([indexing]);
        throw err;
      }
      searchStarted = true;
      if (options.audience === 'internal') await indexing;
      else {
        // Shipped assets are copied unchanged and hold no handbook data, but their numbers (`opacity: 0.55`) would cry wolf.
        const assets = new Set((await listFiles(join(paths.layoutsDir, 'assets'))).map((f) => `assets/${f}`).filter((f) => !checked.staticFiles.includes(f)));
        const isSearch = (file: string) => file.startsWith('pagefind/');
        // Files taken from the last build were scanned for these very values then.
        const unscanned = (scanned: ReadonlySet<string>) => (file: string) => assets.has(file) || isSearchRuntime(file) || scanned.has(file);
        // The pages are scanned while Pagefind, in its own processes, indexes them; then its index is.
        const pagesScanned = unscanned(reuse.scannedFiles(scannedFor));
        const scan = leakScanner(canaries);
        const [indexed, pageLeaks] = await Promise.allSettled([indexing, scan(staging, (file) => isSearch(file) || pagesScanned(file))]);
        if (indexed.status === 'rejected') throw indexed.reason;
        if (pageLeaks.status === 'rejected') throw pageLeaks.reason;
        const searchScanned = unscanned(reuse.scannedFiles(scannedFor));
        const leaks = [...pageLeaks.value, ...(await scan(staging, (file) => !isSearch(file) || searchScanned(file)))];
        if (leaks.length > 0) throw new LeakError(leaks);
      }
      reuse.seal(staging, scannedFor);
    });
  } catch (err) {
    if (err instanceof LeakError) return failed(err.diagnostics);
    if (err instanceof SearchIndexError) return failed([diagnostic('build/search-index', { file: relative(paths.root, paths.outDir).split(sep).join('/') || '.', line: 1, column: 1, message: err.message, hint: 'nothing was written; a missing Pagefind binary means an incomplete install (npm ci)' })]);
    if (err instanceof EleventyRunError) {
      const guard = causeOfType(err, InternalDataError);
      const escape = causeOfType(err, OutputPathError);
      if (escape) return failed([diagnostic('build/output-path', { file: layoutsRel, line: 1, column: 1, message: escape.message, hint: 'use an absolute permalink inside the site; nothing was written' })]);
      if (guard) return failed([diagnostic('build/internal-data', { file: layoutsRel, line: 1, column: 1, message: guard.message, hint: 'internal data must never reach layouts in a public build; nothing was written' })]);
      return failed([await layoutDiagnostic(err.message, paths.root, layoutsRel)]);
    }
    throw err;
  }
  const outputError = await reuse.save();
  const cacheError = checked.cacheError ?? outputError;
  return { ...checked, ...(cacheError ? { cacheError } : {}), written: true, pageCount: views.length };
}

/** The innermost error of a type in a chain of Eleventy's wrappers (`originalError`) and `cause`s. */
function causeOfType<T extends Error>(err: unknown, type: new (...args: never[]) => T): T | undefined {
  let found: T | undefined;
  let e: unknown = err;
  while (e) {
    if (e instanceof type) found = e;
    const link = e as { originalError?: unknown; cause?: unknown };
    e = link.originalError ?? link.cause;
  }
  return found;
}

/**
 * A layout error at its place: Nunjucks names the template and a 0-based line
 * counted after the front matter Eleventy removed.
 */
async function layoutDiagnostic(message: string, root: string, layoutsRel: string): Promise<Diagnostic> {
  const where = /\((\S+?\.njk)\) \[Line (\d+), Column (\d+)\]\s*(?:Error: )?([\s\S]*)/.exec(message);
  const hint = 'fix the layout; nothing was written';
  if (!where) return diagnostic('build/layout-error', { file: layoutsRel, line: 1, column: 1, message, hint });
  const [, template = '', line = '0', column = '0', text = message] = where;
  const source = await readFile(template, 'utf8');
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source)?.[0] ?? '';
  return diagnostic('build/layout-error', {
    file: relative(root, template).split(sep).join('/'),
    line: Number(line) + 1 + (frontMatter.match(/\n/g)?.length ?? 0),
    column: Number(column) + 1,
    message: text.trim(),
    hint,
  });
}

/** A promise to settle from outside. Its rejection is handled here: the build throws the error itself, and a shard nobody waits for yet must not crash the process. */
function gate(): { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

class LeakError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('internal values found in the public output');
  }
}

