import type { Audience } from '../../schemas/visibility.js';
import { buildSite, type BuildResult } from '../pipeline/build.js';
import type { RunContext } from '../pipeline/context.js';
import { lastCommitDates } from '../load/git-dates.js';

/** What `handbook build` did, and what git could not tell it. */
export interface BuildCommandResult extends BuildResult {
  /** Why pages show no "last updated" date, when git could not give one. */
  datesNote?: string;
}

/** `handbook build`: every stage of the pipeline for one audience, with each page's last commit date from git; `baseUrl` (`--base-url`) stands for `site.url`. */
export async function build(ctx: Omit<RunContext, 'readValues'>, audience: Audience, baseUrl?: string): Promise<BuildCommandResult> {
  const dates = await lastCommitDates(ctx.paths.root);
  // Only the internal site is made with the values directory: the public build never holds its values.
  const result = await buildSite({ ...ctx, readValues: audience === 'internal' }, { audience, lastUpdated: dates.dates, ...(baseUrl !== undefined ? { baseUrl } : {}) });
  await result.settled;
  return { ...result, ...(dates.note ? { datesNote: dates.note } : {}) };
}
