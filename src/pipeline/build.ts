import type { Audience } from '../../schemas/visibility.js';
import { cacheDir } from '../cache/store.js';
import { valuesDirProblem } from '../config/paths.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { DiagnosticError } from '../diagnostics/error.js';
import { OutputReuse } from '../output/reuse.js';
import { siteLocation } from '../pages/url.js';
import type { RunContext } from './context.js';
import { checkHandbook, type CheckResult } from './index.js';
import { layout } from './layout.js';
import { valuesDirOf } from './load.js';
import { project } from './project.js';
import { openStaging, publish, recoverOutput } from './publish.js';
import { scan } from './scan.js';
import { search } from './search.js';

/** What `build` did: the check's findings, plus build failures, and whether the site was published. */
export interface BuildResult extends CheckResult {
  written: boolean;
  pageCount: number;
  /** Resolves once the previous output folder is removed (the new one is in place already); rejects if it cannot be. */
  settled: Promise<void>;
  /** Why nothing was built, as a command-line mistake (exit 2). */
  usage?: string;
}

/** What a build needs besides the run context. */
export interface BuildOptions {
  audience: Audience;
  /** Last commit date (YYYY-MM-DD) of each content file, by root-relative path. */
  lastUpdated?: ReadonlyMap<string, string>;
  /** Where this build is served, over `site.url` (`--base-url`): an absolute URL, or a path on its origin. */
  baseUrl?: string;
}

/**
 * Runs every stage for one audience. A problem in any stage comes back as
 * diagnostics with nothing published: the staging folder is discarded and
 * the output folder stays exactly as it was.
 */
export async function buildSite(ctx: RunContext, options: BuildOptions): Promise<BuildResult> {
  await recoverOutput(ctx.paths.outDir);
  const checked = await checkHandbook(ctx, true);
  const failed = (extra: readonly Diagnostic[]): BuildResult => ({ ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...extra]), written: false, pageCount: 0, settled: Promise.resolve() });
  const { handbook, analyzed, layouts } = checked;
  if (!checked.config || !handbook || !analyzed || !layouts || checked.diagnostics.some((d) => d.severity === 'error')) return failed([]);
  // The CLI compared --out with the sources and --values before anything ran; the config's values.dir is known only now. The public build compares too: it would replace the folder.
  const valuesDir = valuesDirOf(ctx, checked.config);
  const usage = valuesDir === undefined ? undefined : valuesDirProblem(ctx.paths.outDir, valuesDir);
  if (usage) return { ...failed([]), usage };

  // Every URL this build writes lies under its base path; canonical links and the sitemap on its URL.
  const location = siteLocation(checked.config.site.url, options.baseUrl);
  const config = { ...checked.config, site: { ...checked.config.site, url: location.url } };
  const staticFiles = checked.staticFiles;
  const stageCtx = { ...ctx, config, staticFiles, layouts };
  ctx.onStage?.('project');
  const projected = await project(handbook, analyzed, config, { ...stageCtx, audience: options.audience, base: location.base, ...(options.lastUpdated ? { lastUpdated: options.lastUpdated } : {}) });
  // Pages (and search shards) made from the same inputs as in the last build into this folder are taken from it.
  const reuse = await OutputReuse.open(cacheDir(ctx.paths.root), options.audience, ctx.paths.outDir, ctx.cache);
  const staging = await openStaging(ctx.paths.outDir);
  let removed: Promise<void>;
  try {
    ctx.onStage?.('layout');
    const laidOut = await layout(projected, staging, reuse, stageCtx);
    // The search stage indexes each shard as soon as its pages are laid out; its progress, and its stage event, once the layout is done.
    let layoutDone = false;
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
    ctx.onStage?.('search');
    await indexing;
    ctx.onStage?.('scan');
    const scannedFor = await scan(projected, indexing, staging.dir, reuse, stageCtx);
    ctx.onStage?.('publish');
    ({ removed } = await publish(staging, ctx.paths.outDir, reuse, scannedFor));
  } catch (err) {
    await staging.discard();
    if (err instanceof DiagnosticError) return failed(err.diagnostics);
    throw err;
  }
  const outputError = await reuse.save();
  const cacheError = checked.cacheError ?? outputError;
  return { ...checked, ...(cacheError ? { cacheError } : {}), written: true, pageCount: projected.views.length, settled: removed };
}
