import type { Config } from '../../schemas/config.js';
import { type Okr, OkrSchema } from '../../schemas/okr.js';
import { KpiSchema } from '../../schemas/kpi.js';
import type { Audience } from '../../schemas/visibility.js';
import type { Page } from '../pages/page.js';
import { project } from '../project/project.js';
import { type KrStatus, krProgress } from '../view/progress.js';
import { objectiveProgress } from '../view/rollup.js';

/** The records a review compares. */
export type RecordKind = 'okr' | 'key_result' | 'kpi';

/** One record as a review sees it: its audience's projection, and what the site computes from it. */
export interface ReviewRecord {
  kind: RecordKind;
  /** The OKR's, the KPI's, or `okr/key-result` for a key result. */
  id: string;
  title: string;
  file: string;
  /** The OKR a key result belongs to. */
  okr?: string;
  /** Its fields, as projected for the audience (an OKR's without its key results: each is a record of its own). */
  data: Record<string, unknown>;
  /** Progress against time, when the audience sees the values it is computed from. */
  status?: KrStatus;
}

/**
 * Every OKR, key result and KPI of these pages that the audience's site has
 * (drafts only in the internal one), projected by the schemas as the site
 * projects them, in page order, by `kind:id`. A duplicate id (an error
 * `check` reports) keeps its first record.
 */
export function reviewRecords(pages: readonly Page[], context: { audience: Audience; config: Pick<Config, 'approvers'>; today: string }): Map<string, ReviewRecord> {
  const out = new Map<string, ReviewRecord>();
  const add = (record: ReviewRecord) => {
    const key = `${record.kind}:${record.id}`;
    if (!out.has(key)) out.set(key, record);
  };
  for (const page of pages) {
    if (context.audience === 'public' && page.data.draft) continue;
    for (const okr of page.data.okrs ?? []) {
      const { key_results: krs = [], ...rest } = project<Okr>(OkrSchema, okr, context);
      const statuses: { weight: number; progress?: ReturnType<typeof krProgress> }[] = [];
      const keyResults = krs.map((kr) => {
        const start = okr.start ?? kr.history?.[0]?.date;
        const progress =
          kr.start_value !== undefined && kr.target_value !== undefined && kr.current_value !== undefined && kr.start_value !== kr.target_value
            ? krProgress({ start: kr.start_value, target: kr.target_value, current: kr.current_value }, { ...(start !== undefined ? { start } : {}), due: kr.due ?? okr.due }, context.today)
            : undefined;
        statuses.push({ weight: kr.weight, ...(progress ? { progress } : {}) });
        return { kind: 'key_result' as const, id: `${okr.id}/${kr.id}`, title: kr.title, file: page.file, okr: okr.id, data: { ...kr }, ...(progress ? { status: progress.status } : {}) };
      });
      const rolled = objectiveProgress(statuses);
      add({ kind: 'okr', id: okr.id, title: okr.title, file: page.file, data: rest, ...(rolled ? { status: rolled.status } : {}) });
      keyResults.forEach(add);
    }
    for (const kpi of page.data.kpis ?? []) add({ kind: 'kpi', id: kpi.id, title: kpi.name, file: page.file, data: { ...project(KpiSchema, kpi, context) } });
  }
  return out;
}
