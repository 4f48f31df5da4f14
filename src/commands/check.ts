import { checkHandbook, type CheckResult } from '../pipeline/index.js';
import type { RunContext } from '../pipeline/context.js';

/** `handbook check`: the check's stages of the pipeline (load, analyze, link); nothing is written but the cache. */
export function check(ctx: RunContext): Promise<CheckResult> {
  return checkHandbook(ctx);
}
