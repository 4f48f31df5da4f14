import { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { type Publish, PublishSchema } from '../../schemas/publish.js';
import { internalFields, isInternal } from '../../schemas/visibility.js';
import { unwrap } from '../validate/schema-walk.js';

/** Who a build is for. */
export type Audience = 'public' | 'internal';

/** What decides whether an approval publishes fields. */
export interface ProjectionContext {
  audience: Audience;
  config: Pick<Config, 'approvers'>;
  /** YYYY-MM-DD. */
  today: string;
}

/**
 * Projects validated data for an audience, driven only by the schema's
 * visibility declarations: an allowlist copy that keeps the keys the schema
 * declares and, for the public, drops every internal field unless the record's
 * own valid `publish` approval names it. Works at any depth (a page holds OKRs,
 * which hold key results).
 */
export function project<T>(schema: z.ZodType, data: T, context: ProjectionContext): T {
  return walk(unwrap(schema), data, context) as T;
}

function walk(schema: z.ZodType, data: unknown, context: ProjectionContext): unknown {
  if (schema instanceof z.ZodArray && Array.isArray(data)) return data.map((item) => walk(unwrap(schema.element as z.ZodType), item, context));
  if (!(schema instanceof z.ZodObject) || data === null || typeof data !== 'object') return data;
  const record = data as Record<string, unknown>;
  const published = publishedFields(schema, record, context);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!(key in record)) continue;
    if (context.audience === 'public' && isInternal(field) && !published.has(key)) continue;
    out[key] = walk(unwrap(field), record[key], context);
  }
  return out;
}

/** The internal fields a record's approval publishes; empty unless the approval is valid. */
function publishedFields(schema: z.ZodObject, record: Record<string, unknown>, context: ProjectionContext): Set<string> {
  const parsed = PublishSchema.safeParse(record.publish);
  if (!parsed.success || !isValidApproval(parsed.data, context)) return new Set();
  const internal = internalFields(schema);
  return new Set(parsed.data.fields.filter((f) => internal.includes(f)));
}

/** An approval counts when its approver is listed in the config and it is dated today or earlier. */
export function isValidApproval(publish: Publish, context: Pick<ProjectionContext, 'config' | 'today'>): boolean {
  return context.config.approvers.some((a) => a.id === publish.approved_by) && publish.approved_on <= context.today;
}

/**
 * The paths of internal fields present in `data` that its approvals do not
 * publish: empty for correctly projected public data. The guard runs this on
 * what reaches Eleventy, so a regression in any stage fails the build.
 */
export function unpublishedInternalPaths(schema: z.ZodType, data: unknown, context: Omit<ProjectionContext, 'audience'>, path: PropertyKey[] = []): PropertyKey[][] {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray && Array.isArray(data)) return data.flatMap((item, i) => unpublishedInternalPaths(s.element as z.ZodType, item, context, [...path, i]));
  if (!(s instanceof z.ZodObject) || data === null || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const published = publishedFields(s, record, { ...context, audience: 'public' });
  const found: PropertyKey[][] = [];
  for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
    if (!(key in record)) continue;
    if (isInternal(field) && !published.has(key)) found.push([...path, key]);
    else found.push(...unpublishedInternalPaths(field, record[key], context, [...path, key]));
  }
  return found;
}
