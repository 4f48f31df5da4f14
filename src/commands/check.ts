import { relative, sep } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { loadConfig } from '../config/load.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { type Handbook, linkHandbook } from '../link/index.js';
import { loadPage } from '../load/page.js';
import { listFiles, readContent } from '../load/read.js';
import type { BodyInput } from '../bodies/analyze.js';
import { type AnalyzedBody, type AnalyzeOptions, analyzeBodies, type BodyLinks } from '../bodies/index.js';
import { cacheDir, CacheFile, CacheFolder } from '../cache/store.js';
import type { BodyPart } from '../render/processor.js';
import type { Outline } from '../markdown/outline.js';
import type { ValidFrontMatter } from '../load/page.js';
import { indexPages } from '../link/page-index.js';
import type { Page } from '../pages/page.js';
import { urlForContentPath } from '../pages/url.js';
import type { ProjectPaths } from './paths.js';

/** What `check` found: everything `build` needs to go on, and everything the reporters need. */
export interface CheckResult {
  /** Set when the config itself is invalid (exit code 2): nothing else was checked. */
  configFailed: boolean;
  config?: Config;
  handbook?: Handbook;
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Decoded text of every file that has a diagnostic, for code frames. */
  sources: Map<string, string>;
  staticFiles: string[];
  /** Outline (and, when rendering, links) of every valid page's body, by `page.file`. */
  bodies: Map<string, AnalyzedBody>;
  /** When rendering: the HTML parts of every body, by its key. */
  parts?: CacheFolder<BodyPart[]>;
  /** Why the body cache could not be written, when it could not; the results stand. */
  cacheError?: Error;
}

/** How `check` treats page bodies. */
export interface CheckOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Render HTML too (for `build`), from the same parse as the outline. */
  render?: boolean;
  /** Reuse and update the body cache under `.cache/` of the root. */
  cache?: boolean;
  onProgress?: AnalyzeOptions['onProgress'];
}

/** The input of a page body's analysis. */
export function bodyInput(page: Page): BodyInput {
  const kpis = page.data.kpis ?? [];
  return { body: page.body, titles: { okr: (page.data.okrs ?? []).map((o) => o.title), kpi: kpis.map((k) => k.name) }, definitions: kpis.map((k) => k.definition) };
}

/**
 * Loads the config and every content file, validates each against its schema,
 * then checks the handbook as a whole, reporting every problem in one run.
 */
export async function check(paths: ProjectPaths, options: CheckOptions): Promise<CheckResult> {
  const { today } = options;
  const rel = (p: string) => relative(paths.root, p).split(sep).join('/');
  const configFile = rel(paths.configPath);
  const loaded = await loadConfig(paths.configPath, configFile);
  if (!loaded.config) {
    const sources = new Map(loaded.text === undefined ? [] : [[configFile, loaded.text]]);
    return { configFailed: true, diagnostics: loaded.diagnostics, fileCount: 1, sources, staticFiles: [], bodies: new Map() };
  }
  const config = loaded.config;
  const [files, staticFiles, layoutFiles] = await Promise.all([readContent(paths.root, paths.contentDir), listFiles(paths.staticDir), listFiles(paths.layoutsDir)]);

  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const unvalidated = new Map<string, string>();
  const dir = cacheDir(paths.root);
  const caches = options.cache
    ? {
        frontMatter: await CacheFile.open<ValidFrontMatter>(dir, 'front-matter.json'),
        outlines: await CacheFile.open<Outline>(dir, 'outlines.json'),
        ...(options.render ? { links: await CacheFile.open<BodyLinks>(dir, 'links.json') } : {}),
      }
    : undefined;
  // A build's body HTML: in the cache folder, or in memory without a cache.
  const parts = options.render ? await CacheFolder.open<BodyPart[]>(options.cache ? dir : undefined, 'html') : undefined;
  for (const source of files) {
    const result = loadPage(source, config.pages.extra_keys, caches?.frontMatter);
    if (result.page) pages.push(result.page);
    else unvalidated.set(source.contentPath, urlForContentPath(source.contentPath));
    if (result.text !== undefined) texts.set(source.file, result.text);
    diagnostics.push(...result.diagnostics);
  }
  const indexed = indexPages(pages, staticFiles.map((f) => `/${f}`), unvalidated);
  const bodies = await analyzeBodies(new Map(pages.map((page) => [page.file, bodyInput(page)])), {
    ...(parts ? { render: { parts, ...(caches?.links ? { links: caches.links } : {}) } } : {}),
    ...(caches ? { outlines: caches.outlines } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const outlines = new Map([...bodies].map(([file, result]) => [file, result.outline]));
  const layouts = layoutFiles.filter((f) => /^[a-z0-9-]+\.njk$/.test(f)).map((f) => f.replace(/\.njk$/, ''));
  const linked = linkHandbook({ pages, outlines, config, today, layouts, index: indexed.index });
  diagnostics.push(...indexed.diagnostics, ...linked.diagnostics);
  const sources = new Map<string, string>();
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    if (text !== undefined) sources.set(d.file, text);
  }
  const cacheError = (await Promise.all([...Object.values(caches ?? {}), ...(parts ? [parts] : [])].map((c) => c.save()))).find((e) => e !== undefined);
  return { configFailed: false, config, handbook: linked.handbook, diagnostics: sortDiagnostics(diagnostics), fileCount: files.length, sources, staticFiles, bodies, ...(parts ? { parts } : {}), ...(cacheError ? { cacheError } : {}) };
}
