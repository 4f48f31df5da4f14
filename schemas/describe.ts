import { z } from 'zod';
import { isInternal } from './visibility.js';
import { unwrap } from './walk.js';

/** What the schemas say of one field of an object: the one reading of `.meta()` behind the references and the commented config. */
export interface FieldInfo {
  name: string;
  /** The field's schema as declared (with its wrappers). */
  schema: z.ZodType;
  /** The schema of its value, unwrapped. */
  value: z.ZodType;
  description: string;
  required: boolean;
  /** Its default value, when it has one. */
  default?: unknown;
  internal: boolean;
  /** The first example of its `.meta({ examples })`, when it has one. */
  example?: unknown;
}

/** The metadata of a schema in the global registry (`.meta()`). */
export function metaOf(schema: z.core.$ZodType): { title?: string; description?: string; examples?: unknown[] } {
  return (z.globalRegistry.get(schema) ?? {}) as { title?: string; description?: string; examples?: unknown[] };
}

/** Every field of an object schema, in declaration order. */
export function fieldsOf(object: z.ZodObject): FieldInfo[] {
  return Object.entries(object.shape as Record<string, z.ZodType>).map(([name, schema]) => {
    const meta = metaOf(schema);
    let def: unknown;
    for (let s: z.ZodType = schema; s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable; s = s.unwrap() as z.ZodType) {
      if (s instanceof z.ZodDefault) def = s.def.defaultValue;
    }
    return {
      name,
      schema,
      value: unwrap(schema),
      description: meta.description ?? '',
      required: !schema.safeParse(undefined).success,
      ...(def !== undefined ? { default: def } : {}),
      internal: isInternal(schema),
      ...(meta.examples?.length ? { example: meta.examples[0] } : {}),
    };
  });
}

/** An object schema met below a root, with the path of the field it was first met at (`okrs[]`, `site`; '' for the root). */
export interface ObjectInfo {
  schema: z.ZodObject;
  path: string;
}

/** The object schemas met below `root` (itself included), each once, in the order a reader meets them: depth first. */
export function objectsOf(root: z.ZodObject): ObjectInfo[] {
  const found: ObjectInfo[] = [];
  const visit = (s: z.ZodType, path: string) => {
    const value = unwrap(s);
    if (value instanceof z.ZodArray) return visit(value.element as z.ZodType, `${path}[]`);
    if (value instanceof z.ZodUnion) return (value.options as z.ZodType[]).forEach((option) => visit(option, path));
    if (!(value instanceof z.ZodObject) || found.some((f) => f.schema === value)) return;
    found.push({ schema: value, path });
    for (const field of fieldsOf(value)) visit(field.value, path ? `${path}.${field.name}` : field.name);
  };
  visit(root, '');
  return found;
}

/** The object schemas a field's value is made of: itself, a list's items, a union's options (unwrapped). */
export function objectsIn(schema: z.ZodType): z.ZodObject[] {
  const value = unwrap(schema);
  if (value instanceof z.ZodArray) return objectsIn(value.element as z.ZodType);
  if (value instanceof z.ZodUnion) return (value.options as z.ZodType[]).flatMap(objectsIn);
  return value instanceof z.ZodObject ? [value] : [];
}

/**
 * A value's type in words, for a reader: the title of a building block
 * (`slug`, `date`, `link`) or of an object, `list of …`, the values of an
 * enum, or the kind of a plain value with its bounds.
 */
export function typeOf(schema: z.ZodType): string {
  const s = unwrap(schema);
  const title = metaOf(s).title;
  if (title !== undefined) return title;
  if (s instanceof z.ZodArray) return `list of ${typeOf(s.element as z.ZodType)}`;
  if (s instanceof z.ZodEnum) return (s.options as string[]).map((o) => `\`${o}\``).join(' or ');
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => `\`${String(v)}\``).join(' or ');
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).map(typeOf).join(' or ');
  if (s instanceof z.ZodBoolean) return '`true` or `false`';
  if (s instanceof z.ZodRecord) return 'mapping';
  if (s instanceof z.ZodObject) return 'mapping';
  if (s instanceof z.ZodNumber) {
    const bounds = [s.minValue !== null && Number.isFinite(s.minValue) && s.minValue > Number.MIN_SAFE_INTEGER ? `${s.minValue}` : '', s.maxValue !== null && Number.isFinite(s.maxValue) && s.maxValue < Number.MAX_SAFE_INTEGER ? `${s.maxValue}` : ''];
    const kind = s.isInt ? 'integer' : 'number';
    if (bounds[0] && bounds[1]) return `${kind} from ${bounds[0]} to ${bounds[1]}`;
    if (bounds[0]) return `${kind} ≥ ${bounds[0]}`;
    if (bounds[1]) return `${kind} ≤ ${bounds[1]}`;
    return kind;
  }
  if (s instanceof z.ZodString) return 'text';
  return 'any value';
}
