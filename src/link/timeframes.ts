import type { Config } from '../../schemas/config.js';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { okrPhase } from '../okrs/timeframe.js';
import type { Page } from '../pages/page.js';

/**
 * Dates that must agree: an OKR starts before it is due, a key result is not due
 * after its OKR, check-ins are ascending and (for key results) inside the
 * timeframe; and no more top-level OKRs are current than the config allows
 * (an OKR aligned to a parent breaks that parent down: it is no focus of its own).
 */
export function checkTimeframes(pages: readonly Page[], config: Config, today: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const current: { page: Page; index: number }[] = [];
  for (const page of pages) {
    const at = (path: PropertyKey[]) => ({ file: page.file, ...page.locate(path), path: formatPath(path) });
    (page.data.okrs ?? []).forEach((okr, o) => {
      if (okr.start !== undefined && okr.start >= okr.due) {
        diagnostics.push(diagnostic('okr/timeframe', at(['okrs', o, 'start']), { id: okr.id, start: okr.start, due: okr.due }));
      }
      if (okr.parent === undefined && okrPhase(okr, today) === 'current') current.push({ page, index: o });
      (okr.key_results ?? []).forEach((kr, r) => {
        const base = ['okrs', o, 'key_results', r];
        const due = kr.due ?? okr.due;
        if (kr.due !== undefined && kr.due > okr.due) {
          diagnostics.push(diagnostic('kr/due-after-okr', at([...base, 'due']), { id: kr.id, due: kr.due, okrDue: okr.due }));
        }
        diagnostics.push(...checkHistory(kr.history, [...base, 'history'], at, { start: okr.start, due }));
      });
    });
    (page.data.kpis ?? []).forEach((kpi, k) => diagnostics.push(...checkHistory(kpi.history, ['kpis', k, 'history'], at)));
  }
  if (current.length > config.okrs.max_current) {
    for (const { page, index } of current) {
      const path = ['okrs', index, 'due'];
      diagnostics.push(
        diagnostic('okr/too-many-current', { file: page.file, ...page.locate(path), path: formatPath(path) }, { count: current.length, today, max: config.okrs.max_current }),
      );
    }
  }
  return diagnostics;
}

type At = (path: PropertyKey[]) => { file: string; line: number; column: number; path: string };

function checkHistory(history: readonly { date: string }[] | undefined, base: PropertyKey[], at: At, timeframe?: { start: string | undefined; due: string }): Diagnostic[] {
  const out: Diagnostic[] = [];
  (history ?? []).forEach((entry, i) => {
    const path = [...base, i, 'date'];
    const previous = history?.[i - 1];
    if (previous && entry.date <= previous.date) {
      out.push(diagnostic('history/order', at(path), { date: entry.date, previous: previous.date }));
    }
    if (timeframe && (entry.date > timeframe.due || (timeframe.start !== undefined && entry.date < timeframe.start))) {
      out.push(diagnostic('history/outside-timeframe', at(path), { date: entry.date, start: timeframe.start, due: timeframe.due }));
    }
  });
  return out;
}
