import type { z } from 'zod';
import type { ApprovalSchema, PublishedRecordSchema, TransparencySchema } from '../../schemas/layout-data.js';
import { PublishSchema, publishedFields } from '../../schemas/publish.js';
import { internalFields } from '../../schemas/visibility.js';
import type { Page } from '../pages/page.js';
import { type PageRecord, pageRecords } from '../pages/records.js';

/** A record whose approval published some of its internal fields, as the transparency page lists it. */
export type PublishedRecord = z.infer<typeof PublishedRecordSchema>;

/** What approvals are judged against (an `ApprovalContext`), with the approvers' names. */
export interface NamedApprovals {
  approvers: readonly { id: string; name: string }[];
  /** YYYY-MM-DD. */
  today: string;
}

/** Who approved a publication, and when. */
export type Approval = z.infer<typeof ApprovalSchema>;

/** What the transparency page shows: every published value, and how many fields each kind of record keeps internal (counts only, never values). */
export type TransparencyView = z.infer<typeof TransparencySchema>;

/** A published value in words: a number as it is, a history check-in by check-in, a range by its bounds. */
function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((h: { date?: string; value?: unknown; confidence?: unknown; note?: unknown }) => `${h.date}: ${String(h.value)}${h.confidence !== undefined ? `, confidence ${String(h.confidence)}` : ''}${h.note !== undefined ? ` (${String(h.note)})` : ''}`).join('; ');
  }
  if (value !== null && typeof value === 'object') {
    const range = value as { min?: unknown; max?: unknown };
    if ('min' in range && 'max' in range) return `${String(range.min)} – ${String(range.max)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The approval of a record when it is valid, with the approver's name. */
export function approvalOf(record: { publish?: unknown }, context: NamedApprovals, schema: z.ZodObject): Approval | undefined {
  const parsed = PublishSchema.safeParse(record.publish);
  if (!parsed.success || publishedFields(context)(record as Record<string, unknown>, schema).size === 0) return undefined;
  const approver = context.approvers.find((a) => a.id === parsed.data.approved_by);
  return approver ? { by: approver.name, on: parsed.data.approved_on } : undefined;
}

/**
 * The transparency page of one audience's site: each record whose valid
 * approval published values, with those values and the approval; and per
 * kind of record, how many records and internal fields stay internal.
 */
export function transparencyView(pages: readonly Page[], anchorsOf: (page: Page) => { okr: readonly string[]; kpi: readonly string[] }, context: NamedApprovals): TransparencyView {
  const published: PublishedRecord[] = [];
  const kept = new Map<PageRecord['kind'], { records: number; fields: number }>();
  const publishes = publishedFields(context);
  for (const page of pages) {
    const anchors = anchorsOf(page);
    for (const { schema, record, kind, title, anchor } of pageRecords(page.data)) {
      const href = `${page.url}#${anchors[anchor.kind][anchor.index] ?? ''}`;
      const present = internalFields(schema).filter((f) => record[f] !== undefined);
      const open = publishes(record, schema);
      const hidden = present.filter((f) => !open.has(f));
      if (hidden.length > 0) {
        const count = kept.get(kind) ?? { records: 0, fields: 0 };
        kept.set(kind, { records: count.records + 1, fields: count.fields + hidden.length });
      }
      const approval = approvalOf(record, context, schema);
      const fields = present.filter((f) => open.has(f)).map((name) => ({ name, value: describe(record[name]) }));
      if (approval && fields.length > 0) published.push({ kind, title, href, fields, approval });
    }
  }
  return { published, kept: (['OKR', 'key result', 'KPI'] as const).map((kind) => ({ kind, ...(kept.get(kind) ?? { records: 0, fields: 0 }) })) };
}
