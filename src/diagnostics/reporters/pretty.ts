import { codeFrameColumns } from '@babel/code-frame';
import { createColors } from 'picocolors';
import type { Diagnostic } from '../diagnostic.js';
import { countDiagnostics } from '../diagnostic.js';

/** What the pretty reporter needs besides the diagnostics. */
export interface PrettyOptions {
  color: boolean;
  /** Decoded text of files, for code frames; a file missing here gets no frame. */
  sources: ReadonlyMap<string, string>;
  /** How many files were checked, for the summary line. */
  fileCount: number;
}

/**
 * One problem as the pretty report shows it, in pieces, before any colour:
 * the report joins them into lines, and `handbook serve`'s overlay shows the
 * same pieces in a page.
 */
export interface PrettyBlock {
  /** `file:line:column`. */
  place: string;
  severity: Diagnostic['severity'];
  message: string;
  code: string;
  path?: string;
  hint?: string;
  /** The other place a diagnostic points at, with what it is. */
  see?: string;
  /** The lines around the place, the column marked. */
  frame?: string;
}

/** The pieces of one diagnostic; its code frame when its file's text is known. */
export function prettyBlock(d: Diagnostic, sources: ReadonlyMap<string, string>): PrettyBlock {
  const source = sources.get(d.file);
  return {
    place: `${d.file}:${d.line}:${d.column}`,
    severity: d.severity,
    message: d.message,
    code: d.code,
    ...(d.path ? { path: d.path } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.cause ? { see: `${d.cause.file}:${d.cause.line}:${d.cause.column} ${d.cause.message}` } : {}),
    ...(source !== undefined ? { frame: codeFrameColumns(source, { start: { line: d.line, column: d.column } }, { highlightCode: false, linesAbove: 2, linesBelow: 1 }) } : {}),
  };
}

/** The summary of a run: how many files, errors and warnings, and its tone. */
export function prettySummary(diagnostics: readonly Diagnostic[], fileCount: number): { tone: 'error' | 'warning' | 'ok'; text: string } {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked`;
  const counts = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  if (errors > 0) return { tone: 'error', text: `✖ ${files}: ${counts}` };
  if (warnings > 0) return { tone: 'warning', text: `⚠ ${files}: ${counts}` };
  return { tone: 'ok', text: `✔ ${files}: no problems` };
}

/**
 * The `--format pretty` report: each problem with its place, rule, field path,
 * hint and a code frame, then a one-line summary. Colours only when asked.
 */
export function reportPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const c = createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const b = prettyBlock(d, options.sources);
    const sev = b.severity === 'error' ? c.red('error') : c.yellow('warning');
    const lines = [`${c.bold(b.place)}  ${sev}  ${b.message}  ${c.dim(b.code)}`];
    if (b.path) lines.push(`  ${c.dim('path:')} ${b.path}`);
    if (b.hint) lines.push(`  ${c.dim('hint:')} ${b.hint}`);
    if (b.see) lines.push(`  ${c.dim('see:')} ${b.see}`);
    if (b.frame !== undefined) lines.push(b.frame.replace(/^/gm, '  '));
    return `${lines.join('\n')}\n`;
  });
  const summary = prettySummary(diagnostics, options.fileCount);
  const tone = summary.tone === 'error' ? c.red : summary.tone === 'warning' ? c.yellow : c.green;
  return `${blocks.join('\n')}${blocks.length ? '\n' : ''}${tone(summary.text)}\n`;
}
