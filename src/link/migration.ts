import { diagnostic, type Diagnostic, type DiagnosticPlace, formatPath } from '../diagnostics/diagnostic.js';
import type { MigrationFinding } from '../markdown/migration.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';

/**
 * What a migrated handbook left in its bodies, one warning each at its exact
 * place: template syntax shows as text, raw HTML is dropped. A KPI definition
 * (Markdown in front matter) gets its warnings at the definition. Warnings,
 * not errors: the site builds, and a migration can fix them page by page.
 */
export function checkMigration(pages: readonly Page[], outlines: ReadonlyMap<string, Outline>): Diagnostic[] {
  return pages.flatMap((page) => {
    const outline = outlines.get(page.file);
    const inBody = (outline?.migration ?? []).map((f) =>
      warning(f, { file: page.file, line: f.line + page.bodyLine - 1, column: f.column, endLine: f.endLine + page.bodyLine - 1, endColumn: f.endColumn }),
    );
    const inDefinitions = (outline?.definitionMigration ?? []).flatMap((findings, k) => {
      const path = ['kpis', k, 'definition'];
      const at = page.locate(path);
      return findings.map((f) => warning(f, { file: page.file, line: at.line, column: at.column, path: formatPath(path) }));
    });
    return [...inBody, ...inDefinitions];
  });
}

function warning(f: MigrationFinding, place: DiagnosticPlace): Diagnostic {
  return f.kind === 'raw-html' ? diagnostic('body/raw-html-dropped', place, { tag: f.text }) : diagnostic('body/template-syntax', place, { kind: f.kind, text: f.text });
}
