import { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { isInternal } from '../../schemas/visibility.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Page } from '../pages/page.js';
import { isValidApproval } from '../project/project.js';
import { unwrap } from '../validate/schema-walk.js';
import { PublishSchema } from '../../schemas/publish.js';

/** An internal value to look for in the public output, and where it came from. */
export interface Canary {
  /** The value as text: as written in the YAML, or as JavaScript prints it. */
  text: string;
  file: string;
  path: string;
  line: number;
  column: number;
}

/**
 * Values shorter than this are not distinctive (an internal `30` also appears in
 * CSS and prose): they are guarded by the projection and its guard alone.
 */
export const MIN_CANARY_LENGTH = 4;

/** Dates are public elsewhere (timeframes, "last updated"), so a check-in date is no canary. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every unpublished internal value of the handbook's public pages, found by
 * walking data and schema together: each scalar under an internal field, as
 * written in the file and as printed by JavaScript. Values that also appear as
 * public values are left out: finding them proves nothing.
 */
export function collectCanaries(pages: readonly Page[], config: Pick<Config, 'approvers'>, today: string): Canary[] {
  const canaries: Canary[] = [];
  const publicValues = new Set<string>();
  for (const page of pages) {
    walk(PageSchema, page.data, [], false, (path, value, internal) => {
      const texts = new Set([String(value)]);
      const { source } = page.locate(path);
      if (source !== undefined) texts.add(source);
      for (const text of texts) {
        if (!internal) {
          if (!page.data.draft) publicValues.add(text);
        }
        else if (text.length >= MIN_CANARY_LENGTH && !DATE.test(text)) {
          const { line, column } = page.locate(path);
          canaries.push({ text, file: page.file, path: formatPath(path), line, column });
        }
      }
    }, { config, today });
  }
  return canaries.filter((c) => !publicValues.has(c.text));
}

type Visit = (path: PropertyKey[], value: string | number | boolean, internal: boolean) => void;

function walk(schema: z.ZodType, data: unknown, path: PropertyKey[], internal: boolean, visit: Visit, context: { config: Pick<Config, 'approvers'>; today: string }): void {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray && Array.isArray(data)) {
    data.forEach((item, i) => walk(s.element as z.ZodType, item, [...path, i], internal, visit, context));
  } else if (s instanceof z.ZodObject && data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    const approval = PublishSchema.safeParse(record.publish);
    const published = approval.success && isValidApproval(approval.data, context) ? new Set(approval.data.fields) : new Set<string>();
    for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      if (key in record) walk(field, record[key], [...path, key], internal || (isInternal(field) && !published.has(key)), visit, context);
    }
  } else if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') {
    visit(path, data, internal);
  }
}
