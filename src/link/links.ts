import type { Config } from '../../schemas/config.js';
import { publishedFields } from '../../schemas/publish.js';
import { type Audience, AUDIENCES } from '../../schemas/visibility.js';
import { diagnostic, type Diagnostic, formatPath, type Severity } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { markdownFields } from '../markdown/front-matter.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';
import { basePath } from '../pages/url.js';
import { frontMatterLinks } from './front-matter-links.js';
import type { AudienceSite } from './index.js';
import type { PageIndex } from './page-index.js';
import { resolveLink } from './resolve.js';

/**
 * Every link in every body and every front-matter URL: site links must reach a
 * page or static file, and their fragment an anchor on that page, in every
 * audience's site that shows the link (a public page's links in both, a
 * draft's or an internal field's in the internal one); external URLs are
 * checked for syntax only. Linear in pages + links: each lookup is a Map hit.
 */
export function checkLinks(pages: readonly Page[], outlines: ReadonlyMap<string, Outline>, index: PageIndex, sites: Readonly<Record<Audience, AudienceSite>>, context: { config: Config; today: string }): Diagnostic[] {
  const severity: Severity = context.config.links.broken === 'warn' ? 'warning' : 'error';
  const published = publishedFields({ approvers: context.config.approvers, today: context.today });
  const urls = [...index.byUrl.keys(), ...index.generated];
  const base = basePath(context.config.site.url);
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const check = (url: string, place: { line: number; column: number; path?: string }, audiences: readonly Audience[]) => {
      const resolved = resolveLink(index, page, url);
      const at = { file: page.file, ...place };
      if (resolved.kind === 'invalid') {
        diagnostics.push(diagnostic('link/invalid-url', at, { url, reason: resolved.reason }));
        return;
      }
      if (resolved.kind === 'broken') {
        // A link written with the site's base path (`/handbook/company/`): the build adds it, so the link is the rest.
        const unbased = base !== '' && resolved.target.startsWith(`${base}/`) ? resolveLink(index, page, resolved.target.slice(base.length)) : undefined;
        const guess = unbased?.kind === 'page' || unbased?.kind === 'static' ? unbased.href : didYouMean(resolved.target.endsWith('/') ? resolved.target : `${resolved.target}/`, urls);
        diagnostics.push(diagnostic('link/broken-page', { ...at, severity }, { url, target: resolved.target, guess }));
        return;
      }
      if (resolved.kind !== 'page') return;
      if (resolved.redirectedFrom !== undefined) diagnostics.push(diagnostic('link/to-redirect', at, { url, from: resolved.redirectedFrom, to: resolved.url, href: resolved.href }));
      for (const audience of audiences) {
        const site = sites[audience];
        const ids = site.anchors.get(resolved.url);
        // A content page left out of this site (a draft), or a generated one only drafts make (a quarter of draft OKRs).
        if (resolved.page ? !site.urls.has(resolved.url) : index.generated.has(resolved.url) && !ids) {
          diagnostics.push(diagnostic('link/to-draft', { ...at, severity }, { url, target: resolved.url, audience, generated: !resolved.page }));
          return;
        }
        if (ids && resolved.fragment !== undefined && resolved.fragment !== '' && !ids.has(resolved.fragment)) {
          const elsewhere = AUDIENCES.some((a) => sites[a].anchors.get(resolved.url)?.has(resolved.fragment!));
          const guess = didYouMean(resolved.fragment, [...ids]);
          diagnostics.push(diagnostic('link/broken-anchor', { ...at, severity }, { url, fragment: resolved.fragment, target: resolved.url, audience, elsewhere, guess }));
          return;
        }
      }
    };
    const shownIn: readonly Audience[] = page.data.draft ? ['internal'] : AUDIENCES;
    const outline = outlines.get(page.file);
    for (const link of outline?.links ?? []) {
      check(link.url, { line: link.line + page.bodyLine - 1, column: link.column }, shownIn);
    }
    for (const link of frontMatterLinks(page.data, published)) {
      check(link.url, { ...page.locate(link.path), path: formatPath(link.path) }, link.internal ? ['internal'] : shownIn);
    }
    // Markdown in front matter (a KPI's definition, an OKR's retrospective): its links are checked at the field's place.
    const fields = markdownFields(page.data, published);
    (outline?.markdownLinks ?? []).forEach((links, i) => {
      const field = fields[i];
      if (!field) return;
      for (const link of links) check(link.url, { ...page.locate(field.path), path: formatPath(field.path) }, field.internal ? ['internal'] : shownIn);
    });
  }
  return diagnostics;
}
