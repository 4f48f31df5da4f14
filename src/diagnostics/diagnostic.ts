import type { Rule, RuleArgs, RuleId } from './rules.js';
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

/** Where a stage found a problem, and what only the stage knows; severity defaults to the rule's. */
export interface DiagnosticPlace extends Place {
  path?: string;
  cause?: Cause;
  severity?: Severity;
}

/** A cause at a place, keeping only the position fields of whatever locator result is given. */
export function cause(file: string, at: { line: number; column: number }, message: string): Cause {
  return { file, line: at.line, column: at.column, message };
}

/**
 * Builds a diagnostic for `code` at `place`, its message and hint made by the rule
 * catalogue from `args` (typed by the rule; none for a rule whose texts never
 * vary), taking the rule's default severity unless `place` overrides it.
 */
export function diagnostic<C extends RuleId>(code: C, place: DiagnosticPlace, ...args: [RuleArgs<C>] extends [void] ? [] : [args: RuleArgs<C>]): Diagnostic {
  const rule = rules[code] as Rule<unknown>;
  const details = args[0];
  const hint = typeof rule.hint === 'string' ? rule.hint : rule.hint(details);
  const out: Diagnostic = { file: place.file, line: place.line, column: place.column, severity: place.severity ?? rule.severity, code, message: rule.message(details) };
  if (place.endLine !== undefined) out.endLine = place.endLine;
  if (place.endColumn !== undefined) out.endColumn = place.endColumn;
  if (place.path !== undefined && place.path !== '') out.path = place.path;
  if (hint !== undefined) out.hint = hint;
  if (place.cause !== undefined) out.cause = place.cause;
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
