// Types of generate.mjs for the tests that parse its pages.

/** The day the generated handbooks' dates are relative to. */
export const BENCH_TODAY: string;

/** Every file of a handbook of `total` pages, by path below the handbook root, in write order. */
export function generateHandbook(total: number, seed?: number): Map<string, string>;

/** Writes a handbook into `dir` (replacing its content/ and config) and returns the content paths of its pages. */
export function writeHandbook(dir: string, total: number, seed?: number): Promise<string[]>;
