import { z } from 'zod';

/** A lowercase slug id, as used in URLs and anchors. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a slug: lowercase letters, digits and single hyphens' })
  .meta({ title: 'slug' });

/** A calendar date written `YYYY-MM-DD`; YAML's core schema keeps it a string. */
export const IsoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' }).meta({ title: 'date' });

/** Non-empty single-line text. */
export const Text = z.string().trim().min(1, { error: 'must not be empty' }).meta({ title: 'text' });

/**
 * What a field holds beyond its type, for the walks that look for it:
 * Markdown, rendered and link-checked like a body; a person's id, checked
 * against `people`. A registry rather than identity, so that a field declared
 * `Markdown.meta(…)` (a clone) keeps its role.
 */
const roles = z.registry<{ role: FieldRole }>();

/** A field's role: see `roles`. */
export type FieldRole = 'markdown' | 'person';

/** Declares the role of a field schema. */
export function withRole<T extends z.ZodType>(schema: T, role: FieldRole): T {
  roles.add(schema, { role });
  return schema;
}

/** The declared role of an (unwrapped) field schema, if any. */
export function fieldRole(schema: z.core.$ZodType): FieldRole | undefined {
  return roles.get(schema)?.role;
}

/** Non-empty Markdown text in front matter, rendered and link-checked like a body. */
export const Markdown = withRole(z.string().trim().min(1, { error: 'must not be empty' }).meta({ title: 'Markdown' }), 'markdown');

const SITE_PATH = /^\/(?!\/)[^\s\\]*$/;

/** An http(s) URL, or a path inside the site starting with `/`. */
export const Link = z
  .string()
  .refine((value) => SITE_PATH.test(value) || isHttpUrl(value), { error: 'expected an http(s) URL or a site path starting with /' })
  .meta({ title: 'link' });

/**
 * The link fields, known by their schema: `Link`, or a copy of it that a
 * field's `.meta({ description })` made. A registry entry passes to such a
 * copy (Zod's registries look an entry up through the copy's parent), where
 * the copy's identity would not.
 */
const links = z.registry<{ link: true }>();
links.add(Link, { link: true });

/** Whether a field's value is a link: its schema is `Link` or a described copy of it. */
export function isLink(schema: z.core.$ZodType): boolean {
  return links.get(schema)?.link === true;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  return URL.canParse(value);
}

const PERMALINK = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$/;

/**
 * An absolute site path for a page. No scheme, no `..` or `.` segments, no
 * percent-encoding (so no encoded dots), no query or fragment.
 */
export const Permalink = z
  .string()
  .regex(PERMALINK, { error: 'expected an absolute path such as /company/goals/ (letters, digits, - _ . ~; no "..", no scheme)' })
  .meta({ title: 'site path' });

/** A measured value. */
export const Value = z.number().refine(Number.isFinite, { error: 'expected a finite number' }).meta({ title: 'number' });

/** One check-in of a metric. */
export const HistoryEntry = z
  .strictObject({
    date: IsoDate.meta({ description: 'The day of the check-in, YYYY-MM-DD; history is listed oldest first.' }),
    value: Value.meta({ description: 'The value measured that day.' }),
    confidence: z.number().min(0).max(1).optional().meta({ description: 'How sure the owner was that day of reaching the target, from 0 to 1.' }),
    note: z.string().optional().meta({ description: 'What happened, in a few words; shown in the history table.' }),
  })
  .meta({ title: 'Check-in', description: 'One check-in of a metric: a date and the value measured on it.' });
