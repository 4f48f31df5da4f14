import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where a handbook lives on disk; every path absolute. */
export interface ProjectPaths {
  root: string;
  contentDir: string;
  configPath: string;
  outDir: string;
  /** Files copied to the site root unchanged. */
  staticDir: string;
  /** The root's own layouts/, laid over the layouts shipped with okr-handbook file by file (see `readLayouts`); it need not exist. */
  layoutsDir: string;
}

/** The layouts shipped with the package. */
export const PACKAGE_LAYOUTS = join(PACKAGE_ROOT, 'layouts');

/** Resolves the command-line path options against the root (which defaults to the working directory). */
export function resolvePaths(cwd: string, options: { root?: string; content?: string; config?: string; out?: string }): ProjectPaths {
  const root = resolve(cwd, options.root ?? '.');
  return {
    root,
    contentDir: resolve(root, options.content ?? 'content'),
    configPath: resolve(root, options.config ?? 'handbook.config.yaml'),
    outDir: resolve(root, options.out ?? 'dist'),
    staticDir: resolve(root, 'static'),
    layoutsDir: resolve(root, 'layouts'),
  };
}

/**
 * Why these paths cannot be a handbook, if they cannot: the root or the content
 * folder is missing or not a folder, or a config file named on the command line
 * does not exist or is a folder. A content folder that is not required may be missing.
 */
export function pathProblem(paths: ProjectPaths, configGiven: boolean, contentRequired = true): string | undefined {
  const root = kindOf(paths.root);
  if (root !== 'folder') return `the root folder ${paths.root} ${root === 'missing' ? 'does not exist' : 'is a file, not a folder'}`;
  const content = kindOf(paths.contentDir);
  if (content !== 'folder' && (contentRequired || content === 'file')) return `the content folder ${paths.contentDir} ${content === 'missing' ? 'does not exist' : 'is a file, not a folder'}`;
  const statics = lstatSync(paths.staticDir, { throwIfNoEntry: false });
  if (statics?.isSymbolicLink()) return `the static folder ${paths.staticDir} is a symbolic link; make it a folder of the handbook`;
  if (statics && !statics.isDirectory()) return `the static folder ${paths.staticDir} is a file, not a folder`;
  if (kindOf(paths.layoutsDir) === 'file') return `the layouts folder ${paths.layoutsDir} is a file, not a folder`;
  if (configGiven) {
    const config = kindOf(paths.configPath);
    if (config !== 'file') return `the config file ${paths.configPath} ${config === 'missing' ? 'does not exist' : 'is a folder, not a file'}`;
  }
  return undefined;
}

/**
 * Reading a folder as a file (or listing a file as a folder) fails deep inside
 * the command with EISDIR or ENOTDIR; caught here, it is a one-line usage error.
 * Whatever stat cannot see counts as missing, as existsSync had it.
 */
function kindOf(path: string): 'missing' | 'folder' | 'file' {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats === undefined ? 'missing' : stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * Why the output folder must not be used, if it must not: a build replaces the
 * whole folder, so it may not be or hold the root or any of its parents, nor
 * be, hold or lie inside the handbook's sources. Paths are compared as the
 * file system resolves them (symbolic links followed), so no link can hide a
 * source behind another name.
 */
export function outputProblem(paths: ProjectPaths, valuesDir?: string): string | undefined {
  const out = realish(paths.outDir);
  const root = realish(paths.root);
  if (out === root || root.startsWith(out + sep) || out === sep) return `--out ${paths.outDir} would replace the handbook itself; choose a folder of its own, such as dist/`;
  return replacedSource(paths.outDir, [paths.contentDir, paths.staticDir, paths.layoutsDir, join(paths.root, '.git'), join(paths.root, 'node_modules'), join(paths.root, '.cache'), ...(valuesDir ? [valuesDir] : [])]);
}

/**
 * Why a build into `outDir` must not run because of the values directory, if
 * it must not: the one source known only once the config is read (the rest
 * `outputProblem` compared before; `handbook serve` builds into the cache).
 */
export function valuesDirProblem(outDir: string, valuesDir: string): string | undefined {
  return replacedSource(outDir, [valuesDir]);
}

/** The first of `sources` the output folder is, holds or lies inside, as a usage problem. */
function replacedSource(outDir: string, sources: readonly string[]): string | undefined {
  const out = realish(outDir);
  const overlaps = (dir: string) => out === dir || out.startsWith(dir + sep) || dir.startsWith(out + sep);
  const clash = sources.find((dir) => overlaps(realish(dir)));
  return clash ? `--out ${outDir} would replace ${clash}; choose a folder of its own, such as dist/` : undefined;
}

/** A path with every symbolic link resolved, as far as it exists (the rest appended as written). */
function realish(path: string): string {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return join(realpathSync(p), ...missing.reverse());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(p) === p) throw err;
      missing.push(basename(p));
    }
  }
}
