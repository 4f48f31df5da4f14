import GithubSlugger from 'github-slugger';
import type { z } from 'zod';
import type { Kpi } from '../../schemas/kpi.js';
import type { PeriodSchema } from '../../schemas/layout-data.js';
import type { Okr } from '../../schemas/okr.js';
import type { OutlineHeading } from '../markdown/outline.js';
import { okrPhase, type OkrPhase } from '../okrs/timeframe.js';
import type { Page } from './page.js';

/** Pages okr-handbook generates itself; their URLs are reserved and links to them resolve. */
export const GENERATED_PAGES = {
  okrs: { url: '/okrs/', title: 'OKR index' },
  kpis: { url: '/kpis/', title: 'KPI index' },
  transparency: { url: '/transparency/', title: 'Transparency' },
} as const;

/** The data files each audience's site has at its root, for dashboards and reviews; their URLs are reserved too. */
export const EXPORTS = {
  okrs: { url: '/okrs.json' },
  kpis: { url: '/kpis.json' },
} as const;

/** Where the 404 page is written: a static host serves it for every unknown address. */
export const NOT_FOUND_URL = '/404.html';

/** Files every build writes besides the pages (the 404 page, robots.txt, the sitemap, the layouts' assets, the search bundle): no page or static file may take their place. */
export function isReservedOutput(outputPath: string): boolean {
  return ['404.html', 'robots.txt', 'sitemap.xml'].includes(outputPath) || outputPath.startsWith('assets/') || outputPath.startsWith('pagefind/');
}

/** The transparency page's headings: the values published, and what stays internal. */
export const TRANSPARENCY_HEADINGS = [
  { depth: 2, text: 'Published values', id: 'published-values' },
  { depth: 2, text: 'Kept internal', id: 'kept-internal' },
] as const satisfies readonly OutlineHeading[];

/** A record with the page it is defined on. */
export interface Placed<T> {
  record: T;
  pageUrl: string;
  /** The record's anchor on its own page. */
  anchor: string;
}

/** A quarter: the period of the OKRs due in it, each with an archive page (`2022-q3`, `2022 Q3`, `/okrs/2022-q3/`). */
export type Period = z.infer<typeof PeriodSchema>;

/** The quarter an OKR's due date falls in. */
export function periodOf(due: string): Period {
  const year = due.slice(0, 4);
  const quarter = Math.floor((Number(due.slice(5, 7)) - 1) / 3) + 1;
  return { id: `${year}-q${quarter}`, title: `${year} Q${quarter}`, url: `${GENERATED_PAGES.okrs.url}${year}-q${quarter}/` };
}

/** Every URL okr-handbook generates for these pages: the indexes, the exports, and the archive page of each quarter an OKR is due in. */
export function generatedUrls(pages: readonly Page[]): string[] {
  const periods = new Set(pages.flatMap((p) => (p.data.okrs ?? []).map((o) => periodOf(o.due).url)));
  return [...Object.values(GENERATED_PAGES).map((p) => p.url), ...Object.values(EXPORTS).map((e) => e.url), ...[...periods].sort()];
}

/** An OKR as an index lists it: its anchor there, and how deep it sits under its parents (0 at the top). */
export type IndexedOkr = Placed<Okr> & { id: string; depth: number };

/** The OKR index: OKRs grouped by phase, each group a tree, the archive's quarters, and the page's headings. */
export interface OkrIndex {
  groups: { phase: OkrPhase; title: string; id: string; okrs: IndexedOkr[] }[];
  archive: { id: string; title: string; periods: (Period & { count: number })[] };
  headings: OutlineHeading[];
}

const PHASE_TITLES: Record<OkrPhase, string> = { current: 'Current OKRs', future: 'Future OKRs', past: 'Past OKRs' };
const ARCHIVE_TITLE = 'Archive by quarter';
/** Headings below h6 do not exist: deeper objectives stay at h6. */
const MAX_DEPTH = 6;

/**
 * Groups OKRs into current, future and past on `today` (current and future by
 * due date, past most recent first); inside a group, each OKR follows its
 * parent (when the parent is in the same group), one heading level below it.
 * The archive lists each quarter an OKR is due in, most recent first.
 */
export function okrIndex(okrs: readonly Placed<Okr>[], today: string): OkrIndex {
  const slugger = new GithubSlugger();
  const headings: OutlineHeading[] = [];
  const groups = (['current', 'future', 'past'] as const).map((phase) => {
    const title = PHASE_TITLES[phase];
    const id = slugger.slug(title);
    headings.push({ depth: 2, text: title, id });
    const members = okrs
      .filter((o) => okrPhase(o.record, today) === phase)
      .sort((a, b) => (phase === 'past' ? cmp(b.record.due, a.record.due) : cmp(a.record.due, b.record.due)) || cmp(a.record.title, b.record.title));
    const list = tree(members).map(({ okr, depth }) => {
      const heading = { depth: Math.min(MAX_DEPTH, 3 + depth), text: okr.record.title, id: slugger.slug(okr.record.title) };
      headings.push(heading);
      return { ...okr, id: heading.id, depth };
    });
    return { phase, title, id, okrs: list };
  });
  const archiveId = slugger.slug(ARCHIVE_TITLE);
  headings.push({ depth: 2, text: ARCHIVE_TITLE, id: archiveId });
  const counts = new Map<string, Period & { count: number }>();
  for (const okr of okrs) {
    const period = periodOf(okr.record.due);
    const seen = counts.get(period.id);
    if (seen) seen.count++;
    else counts.set(period.id, { ...period, count: 1 });
  }
  const periods = [...counts.values()].sort((a, b) => cmp(b.id, a.id));
  return { groups, archive: { id: archiveId, title: ARCHIVE_TITLE, periods }, headings };
}

/**
 * OKRs in tree order: each followed by the OKRs aligned to it, depth first,
 * siblings in the given order. An OKR whose parent is not among them is a
 * root; so is one on a cycle of parents (an error `check` reports), so the
 * walk always ends.
 */
function tree(okrs: readonly Placed<Okr>[]): { okr: Placed<Okr>; depth: number }[] {
  const ids = new Set(okrs.map((o) => o.record.id));
  const children = new Map<string, Placed<Okr>[]>();
  for (const okr of okrs) {
    const parent = okr.record.parent;
    if (parent !== undefined && parent !== okr.record.id && ids.has(parent)) children.set(parent, [...(children.get(parent) ?? []), okr]);
  }
  const out: { okr: Placed<Okr>; depth: number }[] = [];
  const placed = new Set<Placed<Okr>>();
  const visit = (okr: Placed<Okr>, depth: number) => {
    if (placed.has(okr)) return;
    placed.add(okr);
    out.push({ okr, depth });
    for (const child of children.get(okr.record.id) ?? []) visit(child, depth + 1);
  };
  for (const okr of okrs) if (okr.record.parent === undefined || !ids.has(okr.record.parent)) visit(okr, 0);
  for (const okr of okrs) visit(okr, 0);
  return out;
}

/** An archive page: the OKRs due in one quarter, by due date then title, and the page's headings. */
export interface ArchivePage {
  period: Period;
  okrs: (Placed<Okr> & { id: string })[];
  headings: OutlineHeading[];
}

/** The archive: a page for each quarter an OKR is due in, most recent first. */
export function archivePages(okrs: readonly Placed<Okr>[]): ArchivePage[] {
  const byPeriod = new Map<string, Placed<Okr>[]>();
  for (const okr of okrs) {
    const id = periodOf(okr.record.due).id;
    byPeriod.set(id, [...(byPeriod.get(id) ?? []), okr]);
  }
  return [...byPeriod.keys()]
    .sort((a, b) => cmp(b, a))
    .map((id) => {
      const members = byPeriod.get(id)!;
      const slugger = new GithubSlugger();
      const headings: OutlineHeading[] = [];
      const list = [...members]
        .sort((a, b) => cmp(a.record.due, b.record.due) || cmp(a.record.title, b.record.title))
        .map((o) => {
          const heading = { depth: 2, text: o.record.title, id: slugger.slug(o.record.title) };
          headings.push(heading);
          return { ...o, id: heading.id };
        });
      return { period: periodOf(members[0]!.record.due), okrs: list, headings };
    });
}

/** The KPI index: every KPI with its anchor there, and the page's headings. */
export interface KpiIndex {
  kpis: (Placed<Kpi> & { id: string })[];
  headings: OutlineHeading[];
}

/** The KPI index: every KPI, north star first, then by name, and the page's headings. */
export function kpiIndex(kpis: readonly Placed<Kpi>[]): KpiIndex {
  const slugger = new GithubSlugger();
  const sorted = [...kpis].sort((a, b) => Number(Boolean(b.record.north_star)) - Number(Boolean(a.record.north_star)) || cmp(a.record.name, b.record.name));
  const headings: OutlineHeading[] = [];
  const list = sorted.map((k) => {
    const heading = { depth: 2, text: k.record.name, id: slugger.slug(k.record.name) };
    headings.push(heading);
    return { ...k, id: heading.id };
  });
  return { kpis: list, headings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
