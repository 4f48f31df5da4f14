import { fieldRole } from '../../schemas/common.js';
import { PageSchema } from '../../schemas/page.js';
import type { Person } from '../../schemas/people.js';
import { nodes, PUBLISHES_NOTHING } from '../../schemas/walk.js';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

/** Every `owner:` of every page, OKR, key result and KPI (found by the schema: every field whose role is a person) names a person of `people`. */
export function checkOwners(pages: readonly Page[], people: readonly Person[]): Diagnostic[] {
  const ids = new Set(people.map((p) => p.id));
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    for (const { schema, value, path } of nodes(PageSchema, page.data, PUBLISHES_NOTHING)) {
      if (fieldRole(schema) !== 'person' || typeof value !== 'string' || ids.has(value)) continue;
      diagnostics.push(diagnostic('person/unknown', { file: page.file, ...page.locate(path), path: formatPath(path) }, { id: value, role: 'owner', guess: didYouMean(value, [...ids]) }));
    }
  }
  return diagnostics;
}
