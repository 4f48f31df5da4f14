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

const DAY_MS = 86_400_000;

/** A date (YYYY-MM-DD) as a count of days since 1970-01-01 (UTC): differences are whole days. */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Today's date as YYYY-MM-DD in UTC, for when no `--today` is given. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
