import type { PageViewData } from '../../schemas/layout-data.js';
import type { OutlineHeading } from '../markdown/outline.js';

/** What every page layout receives as `hb`. */
export type PageView = PageViewData;

/** The table of contents: h2 and h3 only, and only when there are at least two. */
export function tableOfContents(headings: readonly OutlineHeading[]): OutlineHeading[] {
  const toc = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return toc.length >= 2 ? toc : [];
}

/** The absolute URL of a site path on the site's base URL (which may end in a slash, or hold a path). */
export function canonicalUrl(siteUrl: string | undefined, url: string): string | undefined {
  return siteUrl ? siteUrl.replace(/\/+$/, '') + encodeURI(url) : undefined;
}

/** "Edit this page" for a file of the repository, on GitHub or GitLab. */
export function editUrl(repo: string | undefined, branch: string, file: string): string | undefined {
  if (!repo) return undefined;
  const base = repo.replace(/\/+$/, '');
  const path = file.split('/').map(encodeURIComponent).join('/');
  return /gitlab/i.test(new URL(base).hostname) ? `${base}/-/edit/${branch}/${path}` : `${base}/edit/${branch}/${path}`;
}
