import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey } from '../cache/store.js';
import { PACKAGE_LAYOUTS } from '../config/paths.js';
import { DiagnosticError } from '../diagnostics/error.js';
import { listFiles } from '../load/read.js';
import { leakDiagnostics, leakScanner } from '../output/leak-scan.js';
import type { OutputReuse } from '../output/reuse.js';
import { isSearchRuntime } from '../site/search-runtime.js';
import type { RunContext } from './context.js';
import type { Projected } from './project.js';

/**
 * Stage 7, scan: every file of a public site's staging folder searched for
 * every distinctive unpublished internal value, with the finder `check` uses:
 * the pages while the search stage indexes them, then the index. What it
 * finds, a layout or the machinery put there. Files taken from the last
 * output are skipped when it was scanned for exactly these values. Returns
 * the key of those values, for the record of this output.
 */
export async function scan(projected: Projected, indexing: Promise<void>, staging: string, reuse: OutputReuse, ctx: RunContext & { staticFiles: readonly string[] }): Promise<string> {
  if (projected.secrets.length === 0) {
    await indexing;
    return '';
  }
  const scannedFor = cacheKey('secrets', JSON.stringify(projected.secrets.map((c) => c.text).sort()));
  // The package's own assets, byte for byte, hold no handbook data; any other file is read, whatever its name.
  const shipped = new Set((await listFiles(join(PACKAGE_LAYOUTS, 'assets'))).filter((f) => !ctx.staticFiles.includes(`assets/${f}`) && sameBytes(join(staging, 'assets', f), join(PACKAGE_LAYOUTS, 'assets', f))).map((f) => `assets/${f}`));
  const isSearch = (file: string) => file.startsWith('pagefind/');
  const unscanned = (scanned: ReadonlySet<string>) => (file: string) => shipped.has(file) || isSearchRuntime(file) || scanned.has(file);
  const scanFiles = leakScanner(projected.secrets);
  const pagesScanned = unscanned(reuse.scannedFiles(scannedFor));
  const [indexed, pageLeaks] = await Promise.allSettled([indexing, scanFiles(staging, (file) => isSearch(file) || pagesScanned(file))]);
  if (indexed.status === 'rejected') throw indexed.reason;
  if (pageLeaks.status === 'rejected') throw pageLeaks.reason;
  // Search shards taken from the last output are known only now.
  const searchScanned = unscanned(reuse.scannedFiles(scannedFor));
  const leaks = [...pageLeaks.value, ...(await scanFiles(staging, (file) => !isSearch(file) || searchScanned(file)))];
  if (leaks.length > 0) throw new DiagnosticError(leakDiagnostics(leaks));
  return scannedFor;
}

function sameBytes(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
