import { cacheDir, CacheFile } from '../cache/store.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StoredHit } from '../link/disclosures.js';
import { layoutNames } from '../layouts/overlay.js';
import { type Handbook, linkHandbook } from '../link/index.js';
import { checkMoves } from '../link/moves.js';
import { indexPages } from '../link/page-index.js';
import type { PastPage } from '../load/git-history.js';
import type { Analyzed } from './analyze.js';
import type { RunContext } from './context.js';
import type { Loaded } from './load.js';

/**
 * Stage 3, link: what only the whole handbook can tell. Every URL indexed
 * once, then uniqueness, references, timeframes, approvals and every link and
 * anchor, checked against each audience's site as the build will make it;
 * every distinctive internal value looked for in every public text; with
 * `since` (`check --since REF`), every URL pages had at REF.
 */
export async function link(loaded: Loaded, analyzed: Analyzed, ctx: RunContext, since?: { ref: string; pages: readonly PastPage[] }): Promise<{ handbook: Handbook; diagnostics: Diagnostic[]; save(): Promise<Error | undefined> }> {
  const found = ctx.cache ? await CacheFile.open<StoredHit[]>(cacheDir(ctx.paths.root), 'disclosures.json') : undefined;
  const indexed = indexPages(loaded.pages, loaded.staticFiles.map((f) => `/${f}`), loaded.unvalidated);
  const outlines = new Map([...analyzed.bodies].map(([file, body]) => [file, body.outline]));
  const linked = linkHandbook({ pages: loaded.pages, outlines, config: loaded.config, today: ctx.today, layouts: layoutNames(loaded.layouts), layoutText: loaded.layoutText, readStatic: loaded.readStatic, index: indexed.index, ...(found ? { found } : {}) });
  const moved = since ? checkMoves(since.pages, since.ref, indexed.index) : [];
  return { handbook: linked.handbook, diagnostics: [...indexed.diagnostics, ...linked.diagnostics, ...moved], save: async () => found?.save() };
}
