import type { z } from 'zod';
import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import { OkrSchema } from '../../schemas/okr.js';
import type { PageData } from '../../schemas/page.js';

/** A record of a page that holds internal fields: an OKR, a key result or a KPI, with where it is. */
export interface PageRecord {
  kind: 'OKR' | 'key result' | 'KPI';
  schema: z.ZodObject;
  record: Record<string, unknown>;
  /** Its data path in the page's front matter. */
  path: PropertyKey[];
  /** Its id where the handbook names it: the OKR's id, `<okr id>/<key result id>`, or the KPI's id. */
  id: string;
  /** The record in words: key result `signups` of OKR `growth`. */
  name: string;
  /** Its title: the OKR's; the key result's, with its OKR's; the KPI's name. */
  title: string;
  /** Index of its card's anchor on the page: the OKR's (key results are shown in their OKR's card), or the KPI's. */
  anchor: { kind: 'okr' | 'kpi'; index: number };
}

/** Every OKR, key result and KPI of a page, in front-matter order (an OKR before its key results). */
export function pageRecords(data: PageData): PageRecord[] {
  return [
    ...(data.okrs ?? []).flatMap((okr, o) => [
      { kind: 'OKR', schema: OkrSchema, record: okr as Record<string, unknown>, path: ['okrs', o], id: okr.id, name: `OKR \`${okr.id}\``, title: okr.title, anchor: { kind: 'okr', index: o } } satisfies PageRecord,
      ...(okr.key_results ?? []).map((kr, r): PageRecord => ({
        kind: 'key result',
        schema: KeyResultSchema,
        record: kr as Record<string, unknown>,
        path: ['okrs', o, 'key_results', r],
        id: `${okr.id}/${kr.id}`,
        name: `key result \`${kr.id}\` of OKR \`${okr.id}\``,
        title: `${kr.title} (${okr.title})`,
        anchor: { kind: 'okr', index: o },
      })),
    ]),
    ...(data.kpis ?? []).map((kpi, k): PageRecord => ({ kind: 'KPI', schema: KpiSchema, record: kpi as Record<string, unknown>, path: ['kpis', k], id: kpi.id, name: `KPI \`${kpi.id}\``, title: kpi.name, anchor: { kind: 'kpi', index: k } })),
  ];
}
