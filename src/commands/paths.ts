import { resolve } from 'node:path';

/** Where a handbook lives on disk; every path absolute. */
export interface ProjectPaths {
  root: string;
  contentDir: string;
  configPath: string;
  outDir: string;
}

/** Resolves the command-line path options against the root (which defaults to the working directory). */
export function resolvePaths(cwd: string, options: { root?: string; content?: string; config?: string; out?: string }): ProjectPaths {
  const root = resolve(cwd, options.root ?? '.');
  return {
    root,
    contentDir: resolve(root, options.content ?? 'content'),
    configPath: resolve(root, options.config ?? 'handbook.config.yaml'),
    outDir: resolve(root, options.out ?? 'dist'),
  };
}
