import type { Diagnostic } from '../diagnostic.js';

/** The `--format json` report: the array of FRONTMATTER.md, one object per problem, stable key order. */
export function reportJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
    severity: d.severity,
    code: d.code,
    ...(d.path !== undefined ? { path: d.path } : {}),
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.cause !== undefined ? { cause: d.cause } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
