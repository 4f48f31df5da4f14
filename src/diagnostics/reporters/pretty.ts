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
 * The `--format pretty` report: each problem with its place, rule, field path,
 * hint and a code frame, then a one-line summary. Colours only when asked.
 */
export function reportPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const c = createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    const lines = [`${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${c.dim(d.code)}`];
    if (d.path) lines.push(`  ${c.dim('path:')} ${d.path}`);
    if (d.hint) lines.push(`  ${c.dim('hint:')} ${d.hint}`);
    if (d.cause) lines.push(`  ${c.dim('see:')} ${d.cause.file}:${d.cause.line}:${d.cause.column} ${d.cause.message}`);
    const source = options.sources.get(d.file);
    if (source !== undefined) {
      const frame = codeFrameColumns(source, { start: { line: d.line, column: d.column } }, { highlightCode: false, linesAbove: 2, linesBelow: 1 });
      lines.push(frame.replace(/^/gm, '  '));
    }
    return `${lines.join('\n')}\n`;
  });
  return `${blocks.join('\n')}${blocks.length ? '\n' : ''}${summaryLine(diagnostics, options.fileCount, c)}\n`;
}

function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number, c: ReturnType<typeof createColors>): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked`;
  const counts = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  if (errors > 0) return c.red(`✖ ${files}: ${counts}`);
  if (warnings > 0) return c.yellow(`⚠ ${files}: ${counts}`);
  return c.green(`✔ ${files}: no problems`);
}
