import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readableTexts } from '../disclosure/decode.js';
import { secretFinder } from '../disclosure/find.js';
import type { Secret } from '../disclosure/secrets.js';
import { listFiles } from '../load/read.js';

/** A secret found in a file of the output, and the page that file shows, when it shows one. */
export interface Leak {
  secret: Secret;
  /** The output file, relative to the output folder. */
  file: string;
  /** The URL of the page the file is or indexes (a page's HTML, its search fragment). */
  page?: string;
}

/**
 * A scanner of output folders for `secrets`, with the finder `check` uses on
 * public text: every file, whatever its name (but those `skip` names), read
 * in every encoding it holds (gzip, zip, UTF-16, base64). The finder is made
 * once, however many scans follow.
 */
export function leakScanner(secrets: readonly Secret[]): (dir: string, skip?: (file: string) => boolean) => Promise<Leak[]> {
  if (secrets.length === 0) return async () => [];
  const find = secretFinder(secrets);
  return async (dir, skip = () => false) => {
    const leaks: Leak[] = [];
    for (const file of await listFiles(dir, { hidden: true })) {
      if (skip(file)) continue;
      // Synchronous reads: thousands of small files read a dozen times faster than through the thread pool.
      const texts = readableTexts(readFileSync(join(dir, file)));
      const page = pageOf(file, texts[0]?.text);
      const found = new Set<Secret>();
      for (const { text } of texts) for (const hit of find(text)) found.add(hit.secret);
      for (const secret of found) leaks.push({ secret, file, ...(page ? { page } : {}) });
    }
    return leaks;
  };
}

/** The page an output file shows: an HTML page's own URL, a search fragment's page. */
function pageOf(file: string, text: string | undefined): string | undefined {
  if (file.endsWith('.html')) return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
  if (file.endsWith('.pf_fragment') && text) {
    try {
      return (JSON.parse(text) as { url?: string }).url;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The diagnostics of a scan, one per secret and page (or file, for files that
 * show no page), at the secret's source. A search index file is named only
 * when no page shows the secret: otherwise the page is where to look.
 */
export function leakDiagnostics(leaks: readonly Leak[]): Diagnostic[] {
  const onPages = new Set(leaks.filter((l) => l.page !== undefined).map((l) => l.secret));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { secret, file, page } of leaks) {
    if (page === undefined && onPages.has(secret) && file.startsWith('pagefind/')) continue;
    const where = page ?? file;
    const key = `${secret.path}\0${secret.file}\0${secret.text}\0${where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic('build/leak', { file: secret.file, line: secret.line, column: secret.column, path: secret.path }, { value: secret.text, record: secret.record, ...(page ? { page, file } : { file }) }));
  }
  return diagnostics;
}
