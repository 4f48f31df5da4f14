import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { build } from '../commands/build.js';
import { check } from '../commands/check.js';
import type { Io } from '../commands/io.js';
import { outputProblem, pathProblem, resolvePaths } from '../config/paths.js';
import { codeowners } from '../commands/codeowners.js';
import { exportsJsonSchema, frontMatterJsonSchema } from '../commands/schema.js';
import { countDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { REPORTERS } from '../diagnostics/reporters/index.js';
import { todayUtc } from '../okrs/timeframe.js';
import { PACKAGE } from '../package-root.js';
import type { CheckResult, StageName } from '../pipeline/index.js';
import { HELP, parseCommand, UsageError } from './args.js';
import { progressBar, type Stage } from './progress.js';

/** How each stage that reports progress shows on the bar. */
const PROGRESS: Partial<Record<StageName, Stage>> = {
  analyze: { label: 'Reading pages', unit: 'pages' },
  layout: { label: 'Laying out', unit: 'pages' },
  search: { label: 'Indexing search', unit: 'shards' },
};

/**
 * Runs the command line and returns the exit code: 0 ok, 1 errors found, 2
 * usage or config error, or a failure okr-handbook did not expect (reported in
 * one line; the stack trace only with DEBUG set). The only place that prints.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) return usage(io, err.message);
    const message = (err instanceof Error ? err.message : String(err)).trim().replace(/\s*\n\s*/g, ' | ');
    // A failure of the machine (a folder that cannot be read, git failing) is said as it is; anything else is okr-handbook's own bug.
    const system = err instanceof Error && 'code' in err;
    io.stderr.write(system ? `handbook: ${message}\n` : `handbook: unexpected error: ${message}\n`);
    if (io.env.DEBUG) io.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    else if (!system) io.stderr.write(`This is a bug in okr-handbook ${PACKAGE.version}: please report it${PACKAGE.bugs?.url ? ` at ${PACKAGE.bugs.url}` : ''} with the command you ran (DEBUG=1 prints the stack trace).\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseCommand(argv);
  switch (command.name) {
    case 'help':
      io.stdout.write(HELP);
      return 0;
    case 'version':
      io.stdout.write(`${PACKAGE.version}\n`);
      return 0;
    case 'schema':
      io.stdout.write(`${JSON.stringify(command.exports ? exportsJsonSchema() : frontMatterJsonSchema(), null, 2)}\n`);
      return 0;
    case 'diff': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined);
      if (problem) return usage(io, problem);
      // Imported only for a diff: it reads progress as the views do, which `check` never loads.
      const [{ diff }, { diffJson, diffMarkdown }] = await Promise.all([import('../commands/diff.js'), import('../diff/format.js')]);
      const result = await diff({ paths, today: command.today ?? todayUtc(), base: command.base, audience: command.audience });
      if ('problem' in result) return usage(io, result.problem);
      if ('configFailed' in result) return configFailed(io, result);
      io.stdout.write(command.format === 'json' ? diffJson(result.report) : diffMarkdown(result.report));
      return 0;
    }
    case 'codeowners': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined);
      if (problem) return usage(io, problem);
      const result = await codeowners({ paths, ...(command.check !== undefined ? { check: command.check } : {}) });
      if ('configFailed' in result) return configFailed(io, result);
      if (result.stale === undefined) {
        io.stdout.write(result.text);
        return 0;
      }
      if (!result.stale) return 0;
      io.stderr.write(`handbook: ${command.check} is not what the owners of the pages give; write it with \`handbook codeowners > ${command.check}\`\n`);
      return 1;
    }
    case 'check':
    case 'build': {
      const paths = resolvePaths(io.cwd, command);
      const valuesDir = command.values === undefined ? undefined : resolve(io.cwd, command.values);
      const problem = pathProblem(paths, command.config !== undefined) ?? (valuesDir !== undefined && !statSync(valuesDir, { throwIfNoEntry: false })?.isDirectory() ? `the values folder ${valuesDir} is not a folder` : undefined) ?? (command.name === 'build' ? outputProblem(paths, valuesDir) : undefined);
      if (problem) return usage(io, problem);
      const progress = progressBar(io.stderr, PROGRESS.analyze!);
      const ctx = {
        paths,
        today: command.today ?? todayUtc(),
        cache: command.cache,
        ...(valuesDir !== undefined ? { valuesDir } : {}),
        onProgress: (stage: string, done: number, total: number) => progress.update(done, total, PROGRESS[stage as StageName]),
      };
      // Imported only for a build, so that `check` never loads Eleventy, Pagefind or the renderer.
      const result = command.name === 'check' ? await check(ctx, command.since) : await (await import('../commands/build.js')).build(ctx, command.audience, command.baseUrl);
      progress.end();
      if ('usage' in result) return usage(io, result.usage);
      if ('datesNote' in result && result.datesNote) io.stderr.write(`handbook: ${result.datesNote}\n`);
      if (result.cacheError) io.stderr.write(`handbook: the cache was not written (${result.cacheError.message}); use --no-cache to skip it\n`);
      io.stdout.write(report(command.format, result, io));
      if (command.name === 'check') return exitCode(result.diagnostics, result.configFailed, command.strict);
      const built = result as Awaited<ReturnType<typeof build>>;
      if (built.written && command.format === 'pretty') io.stdout.write(`Built ${built.pageCount} pages (${command.audience}) into ${paths.outDir}\n`);
      return exitCode(result.diagnostics, result.configFailed, false) || (built.written ? 0 : 1);
    }
  }
}

function report(format: keyof typeof REPORTERS, result: CheckResult, io: Io): string {
  return REPORTERS[format](result.diagnostics, { color: useColor(io), sources: result.sources, fileCount: result.fileCount });
}

/** A config that failed: its diagnostics, as `check` prints them, and exit code 2. */
function configFailed(io: Io, result: { diagnostics: readonly Diagnostic[]; sources: Map<string, string> }): number {
  io.stderr.write(REPORTERS.pretty(result.diagnostics, { color: useColor(io), sources: result.sources, fileCount: 1 }));
  return 2;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`handbook: ${message}\n\n${HELP}`);
  return 2;
}

/** The exit code, derived in this one place from the diagnostics. */
export function exitCode(diagnostics: readonly Diagnostic[], configFailed: boolean, strict: boolean): number {
  if (configFailed) return 2;
  const { errors, warnings } = countDiagnostics(diagnostics);
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
