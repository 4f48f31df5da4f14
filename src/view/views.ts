import { KpiSchema } from '../../schemas/kpi.js';
import { OkrSchema } from '../../schemas/okr.js';
import { PageSchema, type PageData } from '../../schemas/page.js';
import type { Config } from '../../schemas/config.js';
import type { Handbook } from '../link/index.js';
import { siteHref } from '../link/resolve.js';
import { GENERATED_PAGES, NOT_FOUND_URL, TRANSPARENCY_HEADINGS } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { outputPathForUrl, withBase } from '../pages/url.js';
import type { Audience } from '../../schemas/visibility.js';
import { project } from '../project/project.js';
import { escapeHtml } from '../html/escape.js';
import { type NavNode, navigationTree, navPlaces } from './navigation.js';
import { canonicalUrl, editUrl, type PageView, tableOfContents } from './page.js';
import { kpiView, okrView, type OkrView, type ViewContext } from './records.js';
import { transparencyView } from './transparency.js';

/** What building the views needs besides the handbook. */
export interface ViewOptions {
  audience: Audience;
  today: string;
  config: Config;
  /** The HTML of each KPI's definition on a page, by `page.file`. */
  definitions: ReadonlyMap<string, readonly string[]>;
  /** Last commit date of each file, by root-relative path. */
  lastUpdated?: ReadonlyMap<string, string>;
  /** The path the site is served under (`/handbook`), `''` at a host's root: the links written into generated HTML start with it. */
  base?: string;
}

/**
 * Every page of one audience's site as layouts receive it: content pages and the
 * generated OKR and KPI indexes, and the 404 page. Built from projected data only; drafts are in
 * the internal audience's site alone.
 */
export function siteViews(handbook: Handbook, options: ViewOptions): { pages: PageView[]; nav: NavNode } {
  const { audience, today, config } = options;
  const site = handbook.sites[audience];
  const { pages } = site;
  // Titles of this audience's pages by URL: what cross-references and the indexes may point at.
  const titles = new Map(pages.map((p) => [p.url, p.data.title]));
  const projection = { audience, config, today };
  // Without a home page of its own, the site's home lists every page.
  const home = pages.some((p) => p.url === '/') ? undefined : { url: '/', title: config.site.title, contentPath: 'index.md' };
  // The generated pages are top-level pages of the sidebar, together before or after the content (`nav.generated`).
  const nav = navigationTree(
    [...pages.map((p) => ({ url: p.url, title: p.data.title, contentPath: p.contentPath, ...(p.data.weight !== undefined ? { weight: p.data.weight } : {}) })), ...(home ? [home] : [])],
    Object.values(GENERATED_PAGES),
    config.nav.generated,
  );
  const places = navPlaces(nav);
  const topLevel = places.get(nav.url)!.sidebar;

  const approvals = { approvers: config.approvers, today };
  const kpiTarget: ViewContext['kpiTarget'] = (id) => {
    const placed = handbook.kpis.get(id);
    return placed && site.urls.has(placed.pageUrl) ? { name: placed.record.name, href: `${placed.pageUrl}#${placed.anchor}`, ...optional('unit', placed.record.unit) } : undefined;
  };
  const hrefFrom = (page: Pick<Page, 'contentPath' | 'url'>) => (url: string) => siteHref(handbook.index, page, url);
  // The /kpis/ page shows each definition as its own page renders it.
  const definitionHtml = new Map<string, string>();
  const chrome = (file: string, url: string) => ({
    ...optional('canonical', canonicalUrl(config.site.url, url)),
    nav: places.get(url) ?? { breadcrumbs: [], sidebar: topLevel },
    ...optional('editUrl', file === '' ? undefined : editUrl(config.site.repo, config.site.branch, file)),
    ...optional('lastUpdated', options.lastUpdated?.get(file)),
  });

  const views: PageView[] = pages.map((page) => {
    const data = project<PageData>(PageSchema, page.data, projection);
    const href = hrefFrom(page);
    const ctx: ViewContext = { audience, today, href, kpiTarget, approvals };
    const outline = handbook.outlines.get(page.file);
    const depthOf = new Map(outline?.headings.map((h) => [h.id, h.depth]));
    return {
      layout: data.layout ?? 'page',
      outputPath: outputPathForUrl(page.url),
      url: page.url,
      title: data.title,
      ...optional('description', data.description),
      // Filled in just before Eleventy lays the page out, and only for pages it lays out again.
      parts: [],
      okrs: (data.okrs ?? []).map((okr, i) => {
        const anchor = outline?.recordAnchors.okr[i] ?? '';
        return withSubheadings(okrView(okr, anchor, ctx), depthOf.get(anchor) ?? 2);
      }),
      kpis: (data.kpis ?? []).map((kpi, i) => {
        const html = options.definitions.get(page.file)?.[i] ?? '';
        definitionHtml.set(kpi.id, html);
        return kpiView(kpi, outline?.recordAnchors.kpi[i] ?? '', html, ctx);
      }),
      toc: tableOfContents(outline?.headings ?? []),
      ...chrome(page.file, page.url),
      draft: Boolean(data.draft),
      extra: page.extra,
    };
  });

  const { okrIndex: okrs, kpiIndex: kpis } = site;
  const generatedCtx = (pageUrl: string): ViewContext => ({ audience, today, href: hrefFrom({ url: pageUrl, contentPath: pageUrl.slice(1) + 'index.md' }), kpiTarget, approvals });
  views.push(
    {
      layout: '_okrs',
      outputPath: outputPathForUrl(GENERATED_PAGES.okrs.url),
      url: GENERATED_PAGES.okrs.url,
      title: GENERATED_PAGES.okrs.title,
      description: 'Every objective and its key results: current, future and past.',
      parts: [],
      okrs: [],
      kpis: [],
      groups: okrs.groups.map((g) => ({
        phase: g.phase,
        title: g.title,
        id: g.id,
        okrs: g.okrs.map((o) => ({ ...withSubheadings(okrView(project(OkrSchema, o.record, projection), o.id, generatedCtx(o.pageUrl)), 3), pageUrl: o.pageUrl, pageTitle: titles.get(o.pageUrl), pageAnchor: o.anchor })),
      })),
      toc: tableOfContents(okrs.headings),
      ...chrome('', GENERATED_PAGES.okrs.url),
      draft: false,
      extra: {},
    },
    {
      layout: '_kpis',
      outputPath: outputPathForUrl(GENERATED_PAGES.kpis.url),
      url: GENERATED_PAGES.kpis.url,
      title: GENERATED_PAGES.kpis.title,
      description: 'Every KPI with its definition and calculation logic, the north-star metric first.',
      parts: [],
      okrs: [],
      kpis: kpis.kpis.map((k) => {
        const ctx = generatedCtx(k.pageUrl);
        return { ...kpiView(project(KpiSchema, k.record, projection), k.id, definitionHtml.get(k.record.id) ?? '', ctx), pageUrl: k.pageUrl, pageTitle: titles.get(k.pageUrl), pageAnchor: k.anchor };
      }),
      toc: tableOfContents(kpis.headings),
      ...chrome('', GENERATED_PAGES.kpis.url),
      draft: false,
      extra: {},
    },
    ...(home
      ? [
          {
            layout: 'page',
            outputPath: 'index.html',
            url: '/',
            title: home.title,
            parts: [{ html: `<p>The pages of this handbook:</p>\n${pageList(nav.children, options.base ?? '')}` }],
            okrs: [],
            kpis: [],
            toc: [],
            ...chrome('', '/'),
            draft: false,
            extra: {},
          },
        ]
      : []),
    {
      layout: '_transparency',
      outputPath: outputPathForUrl(GENERATED_PAGES.transparency.url),
      url: GENERATED_PAGES.transparency.url,
      title: GENERATED_PAGES.transparency.title,
      description: 'Every internal value published by approval, who approved it and when, and how many values stay internal.',
      parts: [],
      okrs: [],
      kpis: [],
      transparency: { ...transparencyView(pages, (page) => handbook.outlines.get(page.file)?.recordAnchors ?? { okr: [], kpi: [] }, approvals), ...(audience === 'public' && config.values.dir !== undefined ? { uncounted: true } : {}) },
      toc: tableOfContents([...TRANSPARENCY_HEADINGS]),
      ...chrome('', GENERATED_PAGES.transparency.url),
      draft: false,
      extra: {},
    },
    {
      layout: '_404',
      outputPath: outputPathForUrl(NOT_FOUND_URL),
      url: NOT_FOUND_URL,
      title: 'Page not found',
      parts: [],
      okrs: [],
      kpis: [],
      toc: [],
      nav: { breadcrumbs: [], sidebar: topLevel },
      unlisted: true,
      draft: false,
      extra: {},
    },
  );
  return { pages: views, nav };
}

/** Every page of a navigation tree as nested lists of links; a section without a page of its own as its title. */
function pageList(nodes: readonly NavNode[], base: string): string {
  const items = nodes.map((n) => `<li>${n.url ? `<a href="${escapeHtml(withBase(base, n.url))}">${escapeHtml(n.title)}</a>` : escapeHtml(n.title)}${n.children.length ? `\n${pageList(n.children, base)}` : ''}</li>`);
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** An OKR card's own headings (initiatives, key results) sit one level below the OKR's heading. */
function withSubheadings(okr: OkrView, headingDepth: number): OkrView & { subheadingLevel: number } {
  return { ...okr, subheadingLevel: Math.min(6, headingDepth + 1) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
