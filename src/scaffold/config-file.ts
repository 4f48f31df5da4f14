import { stringify } from 'yaml';
import { z } from 'zod';
import { fieldsOf } from '../../schemas/describe.js';

const WIDTH = 88;

/**
 * A handbook.config.yaml made from the config schema: every key with its
 * description as a comment, set to the value given in `values`, else to its
 * default, else (an optional key without one) commented out with its example.
 * The comments are the schema's descriptions, so they cannot drift from it.
 */
export function configYaml(schema: z.ZodObject, values: Record<string, unknown>, header: readonly string[]): string {
  const lines = [...header.map((l) => `# ${l}`.trimEnd()), ...keys(schema, values, '')];
  return `${lines.join('\n')}\n`;
}

function keys(schema: z.ZodObject, values: Record<string, unknown>, indent: string): string[] {
  const out: string[] = [];
  for (const field of fieldsOf(schema)) {
    // Top-level keys are paragraphs of their own.
    out.push(...(indent === '' ? [''] : []), ...comment(field.description, indent));
    const given = values[field.name];
    if (field.value instanceof z.ZodObject && (given === undefined || isPlainObject(given))) {
      const inside = keys(field.value, (given ?? {}) as Record<string, unknown>, `${indent}  `);
      // A mapping whose every key is commented out would be null: it is commented out too.
      const active = inside.some((l) => !l.trimStart().startsWith('#'));
      out.push(`${indent}${active ? '' : '# '}${field.name}:`, ...inside);
    } else if (given !== undefined) out.push(...entry(indent, field.name, given));
    else if (field.example !== undefined && (field.default === undefined || (Array.isArray(field.default) && field.default.length === 0))) {
      out.push(...entry(indent, field.name, field.example).map((l) => `${indent}# ${l.slice(indent.length)}`));
    } else if (field.default !== undefined) out.push(...entry(indent, field.name, field.default));
  }
  return out;
}

/** A key and its value in YAML: a list of mappings as a block of one-line items, anything else on the key's line. */
function entry(indent: string, key: string, value: unknown): string[] {
  if (Array.isArray(value) && value.some(isPlainObject)) return [`${indent}${key}:`, ...value.map((item) => `${indent}  - ${flow(item)}`)];
  return [`${indent}${key}: ${flow(value)}`];
}

/** A value in YAML's flow style: `[a, b]`, `{ id: ceo, name: Chief Executive Officer }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isPlainObject(value)) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
