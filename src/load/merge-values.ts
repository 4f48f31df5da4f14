import { internalFields } from '../../schemas/visibility.js';
import type { PublishedFields } from '../../schemas/walk.js';
import { cause, diagnostic, type Diagnostic, formatPath, type Severity } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Locator } from '../diagnostics/location.js';
import type { Page } from '../pages/page.js';
import { pageRecords } from '../pages/records.js';
import type { LoadedValues, ValuesSource } from './values.js';

/**
 * Gives each record the internal fields the values directory holds for it:
 * a new page (the cached data is never changed) whose locator finds those
 * fields in their values file, so every later check reports them there. A
 * field also written in content/ is an error; so is a values entry for a
 * record no page defines.
 */
export function mergeValues(pages: readonly Page[], values: LoadedValues): { pages: Page[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  const merged = pages.map((page) => {
    const sources: { prefix: PropertyKey[]; source: ValuesSource }[] = [];
    let data = page.data;
    for (const record of pageRecords(page.data)) {
      const given = (record.kind === 'KPI' ? values.kpis : record.kind === 'OKR' ? values.okrs : values.keyResults).get(record.id);
      if (!given) continue;
      used.add(`${record.kind}\0${record.id}`);
      for (const [field, value] of Object.entries(given.fields)) {
        const source = given.sources[field]!;
        if (record.record[field] !== undefined) {
          const here = [...record.path, field];
          diagnostics.push(diagnostic('values/duplicate-field', { file: source.file, ...source.locate([field], 'key'), cause: cause(page.file, page.locate(here, 'key'), 'also written here, in content/') }, { field, id: record.id }));
          continue;
        }
        if (data === page.data) data = structuredClone(page.data);
        (pathValue(data, record.path) as Record<string, unknown>)[field] = value;
        sources.push({ prefix: [...record.path, field], source });
      }
    }
    if (sources.length === 0) return page;
    const locate: Locator = (path, anchor) => {
      const hit = sources.find(({ prefix }) => prefix.every((seg, i) => path[i] === seg));
      return hit ? { ...hit.source.locate(path.slice(hit.prefix.length - 1), anchor), file: hit.source.file } : page.locate(path, anchor);
    };
    return { ...page, data, locate };
  });
  for (const [kind, map, label] of [['OKR', values.okrs, 'okrs'], ['key result', values.keyResults, 'key_results'], ['KPI', values.kpis, 'kpis']] as const) {
    const known = pages.flatMap((p) => pageRecords(p.data).filter((r) => r.kind === kind).map((r) => r.id));
    for (const [id, given] of map) {
      if (used.has(`${kind}\0${id}`)) continue;
      const source = Object.values(given.sources)[0]!;
      diagnostics.push(diagnostic('values/unknown-record', { file: source.file, ...source.locate([], 'key'), path: `${label}.${id}` }, { kind, id, guess: didYouMean(id, known) }));
    }
  }
  return { pages: merged, diagnostics };
}

/**
 * Internal values written in content/, when `values.in_content` says they
 * belong in the values directory. A value a valid approval publishes is public:
 * it is written in content/, where the public build reads it.
 */
export function valuesInContent(pages: readonly Page[], severity: Severity, published: PublishedFields): Diagnostic[] {
  return pages.flatMap((page) =>
    pageRecords(page.data).flatMap((record) =>
      internalFields(record.schema)
        .filter((field) => record.record[field] !== undefined && !published(record.record, record.schema).has(field))
        .map((field) => {
          const path = [...record.path, field];
          return diagnostic('values/in-content', { file: page.file, ...page.locate(path, 'key'), path: formatPath(path), severity }, { field, id: record.id, kind: record.kind });
        }),
    ),
  );
}

function pathValue(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, seg) => (at as Record<PropertyKey, unknown>)[seg], data);
}
