import type { Config } from '../../schemas/config.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Layouts } from '../layouts/overlay.js';
import type { Handbook } from '../link/index.js';
import type { PastPage } from '../load/git-history.js';
import { type Analyzed, analyze } from './analyze.js';
import type { RunContext } from './context.js';
import { link } from './link.js';
import { load } from './load.js';

/**
 * The stages of okr-handbook, in order: what each owns. `check` runs the
 * stages up to `link` (`checkHandbook`, here); `build` runs them all, for one
 * audience (`buildSite`, in ./build.ts, so that a check never loads the rest). Each is a
 * function of its own module in this folder, taking what the stages before it
 * made and nothing they hold back. The README's diagram is made from this list.
 */
export const STAGES = [
  { name: 'load', owns: 'the config; each content file decoded, split, parsed (YAML) and validated (schemas/); the list of static files; the layouts, the root\'s own laid over the shipped ones file by file' },
  { name: 'analyze', owns: 'each body parsed once: its outline (headings, anchors, links, template syntax and raw HTML) and, for a build, its HTML with link tokens' },
  { name: 'link', owns: 'handbook-wide facts and checks: URLs and redirects, ids, references, owners, alignment, timeframes, check-ins, scores, approvals; each audience\'s pages, indexes, archives and anchors; every link; moves since a git ref' },
  { name: 'project', owns: 'one audience: data projected by the schemas, link tokens resolved, the views layouts receive (roll-ups included), the export files, page keys, search shards' },
  { name: 'layout', owns: 'the guard; site files (exports included), static/ and redirects into a staging folder; unchanged pages taken from the last output; Eleventy lays out the rest in a child process that can read nothing else' },
  { name: 'search', owns: 'the Pagefind index, shard by shard as pages are written; unchanged shards taken from the last output' },
  { name: 'scan', owns: 'public sites: every staged file searched for every unpublished internal value' },
  { name: 'publish', owns: 'the record of this output sealed; the staging folder swapped into the output folder' },
] as const;

/** A stage's name. */
export type StageName = (typeof STAGES)[number]['name'];

/** The stages `check` runs: a prefix of the build's. */
export const CHECK_STAGES = STAGES.slice(0, 3).map((s) => s.name);

/** What `check` found: everything `build` goes on from, and everything the reporters need. */
export interface CheckResult {
  /** Set when the config itself is invalid (exit code 2): nothing else was checked. */
  configFailed: boolean;
  config?: Config;
  handbook?: Handbook;
  analyzed?: Analyzed;
  diagnostics: Diagnostic[];
  fileCount: number;
  /** Decoded text of every file that has a diagnostic, for code frames. */
  sources: Map<string, string>;
  staticFiles: string[];
  /** The layouts, as read by the load stage; none when the config failed. */
  layouts?: Layouts;
  /** Why a cache could not be written, when it could not; the results stand. */
  cacheError?: Error;
  /** That comrak could not be loaded and remark parsed in its place, and why; the results stand. */
  parserNote?: string;
}

/**
 * Runs the check's stages: load, analyze, link. `render` makes the analysis
 * render HTML too, for a build; `since` holds the pages of a git ref whose URLs
 * must still lead somewhere (`check --since`).
 */
export async function checkHandbook(ctx: RunContext, render = false, since?: { ref: string; pages: readonly PastPage[] }): Promise<CheckResult> {
  ctx.onStage?.('load');
  const loaded = await load(ctx);
  if ('configFailed' in loaded) return { configFailed: true, diagnostics: loaded.diagnostics, fileCount: 1, sources: loaded.texts, staticFiles: [] };
  ctx.onStage?.('analyze');
  const analyzed = await analyze(loaded, ctx, render);
  ctx.onStage?.('link');
  const linked = await link(loaded, analyzed, ctx, since);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...linked.diagnostics]);
  const sources = new Map(diagnostics.flatMap((d) => (loaded.texts.has(d.file) ? [[d.file, loaded.texts.get(d.file)!] as const] : [])));
  const cacheError = (await Promise.all([loaded.save(), analyzed.save(), linked.save()])).find((e) => e !== undefined);
  const parserNote = analyzed.parserFallback === undefined ? undefined : `markdown.parser is comrak, but comrak could not be loaded (${analyzed.parserFallback}): pages were parsed with remark`;
  return { configFailed: false, config: loaded.config, handbook: linked.handbook, analyzed, diagnostics, fileCount: loaded.fileCount, sources, staticFiles: loaded.staticFiles, layouts: loaded.layouts, ...(cacheError ? { cacheError } : {}), ...(parserNote ? { parserNote } : {}) };
}
