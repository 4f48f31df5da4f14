import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { publishedFields } from '../../schemas/publish.js';
import { cacheDir, CacheFile } from '../cache/store.js';
import { loadConfig } from '../config/load.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PACKAGE_LAYOUTS } from '../config/paths.js';
import { type Layouts, readLayouts } from '../layouts/overlay.js';
import { outsideLinks } from '../load/symlinks.js';
import { mergeValues, valuesInContent } from '../load/merge-values.js';
import { loadValues } from '../load/values.js';
import { loadPages, type ValidFrontMatter } from '../load/page.js';
import { listFiles, readContent } from '../load/read.js';
import type { StaticFile } from '../link/disclosures.js';
import type { Page } from '../pages/page.js';
import { type RunContext, rootRelative } from './context.js';

/** What the load stage read: the config, every page that passed its schema, and what else the project holds. */
export interface Loaded {
  config: Config;
  pages: Page[];
  /** Pages whose front matter failed validation, by content path: their URL, so links to them still resolve. */
  unvalidated: Map<string, string>;
  /** How many content files were read. */
  fileCount: number;
  /** Files of static/, relative to it. */
  staticFiles: string[];
  /** The layouts: the shipped ones with the root's own laid over them. */
  layouts: Layouts;
  /** Every file of the shipped layouts, together: what the site prints whatever the handbook holds. */
  layoutText: string;
  /** Reads every file of static/, for the disclosure check: only called when there are internal values to look for. */
  readStatic(): StaticFile[];
  diagnostics: Diagnostic[];
  /** Decoded text of every file read, for code frames. */
  texts: Map<string, string>;
  /** Why the front-matter cache could not be written, when it could not. */
  save(): Promise<Error | undefined>;
}

/** A config that failed: nothing else is read (exit code 2). */
export interface ConfigFailed {
  configFailed: true;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/**
 * Stage 1, load: the config, then every content file through decode → split →
 * YAML → schema (front matter found valid before is taken from the cache), the
 * values directory when the run reads it, the list of static files, and the
 * layouts (the shipped ones with the root's own laid over them).
 */
export async function load(ctx: RunContext): Promise<Loaded | ConfigFailed> {
  const { paths } = ctx;
  const configFile = rootRelative(paths, paths.configPath);
  const loaded = await loadConfig(paths.configPath, configFile);
  if (!loaded.config) return { configFailed: true, diagnostics: loaded.diagnostics, texts: loaded.texts };
  const config = loaded.config;
  // A symbolic link that leads out of its folder is an error, and nothing is read through it.
  const folders = [paths.contentDir, paths.staticDir, paths.layoutsDir];
  const outside = await Promise.all(folders.map((dir) => outsideLinks(dir)));
  const skip = outside.map((links) => new Set(links.map((l) => l.path)));
  const [files, staticFiles, layouts] = await Promise.all([
    readContent(paths.root, paths.contentDir, skip[0]),
    listFiles(paths.staticDir, { links: true }).then((list) => list.filter((f) => !skip[1]!.has(f))),
    readLayouts(paths.layoutsDir, skip[2]),
  ]);
  const cache = ctx.cache ? await CacheFile.open<ValidFrontMatter>(cacheDir(paths.root), 'front-matter.json') : undefined;

  const loadedPages = loadPages(files, config.pages.extra_keys, cache);
  let pages: Page[] = loadedPages.pages;
  const { unvalidated, texts } = loadedPages;
  const diagnostics: Diagnostic[] = [
    ...outside.flatMap((links, i) => links.map((link) => diagnostic('file/symlink', { file: rootRelative(paths, join(folders[i]!, link.path)), line: 1, column: 1 }, { target: link.target.startsWith(paths.root + sep) ? rootRelative(paths, link.target) : link.target }))),
    ...loadedPages.diagnostics,
  ];
  if (config.values.in_content !== 'allow') diagnostics.push(...valuesInContent(pages, config.values.in_content === 'error' ? 'error' : 'warning', publishedFields({ approvers: config.approvers, today: ctx.today })));
  // The public build never reads the values directory: what it does not hold, no layout can print.
  const valuesDir = ctx.readValues ? valuesDirOf(ctx, config) : undefined;
  if (valuesDir !== undefined && existsSync(valuesDir)) {
    const values = await loadValues(valuesDir, rootRelative(paths, valuesDir));
    const merged = mergeValues(pages, values);
    pages = merged.pages;
    diagnostics.push(...values.diagnostics, ...merged.diagnostics);
    for (const [file, text] of values.texts) texts.set(file, text);
  }
  // Eleventy runs a layout's `---js` front matter: a layout gets YAML front matter or none, like a page.
  for (const [file, { source, bytes }] of layouts) {
    if (!file.endsWith('.njk')) continue;
    const language = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*\r?\n/.exec(bytes.toString('utf8'))?.[1];
    if (language !== undefined && language.toLowerCase() !== 'yaml') diagnostics.push(diagnostic('frontmatter/language', { file: rootRelative(paths, source), line: 1, column: 4 }, { language }));
  }
  // The shipped layouts' own words (`Search`) explain themselves; a custom layout's typed-in value is what the scan must find.
  const layoutText = (await listFiles(PACKAGE_LAYOUTS)).map((f) => readFileSync(join(PACKAGE_LAYOUTS, f), 'utf8')).join('\n');
  const staticRel = rootRelative(paths, paths.staticDir);
  const readStatic = () => staticFiles.map((f) => ({ file: `${staticRel}/${f}`, bytes: readFileSync(join(paths.staticDir, f)) }));
  return { config, pages, unvalidated, fileCount: files.length, staticFiles, layouts, layoutText, readStatic, diagnostics, texts, save: async () => cache?.save() };
}

/** The values directory: `--values`, else the config's `values.dir` (relative to the root); none without either. */
export function valuesDirOf(ctx: Pick<RunContext, 'paths' | 'valuesDir'>, config: Config): string | undefined {
  return ctx.valuesDir ?? (config.values.dir === undefined ? undefined : resolve(ctx.paths.root, config.values.dir));
}
