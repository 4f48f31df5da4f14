import { join } from 'node:path';
import { expect } from 'vitest';
import { checkJson, runCli, type CliResult } from '../helpers/cli.js';
import { type ChromiumHtml, crawl, describeUnresolved } from './crawl.js';

/**
 * The product's promise, for any handbook: `handbook check` exits 0 ⇒
 * `handbook build` succeeds for both audiences, and every link of each built
 * site resolves in that site. These helpers run one handbook through it.
 */

/** A fixed "today" for every run, so OKR phases (and the /okrs/ anchors) never depend on the calendar. */
export const TODAY = '2026-06-15';

export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** One diagnostic of `handbook check --format json` (only the fields these tests read). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export interface CheckOutcome {
  code: number | null;
  diagnostics: Diagnostic[];
  stdout: string;
  stderr: string;
}

/**
 * At most `n` tasks at a time. Tests run on 2 cores and every CLI run is a Node
 * process with Eleventy (and Pagefind) in it: starting 80 at once would only
 * thrash. A finished task hands its slot straight to the next one in line.
 */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}

/** `handbook check --root ROOT --format json --no-cache --today TODAY`. */
export async function check(root: string, today = TODAY): Promise<CheckOutcome> {
  const result = await checkJson(root, ['--today', today]);
  return { code: result.code, stdout: result.stdout, stderr: result.stderr, diagnostics: Array.isArray(result.diagnostics) ? (result.diagnostics as Diagnostic[]) : [] };
}

/** A short account of a check run for a test name: `check exits 0 (warnings: link/to-draft)`. */
export function describeCheck(outcome: CheckOutcome): string {
  const codes = (severity: Diagnostic['severity']) => [...new Set(outcome.diagnostics.filter((d) => d.severity === severity).map((d) => d.code))];
  const errors = codes('error');
  const warnings = codes('warning');
  const parts = [...(errors.length ? [`errors: ${errors.join(', ')}`] : []), ...(warnings.length ? [`warnings: ${warnings.join(', ')}`] : [])];
  return `check exits ${outcome.code}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** Where a build of `audience` goes: a folder of its own inside the (temporary) root. */
export function outDir(root: string, audience: Audience): string {
  return join(root, `dist-${audience}`);
}

/** `handbook build --root ROOT --audience A --out ROOT/dist-A --no-cache --today TODAY`, and any `extraArgs` (`--base-url`). */
export function build(root: string, audience: Audience, today = TODAY, extraArgs: readonly string[] = []): Promise<CliResult> {
  return runCli(['build', '--root', root, '--audience', audience, '--out', outDir(root, audience), '--no-cache', '--today', today, ...extraArgs]);
}

/** Both audiences, built at the same time (two processes: one per core). */
export async function buildBoth(root: string, today = TODAY, extraArgs: readonly string[] = []): Promise<Record<Audience, CliResult>> {
  const [pub, int] = await Promise.all(AUDIENCES.map((audience) => build(root, audience, today, extraArgs)));
  return { public: pub!, internal: int! };
}

/**
 * The promise for one audience of a handbook whose check exited 0: the build
 * exits 0 (its whole output is the failure message otherwise), and the crawl of
 * what it wrote finds no link that does not resolve.
 */
export async function expectBuiltAndLinked(root: string, audience: Audience, result: CliResult, html: ChromiumHtml, checked?: CheckOutcome, prefix = ''): Promise<void> {
  expect(result.code, `handbook build --root ${root} --audience ${audience} exited ${result.code} after check exited 0:\n${result.stdout}${result.stderr}`).toBe(0);
  const site = await crawl(outDir(root, audience), html, prefix);
  expect(site.pages, `HTML pages in the ${audience} output`).toBeGreaterThan(0);
  // Under `links.broken: warn` (a handbook being migrated) check accepts a broken link with a warning naming it: exactly those may stay broken.
  const warned = new Set((checked?.diagnostics ?? []).filter((d) => d.severity === 'warning' && d.code.startsWith('link/')).map((d) => /^link `([^`]+)`/.exec(d.message)?.[1]));
  const unresolved = site.unresolved.filter((u) => !warned.has(u.url) && !warned.has(u.url.split('#')[0]));
  expect(describeUnresolved(unresolved), `links of the ${audience} site (${outDir(root, audience)}) that do not resolve`).toEqual([]);
}
