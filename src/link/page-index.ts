import { cause, diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { generatedUrls, isReservedOutput, NOT_FOUND_URL } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { normalisePermalink, outputPathForUrl } from '../pages/url.js';

/** Every URL of the site, indexed once so each link is resolved in O(1). */
export interface PageIndex {
  byUrl: Map<string, Page>;
  byContentPath: Map<string, Page>;
  /** URLs of generated pages and files (OKR and KPI indexes, quarter archives, exports). */
  generated: Set<string>;
  /** URLs of files copied from static/. */
  statics: Set<string>;
  /**
   * Pages whose front matter failed validation, by content path: links to them
   * resolve (the page exists), but their anchors are unknown and not checked.
   */
  unvalidated: Map<string, string>;
  /** The URLs of those pages. */
  unvalidatedUrls: Set<string>;
  /** Old URLs (`redirect_from`, canonical) and the page each now redirects to. */
  redirects: Map<string, Page>;
}

/** Indexes pages by URL and reports pages that resolve to the same URL, each pointing at the other. */
export function indexPages(pages: readonly Page[], staticUrls: readonly string[], unvalidated: ReadonlyMap<string, string>): { index: PageIndex; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const generated = new Set(generatedUrls(pages));
  const byUrl = new Map<string, Page>();
  const byContentPath = new Map<string, Page>();
  const staticSet = new Set(staticUrls);
  const placeOf = (page: Page) => {
    const at = page.data.permalink ? page.locate(['permalink']) : { line: 1, column: 1 };
    return { file: page.file, line: at.line, column: at.column, ...(page.data.permalink ? { path: 'permalink' } : {}) };
  };
  for (const page of pages) {
    byContentPath.set(page.contentPath, page);
    const first = byUrl.get(page.url);
    if (generated.has(page.url) || isReservedOutput(outputPathForUrl(page.url))) {
      diagnostics.push(diagnostic('page/duplicate-url', placeOf(page), { kind: 'generated', url: page.url }));
    } else if (first) {
      const here = placeOf(page);
      const there = placeOf(first);
      diagnostics.push(diagnostic('page/duplicate-url', { ...here, cause: cause(there.file, there, 'the other page with this URL') }, { kind: 'page', url: page.url, other: first.file }));
      diagnostics.push(diagnostic('page/duplicate-url', { ...there, cause: cause(here.file, here, 'the other page with this URL') }, { kind: 'page', url: page.url, other: page.file }));
    } else byUrl.set(page.url, page);
    const written = `/${outputPathForUrl(page.url)}`;
    if (staticSet.has(written)) {
      diagnostics.push(diagnostic('page/duplicate-url', placeOf(page), { kind: 'static', written }));
    }
  }
  // Without a home page of its own, the site gets a generated one: links to `/` resolve.
  if (!byUrl.has('/')) generated.add('/');
  for (const url of staticUrls) {
    const written = url.slice(1);
    if (isReservedOutput(written) || [...generated].some((g) => outputPathForUrl(g) === written)) {
      diagnostics.push(diagnostic('static/reserved-path', { file: `static${url}`, line: 1, column: 1 }, { written }));
    }
  }
  const unvalidatedUrls = new Set(unvalidated.values());
  const redirects = indexRedirects(pages, { byUrl, generated, statics: staticSet, unvalidatedUrls }, diagnostics);
  return { index: { byUrl, byContentPath, generated, statics: staticSet, unvalidated: new Map(unvalidated), unvalidatedUrls, redirects }, diagnostics };
}

/**
 * Every old URL of `redirect_from`, in canonical form, with the page it leads
 * to. An old URL must be free: a page, a generated page, the 404 page or a
 * static file there is an error (on both sides when both are pages), and so
 * is an old URL claimed twice (on both claims).
 */
function indexRedirects(pages: readonly Page[], taken: Pick<PageIndex, 'byUrl' | 'generated' | 'statics' | 'unvalidatedUrls'>, diagnostics: Diagnostic[]): Map<string, Page> {
  const redirects = new Map<string, Page>();
  const claims = new Map<string, { page: Page; i: number }>();
  const placeOf = (page: Page, i: number) => {
    const path = ['redirect_from', i];
    const at = page.locate(path);
    return { file: page.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, path: formatPath(path) };
  };
  const reserved = new Set([...taken.generated, NOT_FOUND_URL]);
  for (const page of pages) {
    (page.data.redirect_from ?? []).forEach((written, i) => {
      const url = normalisePermalink(written);
      const here = placeOf(page, i);
      const target = taken.byUrl.get(url);
      const claim = claims.get(url);
      if (target === page) diagnostics.push(diagnostic('redirect/conflict', here, { kind: 'own', url }));
      else if (target) {
        const there = target.data.permalink ? { ...target.locate(['permalink']), path: 'permalink' } : { line: 1, column: 1 };
        diagnostics.push(diagnostic('redirect/conflict', { ...here, cause: cause(target.file, there, 'the page at this URL') }, { kind: 'page', url, other: target.file }));
        diagnostics.push(diagnostic('redirect/conflict', { file: target.file, ...there, cause: cause(page.file, here, 'the redirect') }, { kind: 'target', url, other: page.file }));
      } else if (reserved.has(url) || isReservedOutput(outputPathForUrl(url))) diagnostics.push(diagnostic('redirect/conflict', here, { kind: 'generated', url }));
      else if (taken.statics.has(`/${outputPathForUrl(url)}`)) diagnostics.push(diagnostic('redirect/conflict', here, { kind: 'static', url, written: `/${outputPathForUrl(url)}` }));
      else if (taken.unvalidatedUrls.has(url)) diagnostics.push(diagnostic('redirect/conflict', here, { kind: 'page', url, other: 'a page whose front matter has errors' }));
      else if (claim) {
        const there = placeOf(claim.page, claim.i);
        diagnostics.push(diagnostic('redirect/conflict', { ...here, cause: cause(there.file, there, 'the other claim') }, { kind: 'claimed', url, other: claim.page === page ? 'this page' : claim.page.file }));
        diagnostics.push(diagnostic('redirect/conflict', { ...there, cause: cause(here.file, here, 'the other claim') }, { kind: 'claimed', url, other: claim.page === page ? 'this page' : page.file }));
        redirects.delete(url);
      } else {
        claims.set(url, { page, i });
        redirects.set(url, page);
      }
    });
  }
  return redirects;
}
