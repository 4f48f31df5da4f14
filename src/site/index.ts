import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { PageView } from '../view/page.js';

/** What the site-wide files need to know about one build. */
export interface SiteFilesInput {
  audience: 'public' | 'internal';
  siteUrl: string;
  pages: readonly PageView[];
  layoutsDir: string;
}

/** Raised when Pagefind cannot index the built pages or write its index. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Writes what a site needs besides its pages into the staging folder: the
 * layouts' assets (CSS, JS, favicon) under /assets/, robots.txt, sitemap.xml
 * (public builds with a `site.url`), and the Pagefind search index of exactly
 * the pages in the folder, so it holds this audience's pages and nothing else.
 */
export async function writeSiteFiles(staging: string, input: SiteFilesInput): Promise<void> {
  await cp(join(input.layoutsDir, 'assets'), join(staging, 'assets'), { recursive: true });
  const sitemap = input.audience === 'public' ? sitemapXml(input.siteUrl, input.pages) : undefined;
  await writeFile(join(staging, 'robots.txt'), robotsTxt(input.audience, sitemap === undefined ? undefined : sitemapUrl(input.siteUrl)));
  if (sitemap !== undefined) await writeFile(join(staging, 'sitemap.xml'), sitemap);
  await writeSearchIndex(staging);
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
export function robotsTxt(audience: 'public' | 'internal', sitemap?: string): string {
  if (audience === 'internal') return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`;
}

function sitemapUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/sitemap.xml`;
}

/** Pagefind's ready-made search UIs: the site has its own small search box (layouts/assets/search.js). */
const UNUSED_SEARCH_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Indexes the HTML pages in `dir` into `dir/pagefind/`. Layouts mark what is
 * searchable with `data-pagefind-body`; pages without it (the 404 page) are
 * left out.
 */
async function writeSearchIndex(dir: string): Promise<void> {
  // Heading anchors ("#") and decorations hidden from screen readers are not words of the page.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.heading-anchor', '[aria-hidden="true"]'] });
  if (!index) throw new SearchIndexError(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new SearchIndexError(`search index: ${added.errors.join('; ')}`);
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new SearchIndexError(`search index: ${bundle.errors.join('; ')}`);
    for (const file of bundle.files) {
      if (UNUSED_SEARCH_FILES.test(file.path)) continue;
      const target = join(dir, 'pagefind', file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  } finally {
    await index.deleteIndex();
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
