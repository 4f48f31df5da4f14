import { pagesSince } from '../load/git-history.js';
import type { RunContext } from '../pipeline/context.js';
import { checkHandbook, type CheckResult } from '../pipeline/index.js';

/**
 * `handbook check`: the check's stages of the pipeline (load, analyze, link),
 * with the values directory when there is one; nothing is written but the
 * cache. With `since` (a git ref), the URLs pages had there are checked too;
 * a ref git cannot read is a usage problem.
 */
export async function check(ctx: Omit<RunContext, 'readValues'>, since?: string): Promise<CheckResult | { usage: string }> {
  const withValues = { ...ctx, readValues: true };
  if (since === undefined) return checkHandbook(withValues);
  const history = await pagesSince(ctx.paths.root, ctx.paths.contentDir, since);
  if ('problem' in history) return { usage: history.problem };
  return checkHandbook(withValues, false, history);
}
