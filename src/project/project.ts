import type { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { publishedFields } from '../../schemas/publish.js';
import type { Audience } from '../../schemas/visibility.js';
import { OMIT, walk } from '../../schemas/walk.js';

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
  const published = publishedFields({ approvers: context.config.approvers, today: context.today });
  return walk(schema, data, published, (node, next) => (context.audience === 'public' && node.internal ? OMIT : next())) as T;
}
