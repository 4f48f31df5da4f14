import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../schemas/config.js';
import type { Audience } from '../../schemas/visibility.js';
import { cacheDir } from '../cache/store.js';
import { peopleFileOf } from '../config/load.js';
import type { ProjectPaths } from '../config/paths.js';
import { lastCommitDates } from '../load/git-dates.js';
import { buildSite, type BuildResult } from '../pipeline/build.js';
import type { RunContext } from '../pipeline/context.js';
import { valuesDirOf } from '../pipeline/load.js';
import { overlayBody } from '../serve/overlay.js';
import { type SiteState, startServer } from '../serve/server.js';
import { type WatchTarget, watchTargets } from '../serve/watch.js';

/** What `handbook serve` is asked for. */
export interface ServeOptions {
  audience: Audience;
  host: string;
  port: number;
}

/** One build of a serve session, as the CLI reports it. */
export interface ServeBuild {
  result: BuildResult;
  /** Whether a good site is served, this build's or an earlier one's. */
  served: boolean;
  /** What made it run: none for the first build. */
  changed: readonly string[];
  ms: number;
}

/** What a serve session tells the CLI as it runs; the CLI prints. */
export interface ServeEvents {
  /** Listening at `url`; the first build follows. */
  listening(url: string, outDir: string): void;
  /** Why pages show no "last updated" date, once. */
  datesNote?(note: string): void;
  built(build: ServeBuild): void;
}

/** Pause after the last change before a rebuild: an editor's save is several writes. */
const QUIET_MS = 40;

/**
 * What `handbook serve` rebuilds on: the content, static and layouts folders
 * and the config file (and what the config names, watched apart: see
 * `namedSources`). One list, so a new kind of source is one line more.
 */
function watchedSources(paths: ProjectPaths): WatchTarget[] {
  return [
    { path: paths.contentDir, kind: 'folder' },
    { path: paths.staticDir, kind: 'folder' },
    { path: paths.layoutsDir, kind: 'folder' },
    { path: paths.configPath, kind: 'file' },
  ];
}

/**
 * The sources the config names, which it may change at any build: the values
 * directory (read by the internal site only; `--values` overrides the
 * config's) and the people file.
 */
function namedSources(ctx: RunContext, config: Config | undefined): WatchTarget[] {
  const values = ctx.readValues ? (config ? valuesDirOf(ctx, config) : ctx.valuesDir) : undefined;
  const people = config && peopleFileOf(ctx.paths.configPath, config);
  return [...(values !== undefined ? [{ path: values, kind: 'folder' as const }] : []), ...(people !== undefined ? [{ path: people, kind: 'file' as const }] : [])];
}

/**
 * `handbook serve`: builds the site into a folder of its own under the cache,
 * serves it, and builds again (making only what changed) whenever a source
 * changes, telling open pages to reload, or to show the errors over the last
 * good site. Only the internal site is built with the values directory, as
 * by `build`. Resolves once `stop` is aborted, with the server and the
 * watchers closed and no build running; a server that cannot listen, or a
 * values directory the site's folder would replace, is a `problem`.
 */
export async function serve(runCtx: Omit<RunContext, 'readValues'>, options: ServeOptions, events: ServeEvents, stop: AbortSignal): Promise<{ problem?: string }> {
  const ctx: RunContext = { ...runCtx, readValues: options.audience === 'internal' };
  const outDir = join(cacheDir(ctx.paths.root), `serve-${options.audience}`);
  const paths = { ...ctx.paths, outDir };
  // The site a session before this one left is the last good site until this one builds.
  const state: SiteState = existsSync(join(outDir, 'index.html')) ? { build: 0, dir: outDir } : { build: 0 };
  let building: Promise<void> | undefined;
  const removals = new Set<Promise<void>>();
  let publishing: Promise<void> | undefined;
  let firstBuilt: () => void = () => undefined;
  const firstBuild = new Promise<void>((resolve) => (firstBuilt = resolve));

  const server = await startServer({
    host: options.host,
    port: options.port,
    state: () => state,
    ready: async () => {
      await firstBuild;
      await publishing;
    },
  });
  if ('problem' in server) return { problem: server.problem };
  events.listening(server.url, outDir);

  const dates = await lastCommitDates(ctx.paths.root);
  if (dates.note) events.datesNote?.(dates.note);

  const run = async (changed: readonly string[]): Promise<void> => {
    const began = performance.now();
    server.send({ name: 'building' });
    let swapped: () => void = () => undefined;
    const result = await buildSite(
      {
        ...ctx,
        paths,
        onStage: (stage) => {
          // Requests wait while the new site is swapped in, rather than find the folder gone.
          if (stage === 'publish') publishing = new Promise((resolve) => (swapped = resolve));
          ctx.onStage?.(stage);
        },
      },
      { audience: options.audience, lastUpdated: dates.dates },
    ).finally(() => swapped());
    publishing = undefined;
    const ms = Math.round(performance.now() - began);
    if (result.written) {
      state.dir = outDir;
      state.build += 1;
      delete state.overlay;
      server.send({ name: 'reload' });
    } else {
      state.overlay = overlayBody(result.diagnostics, result.sources, result.fileCount, state.dir !== undefined);
      server.send({ name: 'errors', html: state.overlay });
    }
    if (result.usage !== undefined) return quit(result.usage);
    events.built({ result, served: state.dir !== undefined, changed, ms });
    // The values directory and the people file are the config's, which may name others at any build.
    if (result.config) watchNamed(namedSources(ctx, result.config));
    // The old site is deleted while the pages reload and the next build runs (each build's old folder is its own).
    const removal = result.settled.catch(() => undefined).finally(() => removals.delete(removal));
    removals.add(removal);
  };

  // Changes that come during a build are gathered and built once it ends. A failure
  // okr-handbook did not expect (not a diagnostic) ends the session, as it ends a build.
  let pending: string[] = [];
  let fatal: ((err: unknown) => void) | undefined;
  const failed = new Promise<never>((_, reject) => (fatal = reject));
  failed.catch(() => undefined);
  // Set once the session ends (stopped, failed or quit): no build or watcher starts after.
  let ending = false;
  let problem: string | undefined;
  let quit: (why: string) => void = () => undefined;
  const quitted = new Promise<void>((resolve) => (quit = (why) => ((problem ??= why), resolve())));
  const start = (changed: readonly string[]) => {
    const current = run(changed);
    building = current.then(
      () => {
        building = undefined;
        if (pending.length > 0) schedule([]);
      },
      (err: unknown) => {
        building = undefined;
        fatal?.(err);
      },
    );
    return current;
  };
  const schedule = (changed: readonly string[]) => {
    pending.push(...changed);
    if (building || stop.aborted || ending) return;
    const next = pending;
    pending = [];
    start(next);
  };
  const watcher = watchTargets(watchedSources(ctx.paths), schedule, QUIET_MS);
  // What the config names (the values directory, the people file) has watchers of its own, made again when the config names others.
  let named: WatchTarget[] = [];
  let namedWatcher: { close(): void } | undefined;
  const watchNamed = (targets: WatchTarget[]) => {
    if (JSON.stringify(targets) === JSON.stringify(named)) return;
    namedWatcher?.close();
    named = targets;
    namedWatcher = targets.length === 0 || ending ? undefined : watchTargets(targets, schedule, QUIET_MS);
  };
  watchNamed(namedSources(ctx, undefined));
  start([]).finally(firstBuilt).catch(() => undefined);

  const stopped = new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true })));
  try {
    await Promise.race([stopped, failed, quitted]);
  } finally {
    ending = true;
    watcher.close();
    namedWatcher?.close();
    await server.close();
    // A build under way finishes, so it leaves no staging folder behind, and so do the removals of old sites.
    while (building) await building;
    await Promise.all(removals);
  }
  return problem === undefined ? {} : { problem };
}
