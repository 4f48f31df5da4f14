import type { OutlineHeading } from '../markdown/outline.js';
import type { BodyPart } from '../render/processor.js';
import type { NavPlace } from './navigation.js';
import type { OkrIndex, Period } from '../pages/generated.js';
import type { KpiView, OkrView, OwnerView } from './records.js';
import type { TransparencyView } from './transparency.js';

/** What every page layout receives as `hb`. */
export interface PageView {
  /** Name of the layout file in layouts/, without `.njk`. */
  layout: string;
  /** Where to write it, relative to the output folder, e.g. `company/index.html`. */
  outputPath: string;
  url: string;
  title: string;
  description?: string;
  /** Who owns the page. */
  owner?: OwnerView;
  /** The page's absolute URL on `site.url`, when the site has one; also its sitemap entry. */
  canonical?: string;
  /** Left out of the sitemap and the search index (the 404 page). */
  unlisted?: boolean;
  /** The body in pieces, with the places where OKR and KPI cards go. */
  parts: BodyPart[];
  okrs: OkrView[];
  kpis: KpiView[];
  /** The OKR index's groups (current, future, past), on `/okrs/` only; each OKR with its depth below its parents there. */
  groups?: { phase: string; title: string; id: string; okrs: (OkrView & { depth: number })[] }[];
  /** The quarters of the archive, on `/okrs/` and the archive pages. */
  archive?: OkrIndex['archive'];
  /** The quarter of an archive page. */
  period?: Period;
  /** Published values and what stays internal, on `/transparency/` only. */
  transparency?: TransparencyView;
  /** h2/h3 headings for "On this page"; empty below two headings. */
  toc: OutlineHeading[];
  nav: NavPlace;
  editUrl?: string;
  lastUpdated?: string;
  draft: boolean;
  extra: Record<string, unknown>;
}

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
