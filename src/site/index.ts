import type { Audience } from '../../schemas/visibility.js';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outputPathForUrl } from '../pages/url.js';
import type { SiteExport } from '../view/exports.js';
import type { PageView } from '../view/page.js';

/** What the site-wide files need to know about one build. */
export interface SiteFilesInput {
  audience: Audience;
  siteUrl: string;
  pages: readonly PageView[];
  /** The data files, written as JSON at their URLs. */
  exports: readonly SiteExport[];
  layoutsDir: string;
}

/**
 * Writes what a site needs besides its pages and search index into the staging
 * folder: the layouts' assets (CSS, JS, favicon) under /assets/, robots.txt,
 * sitemap.xml (public builds with a `site.url`) and the data files. A file of
 * static/ of the same name replaces any of them, as it replaces a page.
 */
export async function writeSiteFiles(staging: string, input: SiteFilesInput): Promise<void> {
  await cp(join(input.layoutsDir, 'assets'), join(staging, 'assets'), { recursive: true });
  const sitemap = input.audience === 'public' ? sitemapXml(input.siteUrl, input.pages) : undefined;
  await writeFile(join(staging, 'robots.txt'), robotsTxt(input.audience, sitemap === undefined ? undefined : sitemapUrl(input.siteUrl)));
  if (sitemap !== undefined) await writeFile(join(staging, 'sitemap.xml'), sitemap);
  for (const file of input.exports) await writeFile(join(staging, outputPathForUrl(file.url)), `${JSON.stringify(file.data, null, 2)}\n`);
}

/**
 * The sitemap of a public build: every listed page (not drafts, not the 404
 * page) at its canonical URL, with its last commit date when known. None
 * without a `site.url`, since a sitemap needs absolute URLs.
 */
export function sitemapXml(siteUrl: string, pages: readonly PageView[]): string | undefined {
  if (!siteUrl) return undefined;
  const entries = pages
    .flatMap((p) => (p.canonical !== undefined && !p.draft && !p.unlisted ? [{ loc: p.canonical, lastmod: p.lastUpdated }] : []))
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0))
    .map((e) => `  <url>\n    <loc>${escapeXml(e.loc)}</loc>\n${e.lastmod ? `    <lastmod>${e.lastmod}</lastmod>\n` : ''}  </url>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</urlset>\n`;
}

/** robots.txt: an internal build asks every crawler to stay out; a public one points at its sitemap. */
export function robotsTxt(audience: Audience, sitemap?: string): string {
  if (audience === 'internal') return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`;
}

function sitemapUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/sitemap.xml`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
