import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { build, makeRoot } from './helpers.js';

afterAll(removeTempDirs);

const TODAY = '2030-05-16';

/** A handbook with every kind of record: an owner, a parent, a weight, scores, a retrospective, a published field and a draft. */
const FILES = {
  'handbook.config.yaml': `site:
  title: Exports
  repo: https://github.com/example/handbook
people:
  - { id: alice, name: Alice Smith, handle: asmith }
approvers:
  - { id: alice }
`,
  'content/index.md': `---
title: Goals
okrs:
  - id: grow
    title: Grow
    scope: Company-Wide
    objective: More people use the product.
    label: "OKR: Grow"
    start: 2030-04-01
    due: 2030-06-30
    owner: alice
    key_results:
      - id: plugins
        title: More plugins
        kpi: app
        weight: 3
        start_value: 10
        target_value: 20
        current_value: 14
        score: 0.5
        publish: { approved_by: alice, approved_on: 2030-05-01, fields: [score] }
      - id: runs
        title: More runs
        kpi: app
        start_value: 100
        target_value: 200
        current_value: 190
        score: 0.9
    retrospective: Runs went **well**.
  - id: team
    title: Team
    scope: Team
    objective: The team helps.
    label: "OKR: Team"
    due: 2030-06-30
    parent: grow
kpis:
  - id: app
    name: APP
    owner: alice
    definition: Average plugin types per project.
    calculation: https://example.com/app.sql
    health: { min: 1, max: 3 }
    current_value: 0.5
---
:::okrs

:::kpis
`,
  'content/draft.md': `---
title: Draft
draft: true
okrs:
  - id: hidden
    title: Hidden
    scope: Team
    objective: Not public.
    label: "OKR: Hidden"
    due: 2030-09-30
---
`,
};

let root: string;
let schema: Record<string, unknown>;
const exported = (audience: string, file: string) => JSON.parse(readFileSync(join(root, `dist-${audience}`, file), 'utf8')) as Record<string, unknown>;

/** A validator of the exports' JSON Schema as `handbook schema --exports` prints it; `x-internal` is an annotation. */
function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: its plugin is the module's default export.
  addFormats.default(ajv);
  ajv.addKeyword('x-internal');
  ajv.addSchema(schema, 'exports');
  return (data: unknown, ref = 'exports') => {
    const ok = ajv.validate(ref, data);
    return ok ? [] : ajv.errors!.map((e) => `${e.instancePath} ${e.message}`);
  };
}

beforeAll(async () => {
  root = writeHandbook(FILES);
  const results = await Promise.all(['public', 'internal'].map((audience) => build(root, '--audience', audience, '--out', `dist-${audience}`, '--today', TODAY)));
  expect(results.map((r) => [r.code, r.stderr])).toEqual([[0, ''], [0, '']]);
  const printed = await runCli(['schema', '--exports']);
  expect([printed.code, printed.stderr]).toEqual([0, '']);
  schema = JSON.parse(printed.stdout) as Record<string, unknown>;
});

describe('okrs.json and kpis.json', () => {
  it('internal okrs.json: every OKR of the site with its key results, owners as people, where it is defined, its quarter, and the roll-ups', () => {
    expect(exported('internal', 'okrs.json')).toEqual({
      version: 1,
      audience: 'internal',
      today: TODAY,
      // In page order: content/draft.md before content/index.md.
      okrs: [
        { id: 'hidden', title: 'Hidden', scope: 'Team', objective: 'Not public.', label: 'OKR: Hidden', due: '2030-09-30', key_results: [], url: '/draft/#hidden', phase: 'current', period: '2030-q3' },
        {
          id: 'grow', title: 'Grow', scope: 'Company-Wide', objective: 'More people use the product.', label: 'OKR: Grow', due: '2030-06-30', start: '2030-04-01',
          owner: { id: 'alice', name: 'Alice Smith', handle: 'asmith' },
          key_results: [
            { id: 'plugins', title: 'More plugins', kpi: 'app', weight: 3, start_value: 10, target_value: 20, current_value: 14, score: 0.5, publish: { approved_by: 'alice', approved_on: '2030-05-01', fields: ['score'] }, progress: { percent: 40, status: 'needs-attention' } },
            { id: 'runs', title: 'More runs', kpi: 'app', weight: 1, start_value: 100, target_value: 200, current_value: 190, score: 0.9, progress: { percent: 90, status: 'on-track' } },
          ],
          retrospective: 'Runs went **well**.',
          url: '/#grow', phase: 'current', period: '2030-q2',
          // Hand-computed: progress (3 × 0.4 + 1 × 0.9) / 4 = 0.525 → 53 %, with the worst status (0.4 of the way at half the time:
          // needs attention); score (3 × 0.5 + 1 × 0.9) / 4 = 0.6.
          progress: { percent: 53, status: 'needs-attention' },
          score: 0.6,
        },
        { id: 'team', title: 'Team', scope: 'Team', objective: 'The team helps.', label: 'OKR: Team', due: '2030-06-30', parent: 'grow', key_results: [], url: '/#team', phase: 'current', period: '2030-q2' },
      ],
    });
  });

  it('public okrs.json: the same shape, without internal values, roll-ups or drafts; a published score stays', () => {
    const okrs = exported('public', 'okrs.json') as { okrs: Record<string, unknown>[] };
    expect(okrs.okrs.map((o) => o.id)).toEqual(['grow', 'team']);
    expect(okrs.okrs[0]).toEqual({
      id: 'grow', title: 'Grow', scope: 'Company-Wide', objective: 'More people use the product.', label: 'OKR: Grow', due: '2030-06-30', start: '2030-04-01',
      owner: { id: 'alice', name: 'Alice Smith', handle: 'asmith' },
      key_results: [
        { id: 'plugins', title: 'More plugins', kpi: 'app', weight: 3, score: 0.5, publish: { approved_by: 'alice', approved_on: '2030-05-01', fields: ['score'] } },
        { id: 'runs', title: 'More runs', kpi: 'app', weight: 1 },
      ],
      url: '/#grow', phase: 'current', period: '2030-q2',
    });
  });

  it('kpis.json: the KPIs, with the health state in the internal file only', () => {
    const kpi = { id: 'app', name: 'APP', owner: { id: 'alice', name: 'Alice Smith', handle: 'asmith' }, definition: 'Average plugin types per project.', calculation: 'https://example.com/app.sql', direction: 'higher_is_better', url: '/#app' };
    expect(exported('public', 'kpis.json')).toEqual({ version: 1, audience: 'public', today: TODAY, kpis: [kpi] });
    expect(exported('internal', 'kpis.json')).toEqual({ version: 1, audience: 'internal', today: TODAY, kpis: [{ ...kpi, health: { min: 1, max: 3 }, current_value: 0.5, health_state: 'below' }] });
  });

  it('under a base path, each record\'s url is where the site serves it; nothing else changes', async () => {
    const built = await build(root, '--audience', 'internal', '--out', 'dist-based', '--today', TODAY, '--base-url', 'https://example.github.io/handbook/');
    expect([built.code, built.stderr]).toEqual([0, '']);
    const read = (file: string) => JSON.parse(readFileSync(join(root, 'dist-based', file), 'utf8')) as { okrs?: { url: string }[]; kpis?: { url: string }[] };
    const okrs = read('okrs.json');
    const kpis = read('kpis.json');
    expect(okrs.okrs!.map((o) => o.url)).toEqual(['/handbook/draft/#hidden', '/handbook/#grow', '/handbook/#team']);
    expect(kpis.kpis!.map((k) => k.url)).toEqual(['/handbook/#app']);
    const unbased = <T extends { url: string }>(records: T[]) => records.map((r) => ({ ...r, url: r.url.replace(/^\/handbook/, '') }));
    expect({ ...okrs, okrs: unbased(okrs.okrs!) }).toEqual(exported('internal', 'okrs.json'));
    expect({ ...kpis, kpis: unbased(kpis.kpis!) }).toEqual(exported('internal', 'kpis.json'));
  });

  it('validate against `handbook schema --exports`: as a whole, and each against its own definition', () => {
    const validate = validator();
    for (const audience of ['public', 'internal']) {
      for (const file of ['okrs.json', 'kpis.json']) {
        const data = exported(audience, file);
        expect({ audience, file, errors: validate(data) }).toEqual({ audience, file, errors: [] });
        expect({ audience, file, errors: validate(data, `exports#/$defs/${file}`) }).toEqual({ audience, file, errors: [] });
      }
    }
    // The schema is strict: a field it does not document, or a wrong type, fails.
    expect(validate({ ...exported('public', 'okrs.json'), extra: 1 }).length).toBeGreaterThan(0);
    expect(validate({ ...exported('public', 'kpis.json'), version: 2 }).length).toBeGreaterThan(0);
  });

  it('the schema documents every field and marks the internal ones', () => {
    const okr = ((schema.$defs as Record<string, { properties: { okrs: { items: { properties: Record<string, Record<string, unknown>> } } } }>)['okrs.json']!.properties.okrs.items.properties);
    // Every field, the front matter's included: the record schemas describe each (as docs/ requires).
    const undocumented = Object.entries(okr).filter(([, field]) => typeof field.description !== 'string').map(([name]) => name);
    expect(undocumented).toEqual([]);
    expect(Object.entries(okr).filter(([, field]) => field['x-internal'] === true).map(([name]) => name)).toEqual(['retrospective', 'progress', 'score']);
    expect(okr.retrospective!.contentMediaType).toBe('text/markdown');
  });

  it('the sample\'s exports validate too, in both audiences', async () => {
    const sample = makeRoot('sample');
    const results = await Promise.all(['public', 'internal'].map((audience) => build(sample, '--audience', audience, '--out', `dist-${audience}`, '--today', '2022-05-20')));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const validate = validator();
    for (const audience of ['public', 'internal']) for (const file of ['okrs.json', 'kpis.json']) {
      const data = JSON.parse(readFileSync(join(sample, `dist-${audience}`, file), 'utf8')) as unknown;
      expect({ audience, file, errors: validate(data) }).toEqual({ audience, file, errors: [] });
    }
  });
});
