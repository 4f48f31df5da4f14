import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Outline } from '../markdown/outline.js';
import type { Page } from '../pages/page.js';

/**
 * What a migrated handbook left in its bodies, one warning each at its exact
 * place: template syntax shows as text, raw HTML is dropped. Warnings, not
 * errors: the site builds, and a migration can fix them page by page.
 */
export function checkMigration(pages: readonly Page[], outlines: ReadonlyMap<string, Outline>): Diagnostic[] {
  return pages.flatMap((page) =>
    (outlines.get(page.file)?.migration ?? []).map((f) => {
      const place = { file: page.file, line: f.line + page.bodyLine - 1, column: f.column, endLine: f.endLine + page.bodyLine - 1, endColumn: f.endColumn };
      return f.kind === 'raw-html' ? diagnostic('body/raw-html-dropped', place, { tag: f.text }) : diagnostic('body/template-syntax', place, { kind: f.kind, text: f.text });
    }),
  );
}
