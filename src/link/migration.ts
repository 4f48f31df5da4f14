import { diagnostic, type Diagnostic, type DiagnosticPlace, formatPath } from '../diagnostics/diagnostic.js';
import { markdownFields } from '../markdown/front-matter.js';
import type { MigrationFinding } from '../markdown/migration.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';

/**
 * What a migrated handbook left in its bodies, one warning each at its exact
 * place: template syntax shows as text, raw HTML is dropped. Markdown in front
 * matter (a KPI's definition, an OKR's retrospective) gets its warnings at the
 * field. Warnings, not errors: the site builds, and a migration can fix them
 * page by page.
 */
export function checkMigration(pages: readonly Page[], outlines: ReadonlyMap<string, Outline>): Diagnostic[] {
  return pages.flatMap((page) => {
    const outline = outlines.get(page.file);
    const inBody = (outline?.migration ?? []).map((f) =>
      warning(f, { file: page.file, line: f.line + page.bodyLine - 1, column: f.column, endLine: f.endLine + page.bodyLine - 1, endColumn: f.endColumn }),
    );
    const fields = outline?.markdownMigration ? markdownFields(page.data) : [];
    const inFields = (outline?.markdownMigration ?? []).flatMap((findings, k) => {
      const field = fields[k];
      if (!field) return [];
      const at = page.locate(field.path);
      return findings.map((f) => warning(f, { file: page.file, line: at.line, column: at.column, path: formatPath(field.path) }));
    });
    return [...inBody, ...inFields];
  });
}

function warning(f: MigrationFinding, place: DiagnosticPlace): Diagnostic {
  return f.kind === 'raw-html' ? diagnostic('body/raw-html-dropped', place, { tag: f.text }) : diagnostic('body/template-syntax', place, { kind: f.kind, text: f.text });
}
