import { z } from 'zod';

/** Removes the wrappers (optional, default, nullable) around a schema. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/** The schema that validates the value at a data path, if the path stays inside the schema. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const seg of path) {
    if (s instanceof z.ZodObject) s = s.shape[String(seg)] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
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
