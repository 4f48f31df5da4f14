import { cause, diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

/** An OKR with where it is written. */
interface Placed {
  id: string;
  parent?: string | undefined;
  page: Page;
  index: number;
}

/**
 * Alignment: every OKR's `parent` is the id of an OKR, and no chain of parents
 * leads back to where it started. A parent is checked only when every page
 * loaded (`complete`): it may be defined on a page whose own errors are
 * already reported. Each OKR of a cycle is reported at its own `parent`.
 */
export function checkAlignment(pages: readonly Page[], complete: boolean): Diagnostic[] {
  const okrs = new Map<string, Placed>();
  for (const page of pages) {
    (page.data.okrs ?? []).forEach((okr, index) => {
      // A duplicate id is okr/duplicate-id's; the first definition is the OKR others align to.
      if (!okrs.has(okr.id)) okrs.set(okr.id, { id: okr.id, parent: okr.parent, page, index });
    });
  }
  const diagnostics: Diagnostic[] = [];
  const at = (okr: Placed) => {
    const path = ['okrs', okr.index, 'parent'];
    return { file: okr.page.file, ...okr.page.locate(path), path: formatPath(path) };
  };
  const ids = [...okrs.keys()];
  for (const okr of okrs.values()) {
    if (okr.parent !== undefined && complete && !okrs.has(okr.parent)) {
      diagnostics.push(diagnostic('okr/unknown-parent', at(okr), { id: okr.id, parent: okr.parent, guess: didYouMean(okr.parent, ids) }));
    }
  }
  // Each OKR is walked up once: the chain from an OKR already settled stops there.
  const settled = new Set<string>();
  for (const start of okrs.values()) {
    const chain: Placed[] = [];
    const onChain = new Map<string, number>();
    let okr: Placed | undefined = start;
    while (okr && !settled.has(okr.id) && !onChain.has(okr.id)) {
      onChain.set(okr.id, chain.length);
      chain.push(okr);
      okr = okr.parent === undefined ? undefined : okrs.get(okr.parent);
    }
    if (okr && onChain.has(okr.id)) {
      const cycle = chain.slice(onChain.get(okr.id));
      cycle.forEach((member, i) => {
        const ids = [...cycle.slice(i), ...cycle.slice(0, i), member].map((m) => m.id);
        const next = cycle[(i + 1) % cycle.length]!;
        const place = next === member ? at(member) : { ...at(member), cause: cause(next.page.file, at(next), `its parent \`${next.id}\` is aligned to \`${next.parent}\``) };
        diagnostics.push(diagnostic('okr/parent-cycle', place, { id: member.id, chain: ids }));
      });
    }
    for (const member of chain) settled.add(member.id);
  }
  return diagnostics;
}
