import type { Config } from '../../schemas/config.js';
import type { SiteData } from '../../schemas/layout-data.js';
import type { Audience } from '../../schemas/visibility.js';
import { htmlOf, linkParts } from '../bodies/analyze.js';
import type { Layouts } from '../layouts/overlay.js';
import type { Handbook } from '../link/index.js';
import { siteHref } from '../link/resolve.js';
import type { Secret } from '../disclosure/secrets.js';
import { pageKeys } from '../output/page-keys.js';
import { withBase } from '../pages/url.js';
import type { Redirect } from '../site/redirects.js';
import { shardCount, shardOf } from '../site/shards.js';
import type { PageView } from '../view/page.js';
import { type SiteExport, siteExports } from '../view/exports.js';
import { siteViews } from '../view/views.js';
import { markdownFields } from '../markdown/front-matter.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Analyzed } from './analyze.js';
import type { RunContext } from './context.js';

/** A page this build writes: its view and the key of everything its HTML is made from. */
export interface PageToWrite {
  view: PageView;
  key: string;
  /** Its search shard; none for pages left out of search (the 404 page). */
  shard?: number;
}

/** One audience's site, ready to lay out. */
export interface Projected {
  audience: Audience;
  /** What every layout receives as `site`. */
  site: SiteData;
  /** The path the site is served under (`/handbook`), `''` at a host's root: every URL it writes starts with it. */
  base: string;
  /** Every view. */
  views: PageView[];
  /** The pages to write, in the order of their search shards. */
  pages: PageToWrite[];
  shards: number;
  /** Completes a view with its body's HTML, read from the cache only for pages laid out again. */
  withBody(view: PageView): PageView;
  /** What the public site must not hold, for the guard and the leak scan; none for the internal site. */
  secrets: readonly Secret[];
  /** The data files at the site's root (`okrs.json`, `kpis.json`). */
  exports: SiteExport[];
  /** The old URLs of this audience's pages, each with where the page is now. */
  redirects: Redirect[];
}

/**
 * Stage 4, project: one audience's site from the linked handbook: its pages'
 * data projected (internal fields kept out of the public one), each body's
 * link tokens resolved, the views layouts receive, each page's key, and its
 * search shard.
 */
export async function project(handbook: Handbook, analyzed: Analyzed, config: Config, ctx: RunContext & { audience: Audience; base: string; lastUpdated?: ReadonlyMap<string, string>; layouts: Layouts }): Promise<Projected> {
  const { audience, base } = ctx;
  // Each page's body as its key and the URLs of its links: its HTML is read from the cache only if Eleventy lays it out again.
  const bodies = new Map<string, { key: string; hash: string; urls: string[] }>();
  const markdown = new Map<string, Map<string, string>>();
  for (const page of handbook.sites[audience].pages) {
    const body = analyzed.bodies.get(page.file);
    if (!body?.links) continue;
    const resolve = (hrefs: readonly string[]) => hrefs.map((href) => siteHref(handbook.index, page, href));
    // Rendered HTML holds its final URLs: the site's, under its base path.
    bodies.set(page.url, { key: body.key, hash: body.links.partsHash, urls: resolve(body.links.hrefs).map((href) => withBase(base, href)) });
    // A field's Markdown is shown elsewhere too (a KPI's definition on /kpis/, a retrospective in its quarter's archive): a link to a place on its own page must say which page.
    const fromAnywhere = (hrefs: readonly string[]) => resolve(hrefs).map((href) => withBase(base, href.startsWith('#') || href.startsWith('?') ? `${page.url}${href}` : href));
    // Rendered in the order the analysis was given them: `markdownFields`' order.
    const fields = markdownFields(page.data);
    const rendered = body.links.markdown;
    markdown.set(page.file, new Map(fields.map((field, i) => [formatPath(field.path), rendered[i] ? htmlOf(linkParts(rendered[i].parts, fromAnywhere(rendered[i].hrefs))) : ''])));
  }
  const siteView = siteViews(handbook, { audience, today: ctx.today, config, markdown, base, ...(ctx.lastUpdated ? { lastUpdated: ctx.lastUpdated } : {}) });
  const { pages: views, nav } = siteView;
  const site: SiteData = { title: config.site.title, url: config.site.url ?? '', base, audience, home: { title: nav.title, url: nav.url } };
  const keys = pageKeys(views, { site, layouts: ctx.layouts, parsers: analyzed.parsers }, (view) => JSON.stringify(bodies.get(view.url) ?? null));
  // No static file takes a page's place: the link stage made that an error.
  const written = views.map((view, i) => ({ view, key: keys[i]! }));
  const shards = shardCount(written.filter(({ view }) => !view.unlisted).length, config.search.shard_pages);
  const pages: PageToWrite[] = written.map((page) => (page.view.unlisted ? page : { ...page, shard: shardOf(page.view.url, shards) }));
  // Pages go through Eleventy shard by shard, so each search shard can be indexed as soon as its pages are written.
  pages.sort((a, b) => (a.shard ?? shards) - (b.shard ?? shards));
  const withBody = (view: PageView): PageView => {
    const body = bodies.get(view.url);
    return body ? { ...view, parts: linkParts(analyzed.parts!.get(body.key, body.hash), body.urls) } : view;
  };
  const exports = siteExports(siteView, { audience, today: ctx.today, config, base });
  const own = handbook.sites[audience].urls;
  const redirects = [...handbook.index.redirects].flatMap(([from, page]) => (own.has(page.url) ? [{ from, to: page.url, title: page.data.title }] : []));
  return { audience, site, base, views, pages, shards, withBody, secrets: audience === 'public' ? handbook.secrets : [], exports, redirects };
}
