import { cp, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { publishedFields } from '../../schemas/publish.js';
import type { Config } from '../../schemas/config.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticError } from '../diagnostics/error.js';
import { assertExportsProjected, assertProjected, InternalDataError } from '../eleventy/guard.js';
import { OutputPathError } from '../eleventy/plugin.js';
import { EleventyRunError, runEleventy } from '../eleventy/run.js';
import { type Layouts, writeLayouts } from '../layouts/overlay.js';
import type { OutputReuse } from '../output/reuse.js';
import { writeSiteFiles } from '../site/index.js';
import { writeRedirects } from '../site/redirects.js';
import type { PageView } from '../view/page.js';
import { type RunContext, rootRelative } from './context.js';
import type { Projected } from './project.js';
import type { Staging } from './publish.js';

/** Pages being laid out: each page's file can be awaited, and so can the whole stage. */
export interface LaidOut {
  /** Resolves once the page at `outputPath` is in the staging folder; rejects if it never will be. */
  written(outputPath: string): Promise<void>;
  /** Resolves when every page is written; rejects with a `DiagnosticError` for a layout's failure. */
  done: Promise<void>;
}

/** Page ids in the record of the last output. */
export const pageId = (view: PageView) => `page:${view.outputPath}`;

/** What the layout stage knows besides the run: the config, the static files and the layouts. */
type LayoutContext = RunContext & { config: Config; staticFiles: readonly string[]; layouts: Layouts };

/**
 * Stage 5, layout: the layouts written into one folder the layout process may
 * read (the shipped ones with the root's laid over them); the site files
 * (assets, robots.txt, sitemap, the data files `okrs.json` and `kpis.json`,
 * guarded first), static/ and the redirects of moved pages into the staging
 * folder; pages whose key is unchanged taken from the last output; the guard
 * over the others, then Eleventy lays them out, batch by batch, as the search
 * stage waits for them.
 */
export async function layout(projected: Projected, { dir: staging, work: workDir }: Staging, reuse: OutputReuse, ctx: LayoutContext): Promise<LaidOut> {
  const { paths } = ctx;
  // In the layout process's own folder, made afresh each build and removed with it: Eleventy and Nunjucks read layouts from one folder, never an earlier build's.
  const layoutsDir = join(workDir, 'layouts');
  await writeLayouts(ctx.layouts, layoutsDir);
  if (projected.audience === 'public') guard(() => assertExportsProjected(projected.exports, publishedFields({ approvers: ctx.config.approvers, today: ctx.today })), ctx);
  await writeSiteFiles(staging, { audience: projected.audience, siteUrl: String(projected.site.url), pages: projected.views, exports: projected.exports, layoutsDir });
  // Links inside static/ are copied as the files they lead to: nothing in the output is ever a link.
  if (ctx.staticFiles.length > 0) await cp(paths.staticDir, staging, { recursive: true, dereference: true });
  await writeRedirects(staging, projected.redirects, { base: projected.base, url: String(projected.site.url), title: ctx.config.site.title });
  // Taken before Eleventy runs: it writes only the other pages, so nothing is ever written through a link.
  const fresh: PageView[] = [];
  for (const { view, key } of projected.pages) {
    if (reuse.reusable(pageId(view), key)) reuse.take(pageId(view), staging);
    else {
      reuse.record(pageId(view), key, [view.outputPath]);
      fresh.push(view);
    }
  }
  if (projected.audience === 'public') guard(() => assertProjected(fresh, publishedFields({ approvers: ctx.config.approvers, today: ctx.today })), ctx);
  const gates = new Map(fresh.map((view) => [view.outputPath, gate()]));
  let laidOut = 0;
  const done = (async () => {
    if (fresh.length === 0) return;
    try {
      await runEleventy({ site: projected.site, base: projected.base, pages: fresh }, layoutsDir, staging, {
        workDir,
        prepare: projected.withBody,
        onBatch: (count, total) => {
          for (const view of fresh.slice(laidOut, count)) gates.get(view.outputPath)!.resolve();
          laidOut = count;
          ctx.onProgress?.('layout', count, total);
        },
      });
    } catch (err) {
      // What waits on pages that will never come stops.
      for (const g of gates.values()) g.reject(err);
      throw err instanceof EleventyRunError ? new DiagnosticError([layoutDiagnostic(err, layoutsDir, ctx)]) : err;
    }
  })().finally(() => rm(workDir, { recursive: true, force: true }));
  // Awaited by the caller once the search stage is under way; a failure before then is not unhandled.
  done.catch(() => undefined);
  return { written: (outputPath) => gates.get(outputPath)?.promise ?? Promise.resolve(), done };
}

/** The guard before templates and data files: a public page's records, and the public exports, hold no unpublished internal field. */
function guard(assert: () => void, ctx: RunContext): void {
  try {
    assert();
  } catch (err) {
    if (!(err instanceof InternalDataError)) throw err;
    throw new DiagnosticError([diagnostic('build/internal-data', { file: rootRelative(ctx.paths, ctx.paths.layoutsDir), line: 1, column: 1 }, { message: err.message })]);
  }
}

/**
 * What went wrong in Eleventy, at its place: a write outside the output, or a
 * layout's error. Nunjucks names the template in `layoutsDir` (told here by
 * the file it was written from) and a 0-based line counted after the front
 * matter Eleventy removed.
 */
function layoutDiagnostic(err: EleventyRunError, layoutsDir: string, ctx: LayoutContext): Diagnostic {
  const layouts = rootRelative(ctx.paths, ctx.paths.layoutsDir);
  const escape = err.chain.findLast((e) => e.name === OutputPathError.name);
  if (escape) return diagnostic('build/output-path', { file: layouts, line: 1, column: 1 }, { message: escape.message });
  // The innermost template named is where it failed; a render error names its line, a compile error (an unknown filter) does not.
  const where = [...err.message.matchAll(/\((\S+?\.njk)\)(?: \[Line (\d+), Column (\d+)\])?/g)].at(-1);
  const template = where && ctx.layouts.get(relative(layoutsDir, where[1]!).split(sep).join('/'));
  if (!where || !template) return diagnostic('build/layout-error', { file: layouts, line: 1, column: 1 }, { message: err.message });
  const [, , line, column = '0'] = where;
  const text = err.message.slice(where.index + where[0].length).replace(/^\s*(?:Template render error:\s*)?(?:Error: )?/, '').trim() || err.message;
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(template.bytes.toString('utf8'))?.[0] ?? '';
  const place = line === undefined ? { line: 1, column: 1 } : { line: Number(line) + 1 + (frontMatter.match(/\n/g)?.length ?? 0), column: Number(column) + 1 };
  return diagnostic('build/layout-error', { file: rootRelative(ctx.paths, template.source), ...place }, { message: text });
}

/** A promise to settle from outside. Its rejection is handled here: the stage throws the error itself, and a page nobody waits for yet must not crash the process. */
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
