import type { z } from 'zod';
import type { KpiHealthSchema, ProgressSchema } from '../../schemas/layout-data.js';
import { dayNumber } from '../okrs/timeframe.js';

/** A key result's progress from start to target, and the share of its timeframe that has passed. */
export type KrProgress = z.infer<typeof ProgressSchema>;

/** How a key result is doing against the time elapsed in its timeframe. */
export type KrStatus = KrProgress['status'];

/** Words for each status: shown next to the colour, never colour alone. */
export const KR_STATUS_TEXT: Record<KrStatus, string> = { 'on-track': 'On track', 'needs-attention': 'Needs attention', 'at-risk': 'At risk' };

/**
 * Progress of a key result. Direction comes from the sign of target − start.
 * On track: progress keeps pace with time (at least 90 % of the elapsed share,
 * or the target reached); needs attention: at least 60 %; otherwise at risk.
 * Without a known start date, progress alone decides (≥ 50 % on track).
 */
export function krProgress(values: { start: number; target: number; current: number }, timeframe: { start?: string; due: string }, today: string): KrProgress {
  const fraction = clamp((values.current - values.start) / (values.target - values.start));
  const elapsed = timeframe.start === undefined ? undefined : clamp((dayNumber(today) - dayNumber(timeframe.start)) / Math.max(1, dayNumber(timeframe.due) - dayNumber(timeframe.start)));
  const pace = elapsed === undefined ? fraction / 0.5 : elapsed === 0 ? 1 : fraction / elapsed;
  const status: KrStatus = fraction >= 1 || pace >= 0.9 ? 'on-track' : pace >= 0.6 ? 'needs-attention' : 'at-risk';
  return {
    fraction,
    percent: Math.round(fraction * 100),
    ...(elapsed !== undefined ? { elapsedPercent: Math.round(elapsed * 100) } : {}),
    status,
    statusText: KR_STATUS_TEXT[status],
  };
}

/** A KPI's health: whether its latest value lies in the expected range. */
export type KpiHealth = z.infer<typeof KpiHealthSchema>;

/** Health of a KPI from its latest value (current, else the last check-in) and its expected range. */
export function kpiHealth(range: { min: number; max: number }, latest: number): KpiHealth {
  if (latest < range.min) return { state: 'below', text: `Alarm: below the expected range (${range.min} – ${range.max})`, latest };
  if (latest > range.max) return { state: 'above', text: `Alarm: above the expected range (${range.min} – ${range.max})`, latest };
  return { state: 'healthy', text: `Healthy: within the expected range (${range.min} – ${range.max})`, latest };
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
