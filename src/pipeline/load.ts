import type { Config } from '../../schemas/config.js';
import { cacheDir, CacheFile } from '../cache/store.js';
import { loadConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadPages, type ValidFrontMatter } from '../load/page.js';
import { listFiles, readContent } from '../load/read.js';
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
  /** Layout names (files `layouts/<name>.njk`). */
  layouts: string[];
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
 * YAML → schema (front matter found valid before is taken from the cache), and
 * the lists of static files and layouts.
 */
export async function load(ctx: RunContext): Promise<Loaded | ConfigFailed> {
  const { paths } = ctx;
  const configFile = rootRelative(paths, paths.configPath);
  const loaded = await loadConfig(paths.configPath, configFile);
  if (!loaded.config) return { configFailed: true, diagnostics: loaded.diagnostics, texts: loaded.texts };
  const config = loaded.config;
  const [files, staticFiles, layoutFiles] = await Promise.all([readContent(paths.root, paths.contentDir), listFiles(paths.staticDir), listFiles(paths.layoutsDir)]);
  const cache = ctx.cache ? await CacheFile.open<ValidFrontMatter>(cacheDir(paths.root), 'front-matter.json') : undefined;

  const { pages, unvalidated, diagnostics, texts } = loadPages(files, config.pages.extra_keys, cache);
  const layouts = layoutFiles.filter((f) => /^[a-z0-9-]+\.njk$/.test(f)).map((f) => f.replace(/\.njk$/, ''));
  return { config, pages, unvalidated, fileCount: files.length, staticFiles, layouts, diagnostics, texts, save: async () => cache?.save() };
}
