import type { Config } from '../../schemas/config.js';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { type People, personText, responsible } from '../okrs/owners.js';
import { dayNumber, okrPhase } from '../okrs/timeframe.js';
import type { Page } from '../pages/page.js';

/**
 * The check-in cadence (`okrs.check_in_every_days`, none by default): a key
 * result of a current OKR whose last check-in (or, without one, its OKR's
 * start) is more days ago than that is a warning at its `history`, naming
 * whoever answers for it. Dates only: a warning never prints a value.
 */
export function checkCheckIns(pages: readonly Page[], config: Config, people: People, today: string): Diagnostic[] {
  const every = config.okrs.check_in_every_days;
  if (every === undefined) return [];
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    (page.data.okrs ?? []).forEach((okr, o) => {
      if (okrPhase(okr, today) !== 'current') return;
      (okr.key_results ?? []).forEach((kr, r) => {
        const last = kr.history?.reduce((latest, entry) => (entry.date > latest ? entry.date : latest), '') || undefined;
        const since = last ?? okr.start;
        if (since === undefined) return;
        const days = dayNumber(today) - dayNumber(since);
        if (days <= every) return;
        const path = ['okrs', o, 'key_results', r, ...(kr.history ? ['history'] : [])];
        const owner = responsible(people, kr.owner, okr.owner, page.data.owner);
        diagnostics.push(
          diagnostic('kr/stale-check-in', { file: page.file, ...page.locate(path, 'key'), path: formatPath(path) }, { id: kr.id, okr: okr.id, since, checkedIn: last !== undefined, days, every, owner: owner && personText(owner) }),
        );
      });
    });
  }
  return diagnostics;
}
