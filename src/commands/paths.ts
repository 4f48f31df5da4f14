import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where a handbook lives on disk; every path absolute. */
export interface ProjectPaths {
  root: string;
  contentDir: string;
  configPath: string;
  outDir: string;
  /** Files copied to the site root unchanged. */
  staticDir: string;
  /** The root's own layouts/ when it has one, else the layouts shipped with okr-handbook. */
  layoutsDir: string;
}

/** The layouts shipped with the package. */
export const PACKAGE_LAYOUTS = join(PACKAGE_ROOT, 'layouts');

/** Resolves the command-line path options against the root (which defaults to the working directory). */
export function resolvePaths(cwd: string, options: { root?: string; content?: string; config?: string; out?: string }): ProjectPaths {
  const root = resolve(cwd, options.root ?? '.');
  const ownLayouts = resolve(root, 'layouts');
  return {
    root,
    contentDir: resolve(root, options.content ?? 'content'),
    configPath: resolve(root, options.config ?? 'handbook.config.yaml'),
    outDir: resolve(root, options.out ?? 'dist'),
    staticDir: resolve(root, 'static'),
    layoutsDir: existsSync(ownLayouts) ? ownLayouts : PACKAGE_LAYOUTS,
  };
}

/**
 * Why these paths cannot be a handbook, if they cannot: the root or the content
 * folder is missing, or a config file named on the command line does not exist.
 */
export function pathProblem(paths: ProjectPaths, configGiven: boolean): string | undefined {
  if (!existsSync(paths.root)) return `the root folder ${paths.root} does not exist`;
  if (!existsSync(paths.contentDir)) return `the content folder ${paths.contentDir} does not exist`;
  if (configGiven && !existsSync(paths.configPath)) return `the config file ${paths.configPath} does not exist`;
  return undefined;
}

/**
 * Why the output folder must not be used, if it must not: a build replaces the
 * whole folder, so it may not hold or lie inside the handbook's own sources.
 */
export function outputProblem(paths: ProjectPaths): string | undefined {
  const out = paths.outDir;
  const within = (dir: string) => out === dir || out.startsWith(dir + sep);
  if (within(paths.root) && out !== paths.root) {
    const sources = [paths.contentDir, paths.staticDir, paths.layoutsDir, join(paths.root, '.git'), join(paths.root, 'node_modules'), join(paths.root, '.cache')];
    const clash = sources.find((dir) => within(dir) || dir.startsWith(out + sep));
    return clash ? `--out ${out} would replace ${clash}; choose a folder of its own, such as dist/` : undefined;
  }
  if (within(paths.root) || paths.root.startsWith(out + sep)) return `--out ${out} would replace the handbook itself; choose a folder of its own, such as dist/`;
  return undefined;
}
