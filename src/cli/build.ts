import { build, type BuildStage } from '../commands/build.js';
import { lastCommitDates } from '../commands/git-dates.js';
import { resolvePaths } from '../commands/paths.js';
import { reportPretty } from '../diagnostics/reporters/pretty.js';
import { todayUtc } from '../okrs/timeframe.js';
import type { Command } from './args.js';
import { progressBar, type Stage } from './progress.js';
import type { Io } from './main.js';
import { exitCode } from './main.js';

/** How each stage of a build shows on the progress bar. */
const STAGES: Record<BuildStage, Stage> = {
  render: { label: 'Rendering', unit: 'pages' },
  layout: { label: 'Laying out', unit: 'pages' },
  search: { label: 'Indexing search', unit: 'shards' },
};

/** Runs `handbook build`: diagnostics as for `check` (pretty), then one line saying what was written. */
export async function runBuild(command: Extract<Command, { name: 'build' }>, io: Io, color: boolean): Promise<number> {
  const paths = resolvePaths(io.cwd, command);
  const lastUpdated = await lastCommitDates(paths.root);
  // Said once, before the progress bar starts: the build goes on without the dates git cannot give.
  if (lastUpdated.note) io.stderr.write(`handbook: ${lastUpdated.note}\n`);
  const progress = progressBar(io.stderr, STAGES.render);
  const result = await build(paths, {
    audience: command.audience,
    today: command.today ?? todayUtc(),
    lastUpdated: lastUpdated.dates,
    cache: command.cache,
    onProgress: (done, total, stage) => progress.update(done, total, STAGES[stage]),
  });
  progress.end();
  if (result.cacheError) io.stderr.write(`handbook: the cache was not written (${result.cacheError.message}); use --no-cache to skip it\n`);
  const report = reportPretty(result.diagnostics, { color, sources: result.sources, fileCount: result.fileCount });
  io.stdout.write(report);
  if (result.written) io.stdout.write(`Built ${result.pageCount} pages (${command.audience}) into ${paths.outDir}\n`);
  return exitCode(result.diagnostics, result.configFailed, false) || (result.written ? 0 : 1);
}
