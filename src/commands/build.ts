import { cp } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { PageSchema, type PageData } from '../../schemas/page.js';
import { diagnostic, type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { runEleventy, EleventyRunError } from '../eleventy/run.js';
import { InternalDataError } from '../eleventy/guard.js';
import type { Handbook } from '../link/index.js';
import type { PageIndex } from '../link/page-index.js';
import { resolveLink } from '../link/resolve.js';
import { outlineOf } from '../markdown/outline.js';
import { parseMarkdown } from '../markdown/parse.js';
import { collectCanaries } from '../output/canaries.js';
import { writeAtomically } from '../output/atomic.js';
import { scanForLeaks } from '../output/leak-scan.js';
import { GENERATED_PAGES } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { outputPathForUrl } from '../pages/url.js';
import { type Audience, project } from '../project/project.js';
import { type BodyPart, renderTree } from '../render/processor.js';
import { navigationTree, navPlaces } from '../view/navigation.js';
import { editUrl, type PageView, tableOfContents } from '../view/page.js';
import { kpiView, okrView, type ViewContext } from '../view/records.js';
import { bodyTree, check, type CheckResult } from './check.js';
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
}

/**
 * Runs every check, then renders, projects and lays out the site into a fresh
 * folder, scans it for internal values (public builds), and swaps it into the
 * output folder. Any error leaves the previous output untouched.
 */
export async function build(paths: ProjectPaths, options: BuildOptions): Promise<BuildResult> {
  const rendered = new Map<string, BodyPart[]>();
  const checked = await check(paths, options.today, (page, index) => {
    const tree = bodyTree(page);
    const outline = outlineOf(tree);
    rendered.set(page.file, renderTree(tree, rewriter(index, page)));
    return outline;
  });
  const failed = (extra: Diagnostic[]): BuildResult => ({ ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...extra]), written: false, pageCount: 0 });
  if (checked.configFailed || !checked.handbook || !checked.config || checked.diagnostics.some((d) => d.severity === 'error')) return failed([]);

  const { handbook, config } = checked;
  const pages = handbook.pages.filter((p) => options.audience === 'internal' || !p.data.draft);
  const views = pageViews(pages, handbook, rendered, { ...options, config });
  const site = {
    title: config.site.title,
    url: config.site.url ?? '',
    audience: options.audience,
    nav: navigationTree(pages.map((p) => ({ url: p.url, title: p.data.title, contentPath: p.contentPath, ...(p.data.weight !== undefined ? { weight: p.data.weight } : {}) }))),
  };
  const layoutsRel = relative(paths.root, paths.layoutsDir).split(sep).join('/') || '.';

  try {
    await writeAtomically(paths.outDir, async (staging) => {
      await runEleventy({ audience: options.audience, site, pages: views }, paths.layoutsDir, staging);
      if (checked.staticFiles.length > 0) await cp(paths.staticDir, staging, { recursive: true });
      if (options.audience === 'public') {
        const leaks = await scanForLeaks(staging, collectCanaries(handbook.pages, config, options.today));
        if (leaks.length > 0) throw new LeakError(leaks);
      }
    });
  } catch (err) {
    if (err instanceof LeakError) return failed(err.diagnostics);
    if (err instanceof EleventyRunError || err instanceof InternalDataError) {
      const code = err instanceof InternalDataError || (err.cause instanceof InternalDataError) ? 'build/internal-data' : 'build/layout-error';
      return failed([diagnostic(code, { file: layoutsRel, line: 1, column: 1, message: err.message, hint: code === 'build/layout-error' ? 'fix the layout; nothing was written' : 'internal data must never reach layouts in a public build' })]);
    }
    throw err;
  }
  return { ...checked, written: true, pageCount: views.length };
}

class LeakError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('internal values found in the public output');
  }
}

/** Site links in a body are written as the canonical URL of what they resolve to; others stay as written. */
function rewriter(index: PageIndex, page: Page): (href: string) => string {
  return (href) => {
    const resolved = resolveLink(index, page, href);
    return resolved.kind === 'page' || resolved.kind === 'static' ? resolved.href : href;
  };
}

function pageViews(pages: readonly Page[], handbook: Handbook, rendered: ReadonlyMap<string, BodyPart[]>, options: BuildOptions & { config: NonNullable<CheckResult['config']> }): PageView[] {
  const { audience, today, config } = options;
  const context = { audience, config, today };
  const nav = navPlaces(navigationTree(pages.map((p) => ({ url: p.url, title: p.data.title, contentPath: p.contentPath, ...(p.data.weight !== undefined ? { weight: p.data.weight } : {}) }))));
  const kpiTarget: ViewContext['kpiTarget'] = (id) => {
    const placed = handbook.kpis.get(id);
    return placed ? { name: placed.record.name, href: `${placed.pageUrl}#${placed.anchor}` } : undefined;
  };
  return pages.map((page) => {
    const data = project<PageData>(PageSchema, page.data, context);
    const href = (url: string) => {
      const resolved = resolveLink(handbook.index, page, url);
      return resolved.kind === 'page' || resolved.kind === 'static' ? resolved.href : url;
    };
    const ctx: ViewContext = { audience, today, href, kpiTarget };
    const outline = handbook.anchors;
    void outline;
    const placedOkrs = handbook.okrs.filter((o) => o.pageUrl === page.url);
    const placedKpis = [...handbook.kpis.values()].filter((k) => k.pageUrl === page.url);
    return {
      layout: data.layout ?? 'page',
      outputPath: outputPathForUrl(page.url),
      url: page.url,
      title: data.title,
      ...(data.description !== undefined ? { description: data.description } : {}),
      parts: rendered.get(page.file) ?? [],
      okrs: (data.okrs ?? []).map((okr, i) => okrView(okr, placedOkrs[i]?.anchor ?? '', ctx)),
      kpis: (data.kpis ?? []).map((kpi, i) => kpiView(kpi, placedKpis[i]?.anchor ?? '', renderDefinition(kpi.definition, href), ctx)),
      toc: tableOfContents([]),
      nav: nav.get(page.url) ?? { breadcrumbs: [] },
      ...(editUrl(config.site.repo, config.site.branch, page.file) ? { editUrl: editUrl(config.site.repo, config.site.branch, page.file)! } : {}),
      ...(options.lastUpdated?.get(page.file) ? { lastUpdated: options.lastUpdated.get(page.file)! } : {}),
      draft: Boolean(data.draft),
      extra: page.extra,
    };
  });
  void GENERATED_PAGES;
}

function renderDefinition(markdown: string, href: (url: string) => string): string {
  return renderTree(parseMarkdown(markdown), href)
    .map((part) => ('html' in part ? part.html : ''))
    .join('');
}
