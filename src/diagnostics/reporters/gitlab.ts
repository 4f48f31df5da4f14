import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';

/**
 * The `--format gitlab` report: a GitLab Code Quality report (a JSON array in
 * Code Climate's form), which GitLab shows on the lines of a merge request.
 * A fingerprint leaves the line out, so a problem that only moved is the same
 * problem to GitLab; repeats of one problem are numbered.
 */
export function reportGitlab(diagnostics: readonly Diagnostic[]): string {
  const seen = new Map<string, number>();
  const rows = diagnostics.map((d) => {
    const identity = [d.code, d.file, d.path ?? '', d.message].join('\0');
    const repeat = seen.get(identity) ?? 0;
    seen.set(identity, repeat + 1);
    return {
      description: `${d.message}${d.path ? ` (${d.path})` : ''}${d.hint ? `; hint: ${d.hint}` : ''}`,
      check_name: d.code,
      fingerprint: createHash('sha256').update(`${identity}\0${repeat}`).digest('hex').slice(0, 32),
      severity: d.severity === 'error' ? 'major' : 'minor',
      location: { path: d.file, lines: { begin: d.line, ...(d.endLine !== undefined ? { end: d.endLine } : {}) } },
    };
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}
