import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

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
export const PACKAGE_LAYOUTS = fileURLToPath(new URL('../../../layouts', import.meta.url));

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
