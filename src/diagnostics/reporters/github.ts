import type { Diagnostic } from '../diagnostic.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The `--format github` report: one workflow command per problem, so GitHub annotates the lines. */
export function reportGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeProperty(d.code)}`);
      const lines = [d.message];
      if (d.path) lines.push(`path: ${d.path}`);
      if (d.hint) lines.push(`hint: ${d.hint}`);
      if (d.cause) lines.push(`${d.cause.message}: ${d.cause.file}:${d.cause.line}:${d.cause.column}`);
      return `::${d.severity} ${props.join(',')}::${escapeData(lines.join('\n'))}\n`;
    })
    .join('');
}
