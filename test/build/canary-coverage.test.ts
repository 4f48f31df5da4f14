import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalFields } from '../../schemas/visibility.js';
import { canaries, KINDS, leafPaths, records, where, type Kind } from './canaries.js';
import { FIXTURES } from './helpers.js';

const ROOT = join(FIXTURES, 'canary');
const all = canaries(ROOT);

describe('the canary fixture covers every internal field the schemas declare', () => {
  // Read from the schemas, so a field declared internal tomorrow fails here until the fixture gets a canary.
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const schema = KINDS[kind];
    const fields = internalFields(schema);

    it(`${kind}: the schema declares internal fields, and every record of the fixture carries all of them`, () => {
      expect(fields.length).toBeGreaterThan(0);
      const mine = records(ROOT).filter((r) => r.kind === kind);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      for (const r of mine) expect({ record: r.id, missing: fields.filter((f) => !(f in r.data)) }).toEqual({ record: r.id, missing: [] });
    });

    it(`${kind}: every leaf of every internal field holds an unpublished canary on a public page`, () => {
      const wanted = fields.flatMap((field) => leafPaths(schema.shape[field as keyof typeof schema.shape]).map((leaf) => `${field}${leaf}`));
      const covered = new Set(all.filter((c) => c.kind === kind && !c.published && !c.draft).map(where));
      expect(wanted.filter((w) => !covered.has(w))).toEqual([]);
    });
  }

  it('publishes some fields of one OKR, one key result and one KPI, so "exactly those fields" can be checked', () => {
    const published = records(ROOT).filter((r) => r.published.size > 0).map((r) => ({ kind: r.kind, id: r.id, fields: [...r.published].sort() }));
    expect(published).toEqual([
      { kind: 'key_result', id: 'grow-feathers', fields: ['current_value', 'dashboard', 'history'] },
      { kind: 'okr', id: 'tend-the-nest', fields: ['retrospective'] },
      { kind: 'kpi', id: 'feather-count', fields: ['goal_value', 'health'] },
    ]);
  });

  it('has a draft page with records of every kind', () => {
    expect(records(ROOT).filter((r) => r.draft).map((r) => `${r.kind}:${r.id}`)).toEqual(['okr:hatch-the-secret-egg', 'key_result:warm-the-egg', 'kpi:secret-egg-warmth']);
  });

  it('every canary is written exactly once in the whole fixture, so finding it anywhere names its source', () => {
    const dir = join(ROOT, 'content');
    const text = [readFileSync(join(ROOT, 'handbook.config.yaml'), 'utf8'), ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))].join('\n');
    const count = (s: string) => text.split(s).length - 1;
    expect(all.filter((c) => count(c.text) !== 1).map((c) => `${c.record}.${where(c)}=${c.text}`)).toEqual([]);
    // Short texts would match unrelated output (`30` in CSS); the canaries are long enough to be unambiguous.
    expect(all.filter((c) => c.text.length < 6)).toEqual([]);
  });
});
