import type { Config } from '../../schemas/config.js';
import type { Audience } from '../../schemas/visibility.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { DiagnosticError } from '../diagnostics/error.js';
import type { Handbook } from '../link/index.js';
import { cacheDir } from '../cache/store.js';
import { OutputReuse } from '../output/reuse.js';
import { type Analyzed, analyze } from './analyze.js';
import type { RunContext } from './context.js';
import { layout } from './layout.js';
import { link } from './link.js';
import { load } from './load.js';
import { project } from './project.js';
import { openStaging, publish } from './publish.js';
import { scan } from './scan.js';
import { search } from './search.js';

/**
 * The stages of okr-handbook, in order: what each owns. `check` runs the
 * stages up to `link`; `build` runs them all, for one audience. Each is a
 * function of its own module in this folder, taking what the stages before it
 * made and nothing they hold back. The README's diagram is made from this list.
 */
export const STAGES = [
  { name: 'load', owns: 'the config; each content file decoded, split, parsed (YAML) and validated (schemas/); lists of static files and layouts' },
  { name: 'analyze', owns: 'each body parsed once: its outline (headings, anchors, links) and, for a build, its HTML with link tokens' },
  { name: 'link', owns: 'handbook-wide facts and checks: URLs, ids, references, timeframes, approvals; each audience\'s pages, indexes and anchors; every link' },
  { name: 'project', owns: 'one audience: data projected by the schemas, link tokens resolved, the views layouts receive, page keys, search shards' },
  { name: 'layout', owns: 'the guard; site files and static/ into a staging folder; unchanged pages taken from the last output; Eleventy lays out the rest' },
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
  /** Why a cache could not be written, when it could not; the results stand. */
  cacheError?: Error;
}

/** Runs the check's stages: load, analyze, link. `render` makes the analysis render HTML too, for a build. */
export async function checkHandbook(ctx: RunContext, render = false): Promise<CheckResult> {
  ctx.onStage?.('load');
  const loaded = await load(ctx);
  if ('configFailed' in loaded) return { configFailed: true, diagnostics: loaded.diagnostics, fileCount: 1, sources: loaded.texts, staticFiles: [] };
  ctx.onStage?.('analyze');
  const analyzed = await analyze(loaded, ctx, render);
  ctx.onStage?.('link');
  const linked = link(loaded, analyzed, ctx);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...linked.diagnostics]);
  const sources = new Map(diagnostics.flatMap((d) => (loaded.texts.has(d.file) ? [[d.file, loaded.texts.get(d.file)!] as const] : [])));
  const cacheError = (await Promise.all([loaded.save(), analyzed.save()])).find((e) => e !== undefined);
  return { configFailed: false, config: loaded.config, handbook: linked.handbook, analyzed, diagnostics, fileCount: loaded.fileCount, sources, staticFiles: loaded.staticFiles, ...(cacheError ? { cacheError } : {}) };
}

/** What `build` did: the check's findings, plus build failures, and whether the site was published. */
export interface BuildResult extends CheckResult {
  written: boolean;
  pageCount: number;
}

/** What a build needs besides the run context. */
export interface BuildOptions {
  audience: Audience;
  /** Last commit date (YYYY-MM-DD) of each content file, by root-relative path. */
  lastUpdated?: ReadonlyMap<string, string>;
}

/**
 * Runs every stage for one audience. A problem in any stage comes back as
 * diagnostics with nothing published: the staging folder is discarded and
 * the output folder stays exactly as it was.
 */
export async function buildSite(ctx: RunContext, options: BuildOptions): Promise<BuildResult> {
  const checked = await checkHandbook(ctx, true);
  const failed = (extra: readonly Diagnostic[]): BuildResult => ({ ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...extra]), written: false, pageCount: 0 });
  const { config, handbook, analyzed } = checked;
  if (!config || !handbook || !analyzed || checked.diagnostics.some((d) => d.severity === 'error')) return failed([]);

  const staticFiles = checked.staticFiles;
  const stageCtx = { ...ctx, config, staticFiles };
  ctx.onStage?.('project');
  const projected = await project(handbook, analyzed, config, { ...stageCtx, audience: options.audience, ...(options.lastUpdated ? { lastUpdated: options.lastUpdated } : {}) });
  // Pages (and search shards) made from the same inputs as in the last build into this folder are taken from it.
  const reuse = await OutputReuse.open(cacheDir(ctx.paths.root), options.audience, ctx.paths.outDir, ctx.cache);
  const staging = await openStaging(ctx.paths.outDir);
  try {
    ctx.onStage?.('layout');
    const laidOut = await layout(projected, staging.dir, reuse, stageCtx);
    // The search stage indexes each shard as soon as its pages are laid out; its progress shows once the layout's is done.
    let layoutDone = false;
    ctx.onStage?.('search');
    const indexing = search(projected, laidOut, staging.dir, reuse, { ...stageCtx, onProgress: (stage, done, total) => layoutDone && ctx.onProgress?.(stage, done, total) });
    indexing.catch(() => undefined);
    try {
      await laidOut.done;
    } catch (err) {
      // The indexing waiting on pages that will never come stops, and ends before the staging folder goes.
      await Promise.allSettled([indexing]);
      throw err;
    }
    layoutDone = true;
    ctx.onStage?.('scan');
    const scannedFor = await scan(projected, indexing, staging.dir, reuse, stageCtx);
    ctx.onStage?.('publish');
    await publish(staging, ctx.paths.outDir, reuse, scannedFor);
  } catch (err) {
    await staging.discard();
    if (err instanceof DiagnosticError) return failed(err.diagnostics);
    throw err;
  }
  const outputError = await reuse.save();
  const cacheError = checked.cacheError ?? outputError;
  return { ...checked, ...(cacheError ? { cacheError } : {}), written: true, pageCount: projected.views.length };
}
