import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { build } from '../commands/build.js';
import { check } from '../commands/check.js';
import { codeowners } from '../commands/codeowners.js';
import { init } from '../commands/init.js';
import type { Io } from '../commands/io.js';
import { newPage } from '../commands/new.js';
import { exportsJsonSchema, jsonSchema } from '../commands/schema.js';
import type { ServeBuild } from '../commands/serve.js';
import { outputProblem, pathProblem, resolvePaths } from '../config/paths.js';
import { countDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { REPORTERS } from '../diagnostics/reporters/index.js';
import { todayUtc } from '../okrs/timeframe.js';
import { PACKAGE } from '../package-root.js';
import type { CheckResult, StageName } from '../pipeline/index.js';
import { type Command, commandHelp, type CommandName, overviewHelp, parseCommand, UsageError } from './args.js';
import { progressBar, type Stage } from './progress.js';
import { stageClock } from './timings.js';

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
    if (err instanceof UsageError) return usage(io, err.message, err.command);
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
      io.stdout.write(command.command ? commandHelp(command.command) : overviewHelp(PACKAGE.version));
      return 0;
    case 'version':
      io.stdout.write(`${PACKAGE.version}\n`);
      return 0;
    case 'schema':
      io.stdout.write(`${JSON.stringify(command.exports ? exportsJsonSchema() : jsonSchema(command.config ? 'config' : 'front-matter'), null, 2)}\n`);
      return 0;
    case 'diff': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined);
      if (problem) return usage(io, problem, 'diff');
      // Imported only for a diff: it reads progress as the views do, which `check` never loads.
      const [{ diff }, { diffJson, diffMarkdown }] = await Promise.all([import('../commands/diff.js'), import('../diff/format.js')]);
      const result = await diff({ paths, today: command.today ?? todayUtc(), base: command.base, audience: command.audience });
      if ('problem' in result) return usage(io, result.problem, 'diff');
      if ('configFailed' in result) return configFailed(io, result);
      io.stdout.write(command.format === 'json' ? diffJson(result.report) : diffMarkdown(result.report));
      return 0;
    }
    case 'codeowners': {
      const paths = resolvePaths(io.cwd, command);
      const problem = pathProblem(paths, command.config !== undefined);
      if (problem) return usage(io, problem, 'codeowners');
      const result = await codeowners({ paths, ...(command.check !== undefined ? { check: resolve(io.cwd, command.check) } : {}) });
      if ('configFailed' in result) return configFailed(io, result);
      if (result.stale === undefined) {
        io.stdout.write(result.text);
        return 0;
      }
      if (!result.stale) return 0;
      io.stderr.write(`handbook: ${command.check} is not what the owners of the pages give; write it with \`handbook codeowners > ${command.check}\`\n`);
      return 1;
    }
    case 'init':
      return runInit(command, io);
    case 'new':
      return runNew(command, io);
    case 'serve':
      return runServe(command, io);
    case 'check':
    case 'build': {
      const paths = resolvePaths(io.cwd, command);
      const valuesDir = valuesOption(io, command.values);
      const problem = pathProblem(paths, command.config !== undefined) ?? valuesProblem(valuesDir) ?? (command.name === 'build' ? outputProblem(paths, valuesDir) : undefined);
      if (problem) return usage(io, problem, command.name);
      const progress = progressBar(io.stderr, PROGRESS.analyze!);
      const clock = command.timings ? stageClock() : undefined;
      const ctx = {
        paths,
        today: command.today ?? todayUtc(),
        cache: command.cache,
        ...(valuesDir !== undefined ? { valuesDir } : {}),
        onProgress: (stage: string, done: number, total: number) => progress.update(done, total, PROGRESS[stage as StageName]),
        ...(clock ? { onStage: clock.onStage } : {}),
      };
      // Imported only for a build, so that `check` never loads Eleventy, Pagefind or the renderer.
      const result = command.name === 'check' ? await check(ctx, command.since) : await (await import('../commands/build.js')).build(ctx, command.audience, command.baseUrl);
      progress.end();
      if (clock) io.stderr.write(`handbook: ${clock.summary()}\n`);
      if ('usage' in result) return usage(io, result.usage, command.name);
      if ('datesNote' in result && result.datesNote) io.stderr.write(`handbook: ${result.datesNote}\n`);
      if (result.parserNote) io.stderr.write(`handbook: ${result.parserNote}\n`);
      if (result.cacheError) io.stderr.write(cacheNote(result.cacheError));
      io.stdout.write(report(command.format, result, io));
      if (command.name === 'check') return exitCode(result.diagnostics, result.configFailed, command.strict);
      const built = result as Awaited<ReturnType<typeof build>>;
      if (built.written && command.format === 'pretty') io.stdout.write(`Built ${built.pageCount} pages (${command.audience}) into ${paths.outDir}\n`);
      return exitCode(result.diagnostics, result.configFailed, false) || (built.written ? 0 : 1);
    }
  }
}

async function runInit(command: Extract<Command, { name: 'init' }>, io: Io): Promise<number> {
  const result = await init(io.cwd, { dir: command.dir, ...(command.title !== undefined ? { title: command.title } : {}), today: todayUtc() });
  if ('problem' in result) return refuse(io, result.problem);
  const where = shownPath(io, result.root);
  io.stdout.write(`Created a handbook in ${where}:\n${result.written.map((f) => `  ${f}\n`).join('')}`);
  if (result.kept.length > 0) io.stdout.write(`Kept the existing ${result.kept.join(', ')}; add okr-handbook to its devDependencies if it is not there.\n`);
  const cd = where === '.' ? '' : `cd ${where} && `;
  io.stdout.write(`\nNext:\n  ${cd}npm install          # installs okr-handbook; commit package-lock.json\n  npx handbook serve       # a preview at http://127.0.0.1:8080 that reloads as you save\n  npx handbook check       # what CI runs on every push\n`);
  return 0;
}

async function runNew(command: Extract<Command, { name: 'new' }>, io: Io): Promise<number> {
  const paths = resolvePaths(io.cwd, command);
  // The content folder of a new handbook may not exist yet: the page makes it.
  const problem = pathProblem(paths, command.config !== undefined, false);
  if (problem) return usage(io, problem, 'new');
  const result = await newPage(io.cwd, paths, { kind: command.kind, path: command.path, ...(command.title !== undefined ? { title: command.title } : {}), today: command.today ?? todayUtc() });
  if ('problem' in result) return refuse(io, result.problem);
  io.stdout.write(`Wrote ${result.file} (served at ${result.url}).\n`);
  return 0;
}

/** `handbook serve` until Ctrl-C: the first one stops it cleanly, a second one (while a build finishes) ends the process at once. */
async function runServe(command: Extract<Command, { name: 'serve' }>, io: Io): Promise<number> {
  const paths = resolvePaths(io.cwd, command);
  const valuesDir = valuesOption(io, command.values);
  const problem = pathProblem(paths, command.config !== undefined) ?? valuesProblem(valuesDir);
  if (problem) return usage(io, problem, 'serve');
  let progress = progressBar(io.stderr, PROGRESS.analyze!);
  const stop = new AbortController();
  const unsubscribe = io.onInterrupt?.(() => {
    unsubscribe?.();
    io.stderr.write('\nStopping… (a build under way ends first; Ctrl-C again quits at once)\n');
    stop.abort();
  });
  const ctx = {
    paths,
    today: command.today ?? todayUtc(),
    cache: command.cache,
    ...(valuesDir !== undefined ? { valuesDir } : {}),
    // Each build draws its own bar: only a long one (the first, cold) shows it.
    onStage: (stage: string) => {
      if (stage === 'load') progress = progressBar(io.stderr, PROGRESS.analyze!);
    },
    onProgress: (stage: string, done: number, total: number) => progress.update(done, total, PROGRESS[stage as StageName]),
  };
  const { serve } = await import('../commands/serve.js');
  const served = await serve(
    ctx,
    { audience: command.audience, host: command.host, port: command.port },
    {
      listening: (url, outDir) => io.stdout.write(`Serving the ${command.audience} site at ${url}/ (built into ${shownPath(io, outDir)}); Ctrl-C stops.\n`),
      datesNote: (note) => io.stderr.write(`handbook: ${note}\n`),
      built: (build) => {
        progress.end();
        io.stdout.write(serveReport(build, paths.root, io));
      },
    },
    stop.signal,
  ).finally(() => unsubscribe?.());
  if (served.problem) return refuse(io, served.problem);
  io.stdout.write('Stopped.\n');
  return 0;
}

/** What the terminal shows of one build of `serve`: check's report when there is anything to say, then one line. */
function serveReport(build: ServeBuild, root: string, io: Io): string {
  const { result, changed, ms } = build;
  // A folder made with a file in it is named by the file.
  const paths = [...new Set(changed.map((f) => relative(root, f) || '.'))];
  const shown = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`)));
  const what = changed.length === 0 ? 'first build' : `${shown.slice(0, 3).join(', ')}${shown.length > 3 ? ', …' : ''} changed`;
  const time = new Date().toTimeString().slice(0, 8);
  const text = result.diagnostics.length > 0 ? report('pretty', result, io) : '';
  // Said with the first build: every later one parses the same way.
  if (result.parserNote && changed.length === 0) io.stderr.write(`handbook: ${result.parserNote}\n`);
  if (result.cacheError) io.stderr.write(cacheNote(result.cacheError));
  if (result.written) return `${text}[${time}] Built ${result.pageCount} pages in ${ms} ms (${what}); open pages reload.\n`;
  return `${text}[${time}] Not built (${what}): open pages show the errors${build.served ? ' over the last good site' : ''}.\n`;
}

/** `--values`, absolute: relative to the working directory. */
function valuesOption(io: Io, values: string | undefined): string | undefined {
  return values === undefined ? undefined : resolve(io.cwd, values);
}

/** Why `--values` cannot be the values directory, if it cannot. */
function valuesProblem(valuesDir: string | undefined): string | undefined {
  return valuesDir !== undefined && !statSync(valuesDir, { throwIfNoEntry: false })?.isDirectory() ? `the values folder ${valuesDir} is not a folder` : undefined;
}

/** A path as the user would type it from the working directory: relative inside it, absolute elsewhere. */
function shownPath(io: Io, path: string): string {
  const inside = relative(io.cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

function cacheNote(err: Error): string {
  return `handbook: the cache was not written (${err.message}); use --no-cache to skip it\n`;
}

function report(format: keyof typeof REPORTERS, result: CheckResult, io: Io): string {
  return REPORTERS[format](result.diagnostics, { color: useColor(io), sources: result.sources, fileCount: result.fileCount });
}

/** A config that failed: its diagnostics, as `check` prints them, and exit code 2. */
function configFailed(io: Io, result: { diagnostics: readonly Diagnostic[]; sources: Map<string, string> }): number {
  io.stderr.write(REPORTERS.pretty(result.diagnostics, { color: useColor(io), sources: result.sources, fileCount: 1 }));
  return 2;
}

function usage(io: Io, message: string, command?: CommandName): number {
  io.stderr.write(`handbook: ${message}\n\n${command ? commandHelp(command) : overviewHelp(PACKAGE.version)}`);
  return 2;
}

/** A command that would not do what it was asked (a file that exists, a port in use): one line, exit code 2. */
function refuse(io: Io, message: string): number {
  io.stderr.write(`handbook: ${message}\n`);
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
