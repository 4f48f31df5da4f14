import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import { internalFields } from '../../schemas/visibility.js';

/** Every name the schemas declare internal, on any record. */
const INTERNAL_NAMES = new Set([...internalFields(KeyResultSchema), ...internalFields(KpiSchema)]);

/** Raised when internal data reaches Eleventy in a public build. */
export class InternalDataError extends Error {
  override name = 'InternalDataError';
  constructor(readonly where: string) {
    super(`internal field \`${where}\` reached Eleventy in a public build`);
  }
}

/**
 * The last line of defence before templates: in a public build no object that
 * reaches Eleventy may carry a key the schemas declare internal, unless that
 * same object's `publish.fields` names it. Whatever stage or data file put it
 * there, the build fails instead of publishing it.
 */
export function assertNoInternalData(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoInternalData(item, `${where}[${i}]`, seen));
    return;
  }
  const record = value as Record<string, unknown>;
  const published = publishedNames(record.publish);
  for (const [key, child] of Object.entries(record)) {
    if (INTERNAL_NAMES.has(key) && !published.has(key)) throw new InternalDataError(`${where}.${key}`);
    // A published field is public as a whole: a check-in's `confidence` inside a published history is not the record's.
    if (!published.has(key)) assertNoInternalData(child, `${where}.${key}`, seen);
  }
}

function publishedNames(publish: unknown): Set<string> {
  const fields = (publish as { fields?: unknown } | undefined)?.fields;
  return new Set(Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : []);
}
