import type { z } from 'zod';
import type { GradeSchema, ObjectiveGradeSchema, ObjectiveProgressSchema } from '../../schemas/layout-data.js';
import { KR_STATUS_TEXT, type KrProgress, type KrStatus } from './progress.js';

/** Worse statuses rank higher: an objective takes its weakest key result's. */
const RANK: Record<KrStatus, number> = { 'on-track': 0, 'needs-attention': 1, 'at-risk': 2 };

/** The weighted mean of some values; none without values. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number | undefined {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  return items.length === 0 || total === 0 ? undefined : items.reduce((sum, item) => sum + item.value * item.weight, 0) / total;
}

/** An objective's progress, rolled up from its key results': the weighted mean of their progress, the worst of their statuses, how many of them have progress. */
export type ObjectiveProgress = z.infer<typeof ObjectiveProgressSchema>;

/**
 * An objective's progress: the weighted mean (by `weight`) of the progress of
 * those of its key results that have one, and the worst of their statuses.
 * None when no key result has progress.
 */
export function objectiveProgress(krs: readonly { weight: number; progress?: KrProgress | undefined }[]): ObjectiveProgress | undefined {
  const counted = krs.flatMap((kr) => (kr.progress ? [{ weight: kr.weight, progress: kr.progress }] : []));
  const mean = weightedMean(counted.map((kr) => ({ value: kr.progress.fraction, weight: kr.weight })));
  if (mean === undefined) return undefined;
  const status = counted.reduce<KrStatus>((worst, kr) => (RANK[kr.progress.status] > RANK[worst] ? kr.progress.status : worst), 'on-track');
  return { percent: Math.round(mean * 100), status, statusText: KR_STATUS_TEXT[status], counted: counted.length, total: krs.length };
}

/** A score as readers see it: the number, and its band in words (never colour alone). */
export type Grade = z.infer<typeof GradeSchema>;

/** Google's reading of a score: 0.7 to 1 delivered, 0.4 to 0.6 progress that fell short, below that no real progress. */
export type ScoreBand = Grade['band'];

const BAND_TEXT: Record<ScoreBand, string> = { delivered: 'Delivered', 'fell-short': 'Progress, fell short', missed: 'No real progress' };

/** A key result's grade: its score as written. */
export function grade(score: number, text = String(score)): Grade {
  const band: ScoreBand = score >= 0.7 ? 'delivered' : score >= 0.4 ? 'fell-short' : 'missed';
  return { score, text, band, bandText: BAND_TEXT[band] };
}

/** An objective's grade, rolled up from its key results' scores, with how many of them have a score. */
export type ObjectiveGrade = z.infer<typeof ObjectiveGradeSchema>;

/** An objective's score: the weighted mean of its key results' scores (those that have one), to two decimals; none without scores. */
export function objectiveGrade(krs: readonly { weight: number; score?: number | undefined }[]): ObjectiveGrade | undefined {
  const scored = krs.flatMap((kr) => (kr.score !== undefined ? [{ value: kr.score, weight: kr.weight }] : []));
  const mean = weightedMean(scored);
  if (mean === undefined) return undefined;
  const rounded = Math.round(mean * 100) / 100;
  return { ...grade(rounded, rounded.toFixed(2)), scored: scored.length, total: krs.length };
}
