import type { Config } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { diagnostic, type Diagnostic, formatPath, type Severity } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';
import { frontMatterLinks } from './front-matter-links.js';
import type { PageIndex } from './page-index.js';
import { resolveLink } from './resolve.js';

/**
 * Every link in every body and every front-matter URL: site links must reach a
 * page or static file, and their fragment an anchor on that page; external URLs
 * are checked for syntax only. Linear in pages + links: each lookup is a Map hit.
 */
export function checkLinks(pages: readonly Page[], outlines: ReadonlyMap<string, Outline>, index: PageIndex, anchors: ReadonlyMap<string, ReadonlySet<string>>, config: Config): Diagnostic[] {
  const severity: Severity = config.links.broken === 'warn' ? 'warning' : 'error';
  const urls = [...index.byUrl.keys(), ...index.generated];
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const check = (url: string, place: { line: number; column: number; path?: string }) => {
      const resolved = resolveLink(index, page, url);
      const at = { file: page.file, ...place };
      if (resolved.kind === 'invalid') {
        diagnostics.push(diagnostic('link/invalid-url', { ...at, message: `link \`${url}\` is not allowed (${resolved.reason})`, hint: 'use an http(s), mailto or site-relative URL' }));
      } else if (resolved.kind === 'broken') {
        const guess = didYouMean(resolved.target.endsWith('/') ? resolved.target : `${resolved.target}/`, urls);
        diagnostics.push(diagnostic('link/broken-page', { ...at, severity, message: `link \`${url}\` points at \`${resolved.target}\`, which is not a page or file of this handbook`, hint: guess ? `did you mean \`${guess}\`?` : 'fix the path, or create the page' }));
      } else if (resolved.kind === 'page' && resolved.page?.data.draft && !page.data.draft) {
        diagnostics.push(diagnostic('link/to-draft', { ...at, message: `link \`${url}\` points at the draft page \`${resolved.url}\`, which the public site does not have`, hint: 'publish the page (remove `draft: true`) or remove the link' }));
      }
      if (resolved.kind === 'page' && resolved.fragment !== undefined && resolved.fragment !== '') {
        const ids = anchors.get(resolved.url);
        if (ids && !ids.has(resolved.fragment)) {
          const guess = didYouMean(resolved.fragment, [...ids]);
          diagnostics.push(diagnostic('link/broken-anchor', { ...at, severity, message: `link \`${url}\`: no heading, OKR or KPI with anchor \`#${resolved.fragment}\` on \`${resolved.url}\``, hint: guess ? `did you mean \`#${guess}\`?` : 'link to an existing heading, or to the page without a fragment' }));
        }
      }
    };
    for (const link of outlines.get(page.file)?.links ?? []) {
      check(link.url, { line: link.line + page.bodyLine - 1, column: link.column });
    }
    for (const link of frontMatterLinks(PageSchema, page.data)) {
      check(link.url, { ...page.locate(link.path), path: formatPath(link.path) });
    }
    // A KPI definition is Markdown in front matter: its links are checked at the definition's place.
    (outlines.get(page.file)?.definitionLinks ?? []).forEach((links, k) => {
      const path = ['kpis', k, 'definition'];
      for (const link of links) check(link.url, { ...page.locate(path), path: formatPath(path) });
    });
  }
  return diagnostics;
}
