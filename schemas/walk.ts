import { z } from 'zod';
import { isInternal } from './visibility.js';

/** Removes the wrappers (optional, default, nullable) around a schema. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/** One value met by `walk`, with the schema that validated it. */
export interface WalkNode {
  path: readonly PropertyKey[];
  /** The value's schema, unwrapped. */
  schema: z.ZodType;
  value: unknown;
  /**
   * Internal and unpublished: the field is declared internal and its record's
   * valid approval does not name it, or the value lies inside such a field.
   */
  internal: boolean;
}

/** Which internal fields of a record its approval publishes; the one answer every walk uses. */
export type PublishedFields = (record: Readonly<Record<string, unknown>>, schema: z.ZodObject) => ReadonlySet<string>;

/** For walks that do not ask what is published: no field is. */
export const PUBLISHES_NOTHING: PublishedFields = () => new Set();

/** Returned by a visitor to leave a field out of the walk's result. */
export const OMIT: unique symbol = Symbol('omit');

/**
 * What a visitor returns for a node: usually `next()`, the node's children
 * walked in turn (arrays item by item; objects key by key in the schema's
 * order, keys the schema does not declare dropped), or `OMIT`.
 */
export type Visitor = (node: WalkNode, next: () => unknown) => unknown;

/**
 * The one walk over data and its schema together. Projection, canaries,
 * front-matter links, approvals and the guard are each a visitor: none keeps a
 * list of field names or decides visibility on its own.
 */
export function walk(schema: z.ZodType, data: unknown, published: PublishedFields, visit: Visitor): unknown {
  const step = (s: z.ZodType, value: unknown, path: readonly PropertyKey[], internal: boolean): unknown => {
    const node: WalkNode = { path, schema: s, value, internal };
    return visit(node, () => {
      if (s instanceof z.ZodArray && Array.isArray(value)) {
        const element = unwrap(s.element as z.ZodType);
        return value.flatMap((item, i) => {
          const out = step(element, item, [...path, i], internal);
          return out === OMIT ? [] : [out];
        });
      }
      if (!(s instanceof z.ZodObject) || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      const publishes = internal ? new Set<string>() : published(record, s);
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
        if (!Object.hasOwn(record, key)) continue;
        const child = step(unwrap(field), record[key], [...path, key], internal || (isInternal(field) && !publishes.has(key)));
        if (child !== OMIT) out[key] = child;
      }
      return out;
    });
  };
  return step(unwrap(schema), data, [], false);
}

/** Every node of a walk, in document order, for visitors that only look. */
export function nodes(schema: z.ZodType, data: unknown, published: PublishedFields): WalkNode[] {
  const out: WalkNode[] = [];
  walk(schema, data, published, (node, next) => {
    out.push(node);
    return next();
  });
  return out;
}

/** The schema that validates the value at a data path, if the path stays inside the schema. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const seg of path) {
    if (s instanceof z.ZodObject) s = s.shape[String(seg)] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
    if (!s) return undefined;
    s = unwrap(s);
  }
  return s;
}

/** The keys an object schema accepts, in declaration order. */
export function keysOf(schema: z.ZodType | undefined): string[] {
  const s = schema && unwrap(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
