import { describe, expect, it } from 'vitest';
import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import { OkrSchema } from '../../schemas/okr.js';
import { internalFields } from '../../schemas/visibility.js';
import { runCli } from '../helpers/cli.js';

interface JsonSchema {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  'x-internal'?: boolean;
  default?: unknown;
  [key: string]: unknown;
}

/** Every property of a JSON Schema, by dotted path (`[]` for list items). */
function properties(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${name}` : name;
    out.push([here, child], ...properties(child, here));
    if (child.items) out.push(...properties(child.items, `${here}[]`));
  }
  return out;
}

async function schema(...args: string[]): Promise<JsonSchema> {
  const result = await runCli(['schema', ...args]);
  expect([result.code, result.stderr]).toEqual([0, '']);
  return JSON.parse(result.stdout) as JsonSchema;
}

describe('handbook schema', () => {
  it('describes every field of the front matter, records included', async () => {
    const all = properties(await schema());
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(([, p]) => !p.description || p.description.length < 10).map(([path]) => path)).toEqual([]);
    expect(Object.fromEntries(all).title?.description).toBe('The page title: its heading, the browser tab, the sidebar and breadcrumbs.');
  });

  it('marks exactly the internal fields of OKRs, key results and KPIs with x-internal', async () => {
    const internal = properties(await schema()).filter(([, p]) => p['x-internal'] === true).map(([path]) => path);
    expect(internal.sort()).toEqual(
      [...internalFields(OkrSchema).map((f) => `okrs[].${f}`), ...internalFields(KeyResultSchema).map((f) => `okrs[].key_results[].${f}`), ...internalFields(KpiSchema).map((f) => `kpis[].${f}`)].sort(),
    );
    expect(internal).toContain('okrs[].retrospective');
  });

  it('marks the Markdown fields with contentMediaType text/markdown', async () => {
    const markdown = properties(await schema()).filter(([, p]) => p.contentMediaType === 'text/markdown').map(([path]) => path);
    expect(markdown.sort()).toEqual(['kpis[].definition', 'okrs[].retrospective']);
  });
});

describe('handbook schema --config', () => {
  it('is the JSON Schema of handbook.config.yaml: every key described, defaults given', async () => {
    const config = await schema('--config');
    expect(config.title).toBe('handbook.config.yaml');
    const all = properties(config);
    expect(all.map(([path]) => path)).toEqual(expect.arrayContaining(['site.title', 'site.url', 'people[].id', 'people[].handle', 'people_file', 'approvers[].id', 'approvers[].name', 'pages.extra_keys', 'links.broken', 'okrs.max_current', 'okrs.check_in_every_days', 'search.shard_pages']));
    expect(all.filter(([, p]) => !p.description).map(([path]) => path)).toEqual([]);
    expect(Object.fromEntries(all)['links.broken']).toMatchObject({ enum: ['error', 'warn'], default: 'error' });
    expect(config.required).toEqual(['site']);
  });
});
