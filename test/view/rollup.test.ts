import { describe, expect, it } from 'vitest';
import type { KrProgress, KrStatus } from '../../src/view/progress.js';
import { grade, objectiveGrade, objectiveProgress, weightedMean } from '../../src/view/rollup.js';

const progress = (fraction: number, status: KrStatus): KrProgress => ({ fraction, percent: Math.round(fraction * 100), status, statusText: status });

describe('roll-ups, against values computed by hand', () => {
  it('weightedMean: Σ value × weight / Σ weight; none without values', () => {
    expect(weightedMean([{ value: 0.5, weight: 2 }, { value: 1, weight: 1 }])).toBeCloseTo(2 / 3, 12);
    expect(weightedMean([{ value: 0.25, weight: 1 }])).toBe(0.25);
    expect(weightedMean([])).toBeUndefined();
  });

  it('an objective\'s progress: the weighted mean of its key results\' fractions (those that have one), rounded once, with the worst status', () => {
    // (0.4 × 3 + 0.1 × 1) / 4 = 0.325 → 33 %; the key result of weight 5 has no values and does not count.
    expect(objectiveProgress([{ weight: 3, progress: progress(0.4, 'needs-attention') }, { weight: 1, progress: progress(0.1, 'at-risk') }, { weight: 5 }])).toEqual({
      percent: 33, status: 'at-risk', statusText: 'At risk', counted: 2, total: 3,
    });
    // Rounded once from the exact fractions: 0.334 and 0.336 average to 0.335 → 34 %, where 33 % and 34 % would make 33.5.
    expect(objectiveProgress([{ weight: 1, progress: progress(0.334, 'on-track') }, { weight: 1, progress: progress(0.336, 'on-track') }])?.percent).toBe(34);
    expect(objectiveProgress([{ weight: 1, progress: progress(1, 'on-track') }, { weight: 1, progress: progress(0.7, 'needs-attention') }])).toMatchObject({ percent: 85, status: 'needs-attention' });
    expect(objectiveProgress([{ weight: 1 }])).toBeUndefined();
    expect(objectiveProgress([])).toBeUndefined();
  });

  it('an objective\'s score: the weighted mean of the scores given, to two decimals, with how many were scored', () => {
    // (0.7 × 2 + 0.4 × 1) / 3 = 0.6; the unscored key result does not count.
    expect(objectiveGrade([{ weight: 2, score: 0.7 }, { weight: 1, score: 0.4 }, { weight: 1 }])).toEqual({ score: 0.6, text: '0.60', band: 'fell-short', bandText: 'Progress, fell short', scored: 2, total: 3 });
    // (0.9 + 0.8 + 0.45) / 3 = 0.71666… → 0.72.
    expect(objectiveGrade([{ weight: 1, score: 0.9 }, { weight: 1, score: 0.8 }, { weight: 1, score: 0.45 }])).toMatchObject({ score: 0.72, text: '0.72', band: 'delivered' });
    expect(objectiveGrade([{ weight: 1 }])).toBeUndefined();
  });

  it('a score\'s band, as Google reads it: 0.7 and up delivered, 0.4 and up progress that fell short, below that none', () => {
    expect([1, 0.7, 0.69, 0.4, 0.39, 0].map((s) => grade(s).band)).toEqual(['delivered', 'delivered', 'fell-short', 'fell-short', 'missed', 'missed']);
    expect(grade(0.65)).toEqual({ score: 0.65, text: '0.65', band: 'fell-short', bandText: 'Progress, fell short' });
  });
});
