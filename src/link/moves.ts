import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PastPage } from '../load/git-history.js';
import type { PageIndex } from './page-index.js';

/**
 * `check --since REF`: every URL a page had at REF must still lead somewhere,
 * to a page (or generated page, or static file) or through a `redirect_from`.
 * One that does not is reported on the page git's rename detection says it
 * became (the same file, when only its permalink changed), or on the deleted
 * file.
 */
export function checkMoves(past: readonly PastPage[], ref: string, index: PageIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { url, file, now } of past) {
    if (index.byUrl.has(url) || index.redirects.has(url) || index.generated.has(url) || index.unvalidatedUrls.has(url) || index.statics.has(url)) continue;
    const page = now && index.byContentPath.get(now.contentPath);
    if (!now) {
      diagnostics.push(diagnostic('page/moved-without-redirect', { file, line: 1, column: 1 }, { kind: 'deleted', url, ref, was: file, hasList: false }));
      continue;
    }
    const list = page?.data.redirect_from;
    const at = list ? page.locate(['redirect_from'], 'key') : { line: 1, column: 1 };
    diagnostics.push(diagnostic('page/moved-without-redirect', { file: now.file, line: at.line, column: at.column }, { kind: now.file === file ? 'changed' : 'renamed', url, ref, was: file, hasList: list !== undefined }));
  }
  return diagnostics;
}
