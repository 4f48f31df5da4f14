import type { Config } from '../../schemas/config.js';
import type { Kpi } from '../../schemas/kpi.js';
import type { Okr } from '../../schemas/okr.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Outline } from '../markdown/outline.js';
import { GENERATED_PAGES, kpiIndex, okrIndex, type Placed } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { checkApprovals } from './approvals.js';
import { checkLayouts } from './layouts.js';
import { checkLinks } from './links.js';
import type { PageIndex } from './page-index.js';
import { checkRecords } from './records.js';
import { checkTimeframes } from './timeframes.js';
import { checkValues } from './values.js';

/** What the handbook-wide pass needs: validated pages, their outlines, and facts about the project. */
export interface LinkInput {
  pages: readonly Page[];
  /** Outline of each page body, by `page.file`. */
  outlines: ReadonlyMap<string, Outline>;
  config: Config;
  /** YYYY-MM-DD. */
  today: string;
  layouts: readonly string[];
  /** The page index from `indexPages`, built before bodies are analysed so renderers can resolve links. */
  index: PageIndex;
}

/** The handbook as one linked whole: every page, URL and record reachable in O(1). */
export interface Handbook {
  pages: readonly Page[];
  index: PageIndex;
  /** Outline of each page body, by `page.file`. */
  outlines: ReadonlyMap<string, Outline>;
  okrs: Placed<Okr>[];
  kpis: Map<string, Placed<Kpi>>;
}

/**
 * The second phase: once every file has passed its schema, checks what only the
 * whole handbook can tell (uniqueness, references, timeframes, approvals, links).
 */
export function linkHandbook(input: LinkInput): { handbook: Handbook; diagnostics: Diagnostic[] } {
  const { pages, outlines, config, today } = input;
  const { index } = input;
  const diagnostics: Diagnostic[] = [];

  const okrs: Placed<Okr>[] = [];
  const kpis = new Map<string, Placed<Kpi>>();
  const anchors = new Map<string, Set<string>>();
  for (const page of pages) {
    const outline = outlines.get(page.file);
    anchors.set(page.url, new Set(outline?.headings.map((h) => h.id)));
    (page.data.okrs ?? []).forEach((record, i) => okrs.push({ record, pageUrl: page.url, anchor: outline?.recordAnchors.okr[i] ?? '' }));
    (page.data.kpis ?? []).forEach((record, i) => {
      if (!kpis.has(record.id)) kpis.set(record.id, { record, pageUrl: page.url, anchor: outline?.recordAnchors.kpi[i] ?? '' });
    });
  }
  const okrIdx = okrIndex(okrs, today);
  const kpiIdx = kpiIndex([...kpis.values()]);
  anchors.set(GENERATED_PAGES.okrs.url, new Set(okrIdx.headings.map((h) => h.id)));
  anchors.set(GENERATED_PAGES.kpis.url, new Set(kpiIdx.headings.map((h) => h.id)));

  diagnostics.push(
    ...checkLayouts(pages, input.layouts),
    ...checkRecords(pages, index.unvalidated.size === 0),
    ...checkValues(pages),
    ...checkTimeframes(pages, config, today),
    ...checkApprovals(pages, config, today),
    ...checkLinks(pages, outlines, index, anchors, config),
  );
  return { handbook: { pages, index, outlines, okrs, kpis }, diagnostics };
}
