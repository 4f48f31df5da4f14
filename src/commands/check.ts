import { relative, sep } from 'node:path';
import type { Config } from '../../schemas/config.js';
import { loadConfig } from '../config/load.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { loadPage } from '../load/page.js';
import { readContent } from '../load/read.js';
import type { Page } from '../pages/page.js';
import type { ProjectPaths } from './paths.js';

/** What `check` found: everything `build` needs to go on, and everything the reporters need. */
export interface CheckResult {
  /** Set when the config itself is invalid (exit code 2): nothing else was checked. */
  configFailed: boolean;
  config?: Config;
  pages: Page[];
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Decoded text of every file that has a diagnostic, for code frames. */
  sources: Map<string, string>;
}

/** Loads the config and every content file and validates them all, reporting every problem in one run. */
export async function check(paths: ProjectPaths): Promise<CheckResult> {
  const rel = (p: string) => relative(paths.root, p).split(sep).join('/');
  const configFile = rel(paths.configPath);
  const loaded = await loadConfig(paths.configPath, configFile);
  if (!loaded.config) {
    const sources = new Map(loaded.text === undefined ? [] : [[configFile, loaded.text]]);
    return { configFailed: true, pages: [], diagnostics: loaded.diagnostics, fileCount: 1, sources };
  }
  const config = loaded.config;
  const files = await readContent(paths.root, paths.contentDir);
  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const source of files) {
    const result = loadPage(source, config.pages.extra_keys);
    if (result.page) pages.push(result.page);
    if (result.diagnostics.length > 0 && result.text !== undefined) sources.set(source.file, result.text);
    diagnostics.push(...result.diagnostics);
  }
  return { configFailed: false, config, pages, diagnostics: sortDiagnostics(diagnostics), fileCount: files.length, sources };
}
