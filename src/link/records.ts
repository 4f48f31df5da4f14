import { cause, diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

/** The rules of values that must be unique; their texts name the value (`OKR id \`growth\` is already defined`). */
type DuplicateRule = 'okr/duplicate-id' | 'okr/duplicate-label' | 'kr/duplicate-id' | 'kpi/duplicate-id';

/** A value defined once in the handbook, with where it was first defined. */
interface FirstDefinition {
  page: Page;
  path: PropertyKey[];
}

/**
 * Uniqueness and references across the whole handbook: OKR ids and labels, key
 * result ids within their OKR, KPI ids, at most one north star, and every key
 * result's KPI defined somewhere. A duplicate points at the first definition.
 * References are checked only when every page loaded (`complete`): otherwise the
 * KPI may be defined on a page whose own errors are already reported.
 */
export function checkRecords(pages: readonly Page[], complete: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const okrIds = new Map<string, FirstDefinition>();
  const labels = new Map<string, FirstDefinition>();
  const kpiIds = new Map<string, FirstDefinition>();
  let northStar: FirstDefinition | undefined;

  const unique = (seen: Map<string, FirstDefinition>, key: string, page: Page, path: PropertyKey[], code: DuplicateRule, what: string) => {
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { page, path });
      return;
    }
    diagnostics.push(diagnostic(code, { file: page.file, ...page.locate(path), path: formatPath(path), cause: cause(first.page.file, first.page.locate(first.path), `${what} first defined here`) }, { key }));
  };

  for (const page of pages) {
    (page.data.kpis ?? []).forEach((kpi, k) => {
      unique(kpiIds, kpi.id, page, ['kpis', k, 'id'], 'kpi/duplicate-id', 'KPI id');
      if (kpi.north_star) {
        const path = ['kpis', k, 'north_star'];
        if (northStar) {
          diagnostics.push(
            diagnostic(
              'kpi/multiple-north-stars',
              { file: page.file, ...page.locate(path), path: formatPath(path), cause: cause(northStar.page.file, northStar.page.locate(northStar.path), 'the first north-star KPI') },
              { id: kpi.id },
            ),
          );
        } else northStar = { page, path };
      }
    });
  }
  const kpiNames = [...kpiIds.keys()];

  for (const page of pages) {
    (page.data.okrs ?? []).forEach((okr, o) => {
      unique(okrIds, okr.id, page, ['okrs', o, 'id'], 'okr/duplicate-id', 'OKR id');
      unique(labels, okr.label, page, ['okrs', o, 'label'], 'okr/duplicate-label', 'OKR label');
      const krIds = new Map<string, FirstDefinition>();
      (okr.key_results ?? []).forEach((kr, r) => {
        unique(krIds, kr.id, page, ['okrs', o, 'key_results', r, 'id'], 'kr/duplicate-id', 'Key result id');
        if (complete && !kpiIds.has(kr.kpi)) {
          const path = ['okrs', o, 'key_results', r, 'kpi'];
          diagnostics.push(diagnostic('kr/unknown-kpi', { file: page.file, ...page.locate(path), path: formatPath(path) }, { id: kr.id, kpi: kr.kpi, guess: didYouMean(kr.kpi, kpiNames) }));
        }
      });
    });
  }
  return diagnostics;
}
