import type { Okr } from '../../schemas/okr.js';

/** Where an OKR's timeframe stands on a given day. */
export type OkrPhase = 'current' | 'future' | 'past';

/**
 * current when start ≤ today ≤ due (no start: today ≤ due), future when
 * today < start, past when due < today. Dates are YYYY-MM-DD, so string order is date order.
 */
export function okrPhase(okr: Pick<Okr, 'start' | 'due'>, today: string): OkrPhase {
  if (okr.due < today) return 'past';
  if (okr.start !== undefined && today < okr.start) return 'future';
  return 'current';
}

/** Today's date as YYYY-MM-DD in UTC, for when no `--today` is given. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
