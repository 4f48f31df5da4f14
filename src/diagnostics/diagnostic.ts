import type { RuleId } from './rules.js';
import { rules } from './rules.js';

/** How bad a problem is: errors fail `check` and stop `build`; warnings fail only under `--strict`. */
export type Severity = 'error' | 'warning';

/** A place in a file, 1-based, relative to the project root. */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Another place that explains a diagnostic, e.g. the first definition of a duplicate. */
export interface Cause extends Place {
  message: string;
}

/**
 * The one problem report of okr-handbook. Every stage records these as data; only
 * the reporters turn them into text and only the CLI turns them into an exit code.
 */
export interface Diagnostic extends Place {
  severity: Severity;
  /** Stable rule id from the catalogue in `rules.ts`; never renamed once published. */
  code: RuleId;
  /** Field path inside the front matter, e.g. `okrs[0].key_results[1].kpi`. */
  path?: string;
  message: string;
  hint?: string;
  cause?: Cause;
}

/** Details a stage gives when it records a problem; severity defaults to the rule's. */
export interface DiagnosticInput extends Place {
  path?: string;
  message: string;
  hint?: string;
  cause?: Cause;
  severity?: Severity;
}

/** A cause at a place, keeping only the position fields of whatever locator result is given. */
export function cause(file: string, at: { line: number; column: number }, message: string): Cause {
  return { file, line: at.line, column: at.column, message };
}

/** Builds a diagnostic for `code`, taking the rule's default severity unless overridden. */
export function diagnostic(code: RuleId, input: DiagnosticInput): Diagnostic {
  const { severity = rules[code].severity, ...rest } = input;
  const out: Diagnostic = { file: rest.file, line: rest.line, column: rest.column, severity, code, message: rest.message };
  if (rest.endLine !== undefined) out.endLine = rest.endLine;
  if (rest.endColumn !== undefined) out.endColumn = rest.endColumn;
  if (rest.path !== undefined && rest.path !== '') out.path = rest.path;
  if (rest.hint !== undefined) out.hint = rest.hint;
  if (rest.cause !== undefined) out.cause = rest.cause;
  return out;
}

/** Orders diagnostics by file, then position, then rule, so every reporter prints a stable list. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Counts by severity; the CLI derives its exit code from these alone. */
export function countDiagnostics(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of list) if (d.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}

/** Formats a field path like `okrs[0].key_results[1]` from path segments. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
