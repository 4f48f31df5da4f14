import { relative, sep } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { loadConfig } from '../config/load.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { type Handbook, linkHandbook } from '../link/index.js';
import { loadPage } from '../load/page.js';
import { listFiles, readContent } from '../load/read.js';
import type { Root } from 'mdast';
import { indexPages, type PageIndex } from '../link/page-index.js';
import { expandDirectives } from '../markdown/directives.js';
import { type Outline, outlineOf } from '../markdown/outline.js';
import { parseMarkdown } from '../markdown/parse.js';
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
}

/**
 * How a page body becomes its outline. `build` passes one that also renders
 * from the same tree, so each body is parsed once per command.
 */
export type BodyAnalyzer = (page: Page, index: PageIndex) => Outline;

/** Parses a body, places its records and reads its outline. */
export const outlineBody: BodyAnalyzer = (page) => outlineOf(bodyTree(page));

/** The mdast of a page body with its records placed. */
export function bodyTree(page: Page): Root {
  const tree = parseMarkdown(page.body);
  expandDirectives(tree, page.data);
  return tree;
}

/**
 * Loads the config and every content file, validates each against its schema,
 * then checks the handbook as a whole, reporting every problem in one run.
 */
export async function check(paths: ProjectPaths, today: string, analyze: BodyAnalyzer = outlineBody): Promise<CheckResult> {
  const rel = (p: string) => relative(paths.root, p).split(sep).join('/');
  const configFile = rel(paths.configPath);
  const loaded = await loadConfig(paths.configPath, configFile);
  if (!loaded.config) {
    const sources = new Map(loaded.text === undefined ? [] : [[configFile, loaded.text]]);
    return { configFailed: true, diagnostics: loaded.diagnostics, fileCount: 1, sources, staticFiles: [] };
  }
  const config = loaded.config;
  const [files, staticFiles, layoutFiles] = await Promise.all([readContent(paths.root, paths.contentDir), listFiles(paths.staticDir), listFiles(paths.layoutsDir)]);

  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const unvalidated = new Map<string, string>();
  for (const source of files) {
    const result = loadPage(source, config.pages.extra_keys);
    if (result.page) pages.push(result.page);
    else unvalidated.set(source.contentPath, urlForContentPath(source.contentPath));
    if (result.text !== undefined) texts.set(source.file, result.text);
    diagnostics.push(...result.diagnostics);
  }
  const indexed = indexPages(pages, staticFiles.map((f) => `/${f}`), unvalidated);
  const outlines = new Map(pages.map((page) => [page.file, analyze(page, indexed.index)] as const));
  const layouts = layoutFiles.filter((f) => /^[a-z0-9-]+\.njk$/.test(f)).map((f) => f.replace(/\.njk$/, ''));
  const linked = linkHandbook({ pages, outlines, config, today, layouts, index: indexed.index });
  diagnostics.push(...indexed.diagnostics, ...linked.diagnostics);
  const sources = new Map<string, string>();
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    if (text !== undefined) sources.set(d.file, text);
  }
  return { configFailed: false, config, handbook: linked.handbook, diagnostics: sortDiagnostics(diagnostics), fileCount: files.length, sources, staticFiles };
}
