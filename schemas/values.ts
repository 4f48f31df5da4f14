import { z } from 'zod';
import { KeyResultSchema } from './key-result.js';
import { KpiSchema } from './kpi.js';
import { OkrSchema } from './okr.js';
import { internalFields } from './visibility.js';

/** A record schema's internal fields alone, strict: the same field schemas, so their visibility declarations carry over. */
function internalPart(schema: z.ZodObject): z.ZodObject {
  const shape = schema.shape as Record<string, z.ZodType>;
  return z.strictObject(Object.fromEntries(internalFields(schema).map((field) => [field, shape[field]!])));
}

/** The internal fields a values file may give an OKR (its retrospective). */
export const OkrValuesSchema = internalPart(OkrSchema);

/** The internal fields a values file may give a key result. */
export const KeyResultValuesSchema = internalPart(KeyResultSchema);

/** The internal fields a values file may give a KPI. */
export const KpiValuesSchema = internalPart(KpiSchema);

/**
 * A file of the values directory: internal fields of records, by id, kept out
 * of the handbook's (public) repository. OKRs are named by their id, key
 * results `<okr id>/<key result id>`, KPIs by their id.
 */
export const ValuesFileSchema = z.strictObject({
  okrs: z.record(z.string(), OkrValuesSchema).optional(),
  key_results: z.record(z.string(), KeyResultValuesSchema).optional(),
  kpis: z.record(z.string(), KpiValuesSchema).optional(),
});

export type ValuesFile = z.infer<typeof ValuesFileSchema>;
