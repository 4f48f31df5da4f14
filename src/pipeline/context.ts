import { relative, sep } from 'node:path';
import type { ProjectPaths } from '../config/paths.js';

/** What every stage of one run knows: where the handbook is, what day it is, whether caches are used, and whom to tell of progress. */
export interface RunContext {
  paths: ProjectPaths;
  /** YYYY-MM-DD: OKR phases and approvals are judged on this day. */
  today: string;
  /** Reuse and update the caches under `.cache/` of the root. */
  cache: boolean;
  /**
   * Read the values directory (`valuesDir`, else the config's \`values.dir\`):
   * `check` and the internal build do; the public build never does.
   */
  readValues: boolean;
  /** The values directory given on the command line (`--values`), absolute. */
  valuesDir?: string;
  /** Called as each stage starts, in order. */
  onStage?: (stage: string) => void;
  /** Called as a long stage advances (bodies analysed, pages laid out, shards indexed). */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A path relative to the root, `/`-separated: how diagnostics name files. */
export function rootRelative(paths: Pick<ProjectPaths, 'root'>, path: string): string {
  return relative(paths.root, path).split(sep).join('/') || '.';
}
