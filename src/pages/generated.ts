import GithubSlugger from 'github-slugger';
import type { Kpi } from '../../schemas/kpi.js';
import type { Okr } from '../../schemas/okr.js';
import type { OutlineHeading } from '../markdown/outline.js';
import { okrPhase, type OkrPhase } from '../okrs/timeframe.js';

/** Pages okr-handbook generates itself; their URLs are reserved and links to them resolve. */
export const GENERATED_PAGES = {
  okrs: { url: '/okrs/', title: 'OKR index' },
  kpis: { url: '/kpis/', title: 'KPI index' },
  transparency: { url: '/transparency/', title: 'Transparency' },
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

/** The OKR index: OKRs grouped by phase, each group in a stable order, and the page's headings. */
export interface OkrIndex {
  groups: { phase: OkrPhase; title: string; id: string; okrs: (Placed<Okr> & { id: string })[] }[];
  headings: OutlineHeading[];
}

const PHASE_TITLES: Record<OkrPhase, string> = { current: 'Current OKRs', future: 'Future OKRs', past: 'Past OKRs' };

/** Groups OKRs into current, future and past on `today`: current and future by due date, past most recent first. */
export function okrIndex(okrs: readonly Placed<Okr>[], today: string): OkrIndex {
  const slugger = new GithubSlugger();
  const headings: OutlineHeading[] = [];
  const groups = (['current', 'future', 'past'] as const).map((phase) => {
    const title = PHASE_TITLES[phase];
    const id = slugger.slug(title);
    headings.push({ depth: 2, text: title, id });
    const list = okrs
      .filter((o) => okrPhase(o.record, today) === phase)
      .sort((a, b) => (phase === 'past' ? cmp(b.record.due, a.record.due) : cmp(a.record.due, b.record.due)) || cmp(a.record.title, b.record.title))
      .map((o) => {
        const heading = { depth: 3, text: o.record.title, id: slugger.slug(o.record.title) };
        headings.push(heading);
        return { ...o, id: heading.id };
      });
    return { phase, title, id, okrs: list };
  });
  return { groups, headings };
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
