import { checkHandbook, type CheckResult } from '../pipeline/index.js';
import type { RunContext } from '../pipeline/context.js';

/** `handbook check`: the check's stages of the pipeline (load, analyze, link), with the values directory when there is one; nothing is written but the cache. */
export function check(ctx: Omit<RunContext, 'readValues'>): Promise<CheckResult> {
  return checkHandbook({ ...ctx, readValues: true });
}
