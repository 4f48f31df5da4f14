import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import type { Page } from '../pages/page.js';

/** Values that must make sense together: a key result moves (target ≠ start); a health range is not upside down. */
export function checkValues(pages: readonly Page[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const at = (path: PropertyKey[]) => ({ file: page.file, ...page.locate(path), path: formatPath(path) });
    (page.data.okrs ?? []).forEach((okr, o) =>
      (okr.key_results ?? []).forEach((kr, r) => {
        if (kr.start_value !== undefined && kr.start_value === kr.target_value) {
          diagnostics.push(diagnostic('kr/no-change', at(['okrs', o, 'key_results', r, 'target_value']), { id: kr.id, value: kr.target_value }));
        }
      }),
    );
    (page.data.kpis ?? []).forEach((kpi, k) => {
      if (kpi.health && kpi.health.min > kpi.health.max) {
        diagnostics.push(diagnostic('kpi/health-range', at(['kpis', k, 'health', 'min']), { id: kpi.id, min: kpi.health.min, max: kpi.health.max }));
      }
    });
  }
  return diagnostics;
}
