import { type Kpi, KpiSchema } from '../../schemas/kpi.js';
import { type Okr, OkrSchema } from '../../schemas/okr.js';
import { PageSchema, type PageData } from '../../schemas/page.js';
import type { Config } from '../../schemas/config.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Handbook } from '../link/index.js';
import { siteHref } from '../link/resolve.js';
import { GENERATED_PAGES, NOT_FOUND_URL, type Placed, TRANSPARENCY_HEADINGS } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { outputPathForUrl, withBase } from '../pages/url.js';
import type { Audience } from '../../schemas/visibility.js';
import { project } from '../project/project.js';
import { escapeHtml } from '../html/escape.js';
import { type NavNode, navigationTree, navPlaces } from './navigation.js';
import { optional } from '../optional.js';
import { canonicalUrl, editUrl, type PageView, tableOfContents } from './page.js';
import { type Alignment, kpiView, type KpiView, okrView, type OkrView, ownerLookup, type ViewContext } from './records.js';
import { transparencyView } from './transparency.js';

/** What building the views needs besides the handbook. */
export interface ViewOptions {
  audience: Audience;
  today: string;
  config: Config;
  /** The HTML of each Markdown field of a page's front matter, by `page.file`, then by the field's path (`kpis[0].definition`). */
  markdown: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Last commit date of each file, by root-relative path. */
  lastUpdated?: ReadonlyMap<string, string>;
  /** The path the site is served under (`/handbook`), `''` at a host's root: the links written into generated HTML start with it. */
  base?: string;
}

/** A record's view with the page that defines it: what the indexes, the archive and the exports show. */
export type PlacedView<V> = V & { pageUrl: string; pageTitle: string | undefined; pageAnchor: string };

/** One audience's site as layouts and exports receive it. */
export interface SiteViews {
  /** Every page: content pages, the generated indexes and archive, the 404 page. */
  pages: PageView[];
  nav: NavNode;
  /** Every OKR of this site, each viewed once, in page order. */
  okrs: PlacedView<OkrView>[];
  /** Every KPI of this site as the KPI index shows it. */
  kpis: PlacedView<KpiView>[];
}

/**
 * Every page of one audience's site as layouts receive it: content pages, the
 * generated OKR and KPI indexes, the archive page of each quarter, and the 404
 * page. Built from projected data only; drafts are in the internal audience's
 * site alone. Each OKR is viewed once (its roll-ups computed once) and shown
 * on its page, in the index and in its quarter's archive.
 */
export function siteViews(handbook: Handbook, options: ViewOptions): SiteViews {
  const { audience, today, config } = options;
  const site = handbook.sites[audience];
  const { pages } = site;
  // Titles of this audience's pages by URL: what cross-references and the indexes may point at.
  const titles = new Map(pages.map((p) => [p.url, p.data.title]));
  const projection = { audience, config, today };
  // The archive is the OKR index's section: a page for each quarter, most recent first.
  const archiveNav = site.archives.map((a) => ({ url: a.period.url, title: archiveTitle(a.period.title) }));
  const generatedNav = Object.values(GENERATED_PAGES).map((g) => (g.url === GENERATED_PAGES.okrs.url ? { ...g, children: archiveNav } : g));
  // Without a home page of its own, the site's home lists every page.
  const home = pages.some((p) => p.url === '/') ? undefined : { url: '/', title: config.site.title, contentPath: 'index.md' };
  // The generated pages are top-level pages of the sidebar, together before or after the content (`nav.generated`).
  const nav = navigationTree(
    [...pages.map((p) => ({ url: p.url, title: p.data.title, contentPath: p.contentPath, ...(p.data.weight !== undefined ? { weight: p.data.weight } : {}) })), ...(home ? [home] : [])],
    generatedNav,
    config.nav.generated,
  );
  const places = navPlaces(nav);
  const topLevel = places.get(nav.url)!.sidebar;

  const approvals = { approvers: config.approvers, today };
  const kpiTarget: ViewContext['kpiTarget'] = (id) => {
    const placed = handbook.kpis.get(id);
    return placed && site.urls.has(placed.pageUrl) ? { name: placed.record.name, href: `${placed.pageUrl}#${placed.anchor}`, ...optional('unit', placed.record.unit) } : undefined;
  };
  const owner = ownerLookup(handbook.people, config.site.repo);
  const pageOf = (url: string): Pick<Page, 'contentPath' | 'url'> => handbook.index.byUrl.get(url) ?? { url, contentPath: `${url.slice(1)}index.md` };
  // Links of a record are read from the page that defines it, wherever the record is shown.
  const ctxFor = (pageUrl: string): ViewContext => ({ audience, today, href: (url) => siteHref(handbook.index, pageOf(pageUrl), url), kpiTarget, owner, approvals });
  const markdownOf = (pageUrl: string, path: PropertyKey[]) => {
    const page = handbook.index.byUrl.get(pageUrl);
    return page && options.markdown.get(page.file)?.get(formatPath(path));
  };
  const chrome = (file: string, url: string) => ({
    ...optional('canonical', canonicalUrl(config.site.url, url)),
    nav: places.get(url) ?? { breadcrumbs: [], sidebar: topLevel },
    ...optional('editUrl', file === '' ? undefined : editUrl(config.site.repo, config.site.branch, file)),
    ...optional('lastUpdated', options.lastUpdated?.get(file)),
  });

  // Alignment within this site: an OKR's parent and children, linked where they are defined.
  const link = (o: Placed<Okr>) => ({ title: o.record.title, href: `${o.pageUrl}#${o.anchor}` });
  const children = new Map<string, Placed<Okr>[]>();
  for (const o of site.okrs) if (o.record.parent !== undefined) children.set(o.record.parent, [...(children.get(o.record.parent) ?? []), o]);
  const alignmentOf = (okr: Okr): Alignment => {
    const parent = okr.parent === undefined ? undefined : handbook.okrs.get(okr.parent);
    return { ...(parent && parent.record.id !== okr.id && site.urls.has(parent.pageUrl) ? { parent: link(parent) } : {}), children: (children.get(okr.id) ?? []).filter((c) => c.record !== okr).map(link) };
  };
  // By record: the indexes and the archive list copies of the placed records.
  const okrViews = new Map<Okr, PlacedView<OkrView>>();
  for (const placed of site.okrs) {
    const index = (handbook.index.byUrl.get(placed.pageUrl)?.data.okrs ?? []).indexOf(placed.record);
    const view = okrView(project(OkrSchema, placed.record, projection), placed.anchor, ctxFor(placed.pageUrl), {
      alignment: alignmentOf(placed.record),
      retrospectiveHtml: markdownOf(placed.pageUrl, ['okrs', index, 'retrospective']),
    });
    okrViews.set(placed.record, { ...view, pageUrl: placed.pageUrl, pageTitle: titles.get(placed.pageUrl), pageAnchor: placed.anchor });
  }
  const okrsOf = new Map<string, PlacedView<OkrView>[]>();
  for (const view of okrViews.values()) okrsOf.set(view.pageUrl, [...(okrsOf.get(view.pageUrl) ?? []), view]);
  // Shown elsewhere, an OKR card links back to its page; on its page, it does not.
  const shownAt = (placed: Placed<Okr> & { id: string }, headingDepth: number) => withSubheadings({ ...okrViews.get(placed.record)!, anchor: placed.id }, headingDepth);
  const kpiViewOf = (placed: Placed<Kpi>, anchor: string, index: number) =>
    kpiView(project(KpiSchema, placed.record, projection), anchor, markdownOf(placed.pageUrl, ['kpis', index, 'definition']) ?? '', ctxFor(placed.pageUrl));

  const views: PageView[] = pages.map((page) => {
    const data = project<PageData>(PageSchema, page.data, projection);
    const outline = handbook.outlines.get(page.file);
    const depthOf = new Map(outline?.headings.map((h) => [h.id, h.depth]));
    return {
      layout: data.layout ?? 'page',
      outputPath: outputPathForUrl(page.url),
      url: page.url,
      title: data.title,
      ...optional('description', data.description),
      ...optional('owner', owner(data.owner)),
      // Filled in just before Eleventy lays the page out, and only for pages it lays out again.
      parts: [],
      okrs: (okrsOf.get(page.url) ?? []).map(({ pageUrl: _url, pageTitle: _title, pageAnchor: _anchor, ...okr }) => withSubheadings(okr, depthOf.get(okr.anchor) ?? 2)),
      kpis: (page.data.kpis ?? []).map((kpi, i) => kpiViewOf({ record: kpi, pageUrl: page.url, anchor: '' }, outline?.recordAnchors.kpi[i] ?? '', i)),
      toc: tableOfContents(outline?.headings ?? []),
      ...chrome(page.file, page.url),
      draft: Boolean(data.draft),
      extra: page.extra,
    };
  });

  const { okrIndex: okrs, kpiIndex: kpis } = site;
  const indexedKpis = kpis.kpis.map((k) => {
    const index = (handbook.index.byUrl.get(k.pageUrl)?.data.kpis ?? []).indexOf(k.record);
    return { ...kpiViewOf(k, k.id, index), pageUrl: k.pageUrl, pageTitle: titles.get(k.pageUrl), pageAnchor: k.anchor };
  });
  views.push(
    {
      layout: '_okrs',
      outputPath: outputPathForUrl(GENERATED_PAGES.okrs.url),
      url: GENERATED_PAGES.okrs.url,
      title: GENERATED_PAGES.okrs.title,
      description: 'Every objective and its key results: current, future and past, each below the objective it is aligned to.',
      parts: [],
      okrs: [],
      kpis: [],
      groups: okrs.groups.map((g) => ({ phase: g.phase, title: g.title, id: g.id, okrs: g.okrs.map((o) => ({ ...shownAt(o, 3 + o.depth), depth: o.depth })) })),
      archive: okrs.archive,
      toc: tableOfContents(okrs.headings),
      ...chrome('', GENERATED_PAGES.okrs.url),
      draft: false,
      extra: {},
    },
    ...site.archives.map((archive): PageView => ({
      layout: '_archive',
      outputPath: outputPathForUrl(archive.period.url),
      url: archive.period.url,
      title: archiveTitle(archive.period.title),
      description: `The OKRs due in ${archive.period.title}, and how they went.`,
      parts: [],
      okrs: archive.okrs.map((o) => shownAt(o, 2)),
      kpis: [],
      period: archive.period,
      archive: okrs.archive,
      toc: tableOfContents(archive.headings),
      ...chrome('', archive.period.url),
      draft: false,
      extra: {},
    })),
    {
      layout: '_kpis',
      outputPath: outputPathForUrl(GENERATED_PAGES.kpis.url),
      url: GENERATED_PAGES.kpis.url,
      title: GENERATED_PAGES.kpis.title,
      description: 'Every KPI with its definition and calculation logic, the north-star metric first.',
      parts: [],
      okrs: [],
      kpis: indexedKpis,
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
  return { pages: views, nav, okrs: [...okrViews.values()], kpis: indexedKpis };
}

/** The title of a quarter's archive page. */
function archiveTitle(period: string): string {
  return `OKRs of ${period}`;
}

/** Every page of a navigation tree as nested lists of links; a section without a page of its own as its title. */
function pageList(nodes: readonly NavNode[], base: string): string {
  const items = nodes.map((n) => `<li>${n.url ? `<a href="${escapeHtml(withBase(base, n.url))}">${escapeHtml(n.title)}</a>` : escapeHtml(n.title)}${n.children.length ? `\n${pageList(n.children, base)}` : ''}</li>`);
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** The level of an OKR's heading, where a layout writes it, and of the card's own headings (initiatives, key results), one level below. */
function withSubheadings<T extends OkrView>(okr: T, headingDepth: number): T & { headingLevel: number; subheadingLevel: number } {
  return { ...okr, headingLevel: Math.min(6, headingDepth), subheadingLevel: Math.min(6, headingDepth + 1) };
}
