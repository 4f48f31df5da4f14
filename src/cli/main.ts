import { check } from '../commands/check.js';
import { outputProblem, pathProblem, resolvePaths } from '../commands/paths.js';
import { frontMatterJsonSchema } from '../commands/schema.js';
import { countDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { reportGithub } from '../diagnostics/reporters/github.js';
import { reportJson } from '../diagnostics/reporters/json.js';
import { reportPretty } from '../diagnostics/reporters/pretty.js';
import { todayUtc } from '../okrs/timeframe.js';
import { PACKAGE } from '../package-root.js';
import { HELP, parseCommand, UsageError } from './args.js';
import { progressBar } from './progress.js';

/** The process around the CLI; injected so tests can run it in memory too. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

/** Runs the command line and returns the exit code: 0 ok, 1 errors found, 2 usage or config error. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return usage(io, err.message);
  }
  switch (command.name) {
    case 'help':
      io.stdout.write(HELP);
      return 0;
    case 'version':
      io.stdout.write(`${PACKAGE.version}\n`);
      return 0;
    case 'schema':
      io.stdout.write(`${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
      return 0;
    case 'check': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined);
      if (problem) return usage(io, problem);
      const progress = progressBar(io.stderr, { label: 'Checking', unit: 'pages' });
      const result = await check(paths, { today: command.today ?? todayUtc(), cache: command.cache, onProgress: progress.update });
      progress.end();
      if (result.cacheError) io.stderr.write(`handbook: the cache was not written (${result.cacheError.message}); use --no-cache to skip it\n`);
      const color = useColor(io);
      const out =
        command.format === 'json'
          ? reportJson(result.diagnostics)
          : command.format === 'github'
            ? reportGithub(result.diagnostics)
            : reportPretty(result.diagnostics, { color, sources: result.sources, fileCount: result.fileCount });
      io.stdout.write(out);
      return exitCode(result.diagnostics, result.configFailed, command.strict);
    }
    case 'build': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined) ?? outputProblem(paths);
      if (problem) return usage(io, problem);
      // Imported here so that `check` never loads Eleventy or the renderer.
      const { runBuild } = await import('./build.js');
      return runBuild(command, io, useColor(io));
    }
  }
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
