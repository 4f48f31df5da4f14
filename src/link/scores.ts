import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { type People, personText, responsible } from '../okrs/owners.js';
import { okrPhase } from '../okrs/timeframe.js';
import type { Page } from '../pages/page.js';

/** Grading: once an OKR's due date has passed, each of its key results has a `score`; one without is a warning at its id, naming whoever answers for it. */
export function checkScores(pages: readonly Page[], people: People, today: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    (page.data.okrs ?? []).forEach((okr, o) => {
      if (okrPhase(okr, today) !== 'past') return;
      (okr.key_results ?? []).forEach((kr, r) => {
        if (kr.score !== undefined) return;
        const path = ['okrs', o, 'key_results', r, 'id'];
        const owner = responsible(people, kr.owner, okr.owner, page.data.owner);
        diagnostics.push(diagnostic('kr/missing-score', { file: page.file, ...page.locate(path), path: formatPath(path) }, { id: kr.id, okr: okr.id, due: okr.due, owner: owner && personText(owner) }));
      });
    });
  }
  return diagnostics;
}
