import { posix } from 'node:path';
import type { Page } from '../pages/page.js';
import { canonicalUrl } from '../pages/url.js';
import type { PageIndex } from './page-index.js';

/** Where a link leads. */
export type Resolution =
  | { kind: 'external' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'page'; url: string; page?: Page; fragment?: string; href: string; redirectedFrom?: string }
  | { kind: 'static'; href: string }
  | { kind: 'broken'; target: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Resolves a link as the editor meant it. Site paths (`/a/b`, `/a/b/`), Markdown
 * files (`../x.md`, `x.md#y`), relative paths (read from the source file's folder,
 * as GitHub does) and fragments (`#y`) all lead to a page URL; `href` is the
 * canonical link to write into the HTML. An old URL of a page (its
 * `redirect_from`) leads to the page, and says so in `redirectedFrom`.
 */
export function resolveLink(index: PageIndex, from: Pick<Page, 'contentPath' | 'url'>, raw: string): Resolution {
  const url = raw.trim();
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined || url.startsWith('//')) {
    if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return { kind: 'invalid', reason: `unsafe scheme \`${scheme}:\`` };
    if (!URL.canParse(url.startsWith('//') ? `https:${url}` : url)) return { kind: 'invalid', reason: 'it is not a valid URL' };
    return { kind: 'external' };
  }
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1));
  const queryAt = beforeHash.indexOf('?');
  const pathPart = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt);
  const suffix = `${query}${fragment !== undefined ? `#${url.slice(hashAt + 1)}` : ''}`;

  if (pathPart === '') {
    const page = index.byUrl.get(from.url);
    return { kind: 'page', url: from.url, ...(page ? { page } : {}), ...(fragment !== undefined ? { fragment } : {}), href: suffix };
  }
  const decoded = safeDecode(pathPart);
  const sitePath = decoded.startsWith('/') ? posix.normalize(decoded) : posix.join('/', posix.dirname(from.contentPath), decoded);
  if (index.statics.has(sitePath)) return { kind: 'static', href: `${pathPart.startsWith('/') ? pathPart : sitePath}${suffix}` };

  const page = sitePath.toLowerCase().endsWith('.md') ? index.byContentPath.get(sitePath.slice(1)) : (index.byUrl.get(canonicalUrl(sitePath)) ?? (decoded.startsWith('/') ? undefined : index.byContentPath.get(`${sitePath.slice(1)}.md`)));
  if (page) return { kind: 'page', url: page.url, page, ...(fragment !== undefined ? { fragment } : {}), href: `${page.url}${suffix}` };
  const canonical = canonicalUrl(sitePath);
  const unvalidated = index.unvalidated.get(sitePath.slice(1)) ?? index.unvalidated.get(`${sitePath.slice(1)}.md`);
  if (unvalidated !== undefined) return { kind: 'page', url: unvalidated, href: `${unvalidated}${suffix}` };
  if (index.generated.has(canonical) || index.unvalidatedUrls.has(canonical)) return { kind: 'page', url: canonical, ...(fragment !== undefined ? { fragment } : {}), href: `${canonical}${suffix}` };
  // An old URL of a moved page: the link goes to where the page is now.
  const moved = index.redirects.get(canonical);
  if (moved) return { kind: 'page', url: moved.url, page: moved, ...(fragment !== undefined ? { fragment } : {}), href: `${moved.url}${suffix}`, redirectedFrom: canonical };
  return { kind: 'broken', target: sitePath };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL to write for a link: the canonical URL of the page or file it reaches; anything else as written. */
export function siteHref(index: PageIndex, from: Pick<Page, 'contentPath' | 'url'>, href: string): string {
  const resolved = resolveLink(index, from, href);
  return resolved.kind === 'page' || resolved.kind === 'static' ? resolved.href : href;
}
