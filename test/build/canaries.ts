import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import { OkrSchema } from '../../schemas/okr.js';
import { internalFields } from '../../schemas/visibility.js';
import { frontMatter } from './helpers.js';

/**
 * The test's own oracle of internal values, independent of src/output/canaries.ts:
 * it reads the fixture's YAML and the schemas' visibility declarations only, so
 * a bug in the build's scan cannot hide a leak from the test.
 */

/** The record kinds that hold internal fields, with their schemas. */
export const KINDS = { okr: OkrSchema, key_result: KeyResultSchema, kpi: KpiSchema } as const;
export type Kind = keyof typeof KINDS;

/** One record of a handbook, with what the visibility rules need to know about it. */
export interface RecordInfo {
  kind: Kind;
  file: string;
  id: string;
  draft: boolean;
  data: Record<string, unknown>;
  published: Set<string>;
}

/** One scalar under an internal field: `leaf` is the schema path below the field, e.g. `[].note`. */
export interface Canary {
  kind: Kind;
  file: string;
  record: string;
  field: string;
  leaf: string;
  text: string;
  published: boolean;
  draft: boolean;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/** Every leaf a field's schema allows: '' for a scalar, `.min` for an object key, `[].value` inside an array. */
export function leafPaths(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray) return leafPaths(s.element as z.ZodType).map((p) => `[]${p}`);
  if (s instanceof z.ZodObject) return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([k, f]) => leafPaths(f).map((p) => `.${k}${p}`));
  return [''];
}

/** The scalars of `value` with their leaf paths. */
function leaves(value: unknown, leaf = ''): { leaf: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, `${leaf}[]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${leaf}.${k}`));
  return [{ leaf, text: String(value) }];
}

/** Every OKR, key result and KPI in the content folder of `root`. */
export function records(root: string): RecordInfo[] {
  const out: RecordInfo[] = [];
  const dir = join(root, 'content');
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort()) {
    const fm = frontMatter(join(dir, name));
    const draft = fm.draft === true;
    const add = (kind: Kind, data: Record<string, unknown>) => {
      const fields = (data.publish as { fields?: string[] } | undefined)?.fields ?? [];
      out.push({ kind, file: `content/${name}`, id: String(data.id), draft, data, published: new Set(fields) });
    };
    for (const okr of (fm.okrs ?? []) as (Record<string, unknown> & { key_results?: Record<string, unknown>[] })[]) {
      add('okr', okr);
      for (const kr of okr.key_results ?? []) add('key_result', kr);
    }
    for (const kpi of (fm.kpis ?? []) as Record<string, unknown>[]) add('kpi', kpi);
  }
  return out;
}

/** Every scalar under an internal field of every record; every approval in these fixtures is valid. */
export function canaries(root: string): Canary[] {
  return records(root).flatMap((r) =>
    internalFields(KINDS[r.kind])
      .filter((field) => field in r.data)
      .flatMap((field) => leaves(r.data[field]).map(({ leaf, text }) => ({ kind: r.kind, file: r.file, record: r.id, field, leaf, text, published: r.published.has(field), draft: r.draft }))),
  );
}

/** `history[].note` style name of a canary's leaf. */
export const where = (c: Pick<Canary, 'field' | 'leaf'>) => `${c.field}${c.leaf}`;



/**
 * What `build` prints for the canary: its body's template syntax (THREATS 9)
 * is only ever text, and check says so at each place; nothing else.
 */
export function expectTemplateWarningsOnly(stdout: string, built: string): void {
  const headers = stdout.split('\n').filter((line) => /^content\//.test(line));
  expect(headers.map((line) => /^(\S+:\d+):\d+ {2}(\w+) .* {2}(\S+)$/.exec(line)!.slice(1).join(' '))).toEqual([
    ...Array(2).fill('content/goals.md:61 warning body/template-syntax'),
    ...Array(5).fill('content/goals.md:63 warning body/template-syntax'),
  ]);
  expect(stdout.replace(/Built \d+ pages/, 'Built N pages').endsWith(`⚠ 4 files checked: 0 errors, 7 warnings\n${built}\n`)).toBe(true);
}
