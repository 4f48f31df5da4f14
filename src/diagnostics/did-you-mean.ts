import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo:
 * at most a third of the word's length in edits; at least 1, and 2 from five
 * letters on (a swap of two letters, `titel`, costs 2).
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, candidates as string[]);
  const length = Math.max(input.length, best.length);
  const limit = Math.max(length >= 5 ? 2 : 1, Math.floor(length / 3));
  return distance(input, best) <= limit ? best : undefined;
}

/** Formats names as a readable list of code spans: `a`, `b` and `c`. */
export function listCode(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}
