import { z } from 'zod';
import { Link } from '../../schemas/common.js';
import { unwrap } from '../validate/schema-walk.js';

/** A URL written in front matter, with its data path. */
export interface FrontMatterLink {
  path: PropertyKey[];
  url: string;
}

/**
 * Every value in `data` whose schema is `Link`, found by walking data and schema
 * together, so the list of URL fields is the schema's own.
 */
export function frontMatterLinks(schema: z.ZodType, data: unknown, path: PropertyKey[] = [], out: FrontMatterLink[] = []): FrontMatterLink[] {
  const s = unwrap(schema);
  if (s === Link) {
    if (typeof data === 'string') out.push({ path, url: data });
  } else if (s instanceof z.ZodObject && data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const field = s.shape[key] as z.ZodType | undefined;
      if (field) frontMatterLinks(field, value, [...path, key], out);
    }
  } else if (s instanceof z.ZodArray && Array.isArray(data)) {
    data.forEach((item, i) => frontMatterLinks(s.element as z.ZodType, item, [...path, i], out));
  }
  return out;
}
