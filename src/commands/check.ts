import { pagesSince } from '../load/git-history.js';
import type { RunContext } from '../pipeline/context.js';
import { checkHandbook, type CheckResult } from '../pipeline/index.js';

/**
 * `handbook check`: the check's stages of the pipeline (load, analyze, link);
 * nothing is written but the cache. With `since` (a git ref), the URLs pages
 * had there are checked too; a ref git cannot read is a usage problem.
 */
export async function check(ctx: RunContext, since?: string): Promise<CheckResult | { usage: string }> {
  if (since === undefined) return checkHandbook(ctx);
  const history = await pagesSince(ctx.paths.root, ctx.paths.contentDir, since);
  if ('problem' in history) return { usage: history.problem };
  return checkHandbook(ctx, false, history);
}
