import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ErrorLink, LayoutReply, LayoutRequest } from './layout-process.js';
import type { EleventyBuild, EleventyPage } from './plugin.js';

/** Raised when Eleventy fails (a layout throws, say); `chain` is its error and causes, outermost first. */
export class EleventyRunError extends Error {
  override name = 'EleventyRunError';
  constructor(
    message: string,
    readonly chain: readonly ErrorLink[] = [],
  ) {
    super(message);
  }
}

/** How `runEleventy` feeds Eleventy. */
export interface RunOptions<P extends EleventyPage> {
  /** A folder of its own for the layout process (created, then removed): its working directory and Eleventy's input folders. */
  workDir: string;
  /** Pages per Eleventy run. */
  batch?: number;
  /** Completes a page just before its batch runs (its body's HTML, read from the cache), so only one batch is held whole. */
  prepare?: (page: P) => P;
  /** Called after each batch with the pages written so far and in all. */
  onBatch?: (done: number, total: number) => void;
}

/** Pages per Eleventy run: big enough that its start-up (about 0.2 s) is a small share. */
const BATCH = 2000;

/**
 * Lays out finished pages into `outDir` with the layouts of `layoutsDir`, in a
 * layout process (see `startLayoutProcess`). Eleventy holds every page it renders
 * until its run ends: pages go through it in batches, so memory stays flat.
 */
export async function runEleventy<P extends EleventyPage>(build: EleventyBuild<P>, layoutsDir: string, outDir: string, options: RunOptions<P>): Promise<void> {
  const { workDir, batch = BATCH, prepare = (page) => page, onBatch } = options;
  // Made first: the permission model grants a folder only as one that exists when the process starts.
  await Promise.all([mkdir(workDir, { recursive: true }), mkdir(outDir, { recursive: true })]);
  const layoutProcess = startLayoutProcess(workDir, [layoutsDir], [outDir]);
  try {
    for (let start = 0; start < build.pages.length || start === 0; start += batch) {
      await layoutProcess.layOut({ build: { ...build, pages: build.pages.slice(start, start + batch).map(prepare) }, layoutsDir, outDir });
      onBatch?.(Math.min(start + batch, build.pages.length), build.pages.length);
    }
  } finally {
    await layoutProcess.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** okr-handbook's compiled layout process (the TypeScript sources run it from lib/ too). */
const LAYOUT_PROCESS = join(PACKAGE_ROOT, 'lib/src/eleventy/layout-process.js');

/**
 * Layouts are a trust boundary: Nunjucks lets a template reach JavaScript
 * (`"".constructor.constructor(…)`), and from there anything the process can.
 * So Eleventy runs in a child Node under the permission model, which may read
 * okr-handbook's code, its dependencies, the layouts and `read`, and write only
 * `workDir` and `write`: not content/, the values directory, the cache, nor any
 * other file, and it may start no process or worker. It is sent finished pages,
 * the same ones the guard passed; it never holds anything else.
 */
function startLayoutProcess(workDir: string, read: readonly string[], write: readonly string[]): { layOut(request: LayoutRequest): Promise<void>; stop(): Promise<void> } {
  const readable = [...codePaths(), workDir, ...read, ...write];
  const writable = [workDir, ...write];
  const child = fork(LAYOUT_PROCESS, [], {
    cwd: workDir,
    // Not the environment of the build: a CI job's tokens are in it, and a layout could print them.
    env: layoutEnvironment(),
    execArgv: [PERMISSION_FLAG, '--disable-warning=ExperimentalWarning', ...grants('--allow-fs-read', readable), ...grants('--allow-fs-write', writable)],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // What the process says before it dies (an uncaught error, running out of memory) explains its end.
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(`the layout process stopped (${signal ?? `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim()}` : ''}`)));
  return {
    layOut: (request) =>
      new Promise<void>((done, fail) => {
        const onReply = (reply: LayoutReply) => {
          if (reply.ok) done();
          else fail(new EleventyRunError(reply.chain.map((e) => e.message).filter((m) => m !== '').at(-1) ?? 'Eleventy failed', reply.chain));
        };
        child.once('message', onReply);
        void exited.then((why) => {
          child.off('message', onReply);
          fail(new EleventyRunError(why));
        });
        child.send(request);
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

/** What of the environment the layout process gets: how to format dates and text, nothing else. */
function layoutEnvironment(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => name === 'TZ' || name === 'LANG' || name.startsWith('LC_'));
  // Eleventy's ESM cache-busting hook (for its watch mode) would need a worker thread, which the process may not start.
  return { ...Object.fromEntries(kept), ELEVENTY_SKIP_ESM_RESOLVER: '1' };
}

/** Node 22 made the permission model stable under this name; Node 20 knows only the experimental one. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/** One flag per path (Node 20.20 no longer reads a comma-separated list), by the path given and its real path. */
function grants(flag: string, paths: readonly string[]): string[] {
  return [...new Set(paths.flatMap((p) => (existsSync(p) ? [p, realpathSync(p)] : [p])))].map((p) => `${flag}=${p}`);
}

/** What the layout process loads: okr-handbook's compiled code and config, and every node_modules folder Node may resolve a dependency in. */
function codePaths(): string[] {
  const paths = [join(PACKAGE_ROOT, 'lib'), join(PACKAGE_ROOT, 'package.json'), join(PACKAGE_ROOT, '.eleventy.js')];
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) paths.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return paths;
  }
}
