import { cacheKey } from '../cache/store.js';
import { DiagnosticError } from '../diagnostics/error.js';
import { layoutAssets, type Layouts } from '../layouts/overlay.js';
import { leakScanner } from '../output/leak-scan.js';
import { isSearchRuntime } from '../site/search-runtime.js';
import type { OutputReuse } from '../output/reuse.js';
import type { RunContext } from './context.js';
import type { Projected } from './project.js';

/**
 * Stage 7, scan: every file of a public site's staging folder searched for
 * every unpublished internal value: the pages while the search stage indexes
 * them, then the index. Files taken from the last output are skipped when it
 * was scanned for exactly these values. Returns the key of those values, for
 * the record of this output.
 */
export async function scan(projected: Projected, indexing: Promise<void>, staging: string, reuse: OutputReuse, ctx: RunContext & { staticFiles: readonly string[]; layouts: Layouts }): Promise<string> {
  if (projected.canaries.length === 0) {
    await indexing;
    return '';
  }
  const scannedFor = cacheKey('canaries', JSON.stringify(projected.canaries.map((c) => c.text).sort()));
  // The layouts' assets are copied unchanged and hold no handbook data, but their numbers (`opacity: 0.55`) would cry wolf.
  const assets = new Set(layoutAssets(ctx.layouts).filter((f) => !ctx.staticFiles.includes(f)));
  const isSearch = (file: string) => file.startsWith('pagefind/');
  const unscanned = (scanned: ReadonlySet<string>) => (file: string) => assets.has(file) || isSearchRuntime(file) || scanned.has(file);
  const scanFiles = leakScanner(projected.canaries);
  const pagesScanned = unscanned(reuse.scannedFiles(scannedFor));
  const [indexed, pageLeaks] = await Promise.allSettled([indexing, scanFiles(staging, (file) => isSearch(file) || pagesScanned(file))]);
  if (indexed.status === 'rejected') throw indexed.reason;
  if (pageLeaks.status === 'rejected') throw pageLeaks.reason;
  // Search shards taken from the last output are known only now.
  const searchScanned = unscanned(reuse.scannedFiles(scannedFor));
  const leaks = [...pageLeaks.value, ...(await scanFiles(staging, (file) => !isSearch(file) || searchScanned(file)))];
  if (leaks.length > 0) throw new DiagnosticError(leaks);
  return scannedFor;
}
