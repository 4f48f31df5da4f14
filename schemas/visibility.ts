import { z } from 'zod';

/** Metadata that marks a field as internal: kept out of the public build unless published. */
export interface VisibilityMeta {
  visibility: 'internal';
}

/**
 * The registry of internal fields. A dedicated registry (not `.meta()` on the
 * global one) keeps our key out of `z.toJSONSchema`, which instead gets an
 * explicit `x-internal` through `jsonSchemaOverride` below.
 */
export const visibility = z.registry<VisibilityMeta>();

/**
 * Declares a record field internal by default. Call it last in the chain:
 * registration is by schema instance, and later modifiers return clones.
 */
export function internal<T extends z.ZodType>(schema: T): T {
  visibility.add(schema, { visibility: 'internal' });
  return schema;
}

/** Whether a field schema is declared internal. */
export function isInternal(schema: z.core.$ZodType): boolean {
  return visibility.get(schema)?.visibility === 'internal';
}

/** The internal field names of an object schema, read from the declarations. */
export function internalFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => isInternal(field as z.ZodType))
    .map(([name]) => name);
}

/** Who a build is for: the public, or the company (every field). */
export const AUDIENCES = ['public', 'internal'] as const;

/** Who a build is for. */
export type Audience = (typeof AUDIENCES)[number];

/**
 * The registry of fields the site never prints (a page's `weight` orders the
 * sidebar; `layout` names a template): a value there is no public fact.
 */
export const unprintedFields = z.registry<{ unprinted: true }>();

/** Declares a field the site never prints. Wrap the field before `.optional()`: the walk meets it unwrapped. */
export function unprinted<T extends z.ZodType>(schema: T): T {
  unprintedFields.add(schema, { unprinted: true });
  return schema;
}

/** Whether a (unwrapped) field schema is declared unprinted. */
export function isUnprinted(schema: z.core.$ZodType): boolean {
  return unprintedFields.get(schema)?.unprinted === true;
}
