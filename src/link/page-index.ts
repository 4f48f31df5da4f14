import { cause, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { generatedUrls, isReservedOutput } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { outputPathForUrl } from '../pages/url.js';

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
  return { index: { byUrl, byContentPath, generated, statics: staticSet, unvalidated: new Map(unvalidated), unvalidatedUrls: new Set(unvalidated.values()) }, diagnostics };
}
