import { z } from 'zod';
import { IsoDate, Slug } from './common.js';
import { internalFields } from './visibility.js';
import type { PublishedFields } from './walk.js';

/**
 * A per-case approval to publish some internal fields of one record. Whether the
 * approver exists, the date has passed and the fields are internal is checked
 * handbook-wide (it needs the config and "today"), by `approvalProblems`.
 */
export const PublishSchema = z
  .strictObject({
    approved_by: Slug.meta({ description: 'The id of the approver, as listed under `approvers` in handbook.config.yaml.' }),
    approved_on: IsoDate.meta({ description: 'The day the approval was given, YYYY-MM-DD; an approval dated after today publishes nothing.' }),
    fields: z.array(z.string()).min(1, { error: 'name at least one field to publish' }).meta({ description: 'The internal fields of this record the public site may show, e.g. `[current_value, history]`.' }),
  })
  .meta({ title: 'Publish approval', description: 'An approval to show some internal fields of this one record in the public site.' });

export type Publish = z.infer<typeof PublishSchema>;

/** What an approval is judged against. */
export interface ApprovalContext {
  approvers: readonly { id: string }[];
  /** YYYY-MM-DD. */
  today: string;
}

/** Why an approval does not publish (all of its fields, or one of them). */
export type ApprovalProblem =
  | { kind: 'unknown-approver' }
  | { kind: 'future-date' }
  | { kind: 'not-internal'; index: number; field: string };

/**
 * Everything wrong with an approval of a record of `schema`: an approver not in
 * the config or a date after today voids it; a named field that is not internal
 * to the record publishes nothing. The one definition of a valid approval.
 */
export function approvalProblems(publish: Publish, schema: z.ZodObject, context: ApprovalContext): ApprovalProblem[] {
  const problems: ApprovalProblem[] = [];
  if (!context.approvers.some((a) => a.id === publish.approved_by)) problems.push({ kind: 'unknown-approver' });
  if (publish.approved_on > context.today) problems.push({ kind: 'future-date' });
  const internal = internalFields(schema);
  publish.fields.forEach((field, index) => {
    if (!internal.includes(field)) problems.push({ kind: 'not-internal', index, field });
  });
  return problems;
}

/** The published fields of records under `context`: those a valid approval names that are internal. */
export function publishedFields(context: ApprovalContext): PublishedFields {
  return (record, schema) => {
    const parsed = PublishSchema.safeParse(record.publish);
    if (!parsed.success) return new Set();
    const problems = approvalProblems(parsed.data, schema, context);
    if (problems.some((p) => p.kind !== 'not-internal')) return new Set();
    const internal = internalFields(schema);
    return new Set(parsed.data.fields.filter((f) => internal.includes(f)));
  };
}
