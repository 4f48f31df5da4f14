import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import { publishedFields } from '../../schemas/publish.js';
import { internalFields } from '../../schemas/visibility.js';
import { assertProjected, InternalDataError } from '../../src/eleventy/guard.js';
import type { PageView } from '../../src/view/page.js';
import { removeTempDirs } from '../helpers/temp.js';
import { runCli } from '../helpers/cli.js';
import { build, filesWith, leftovers, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const approvers = [{ id: 'ceo' }];
const published = publishedFields({ approvers, today: '2030-01-01' });
/** A page view as the guard sees it: only its records matter. */
const view = (records: { okrs?: unknown[]; kpis?: unknown[]; groups?: unknown[] }) => ({ url: '/x/', okrs: [], kpis: [], ...records }) as unknown as PageView;

describe('assertProjected, the last check before templates, driven by the schemas', () => {
  it('throws InternalDataError naming the page and the path of an internal field, however deep', () => {
    const views = [view({ okrs: [{ id: 'o', keyResults: [{ id: 'kr', current_value: 7 }] }] })];
    expect(() => assertProjected(views, published)).toThrow(new InternalDataError('/x/ okrs[0].keyResults[0].current_value'));
    expect(() => assertProjected(views, published)).toThrow('internal field `/x/ okrs[0].keyResults[0].current_value` reached Eleventy in a public build');
  });

  it('throws for every field the schemas declare internal, on key results and KPIs, and on the /okrs/ groups', () => {
    for (const key of internalFields(KeyResultSchema)) expect(() => assertProjected([view({ okrs: [{ keyResults: [{ [key]: 1 }] }] })], published)).toThrow(InternalDataError);
    for (const key of internalFields(KpiSchema)) expect(() => assertProjected([view({ kpis: [{ [key]: 1 }] })], published)).toThrow(InternalDataError);
    expect(() => assertProjected([view({ groups: [{ okrs: [{ keyResults: [{ target_value: 1 }] }] }] })], published)).toThrow(new InternalDataError('/x/ groups[0].okrs[0].keyResults[0].target_value'));
  });

  it("lets a field through when the record's own valid approval publishes it, and only that one", () => {
    const publish = { approved_by: 'ceo', approved_on: '2029-12-01', fields: ['current_value'] };
    expect(() => assertProjected([view({ kpis: [{ current_value: 7, publish }] })], published)).not.toThrow();
    expect(() => assertProjected([view({ kpis: [{ current_value: 7, goal_value: 9, publish }] })], published)).toThrow(new InternalDataError('/x/ kpis[0].goal_value'));
    // An approval by someone who is not an approver, or dated after today, publishes nothing: the projection's own rule.
    expect(() => assertProjected([view({ kpis: [{ current_value: 7, publish: { ...publish, approved_by: 'intern' } }] })], published)).toThrow(InternalDataError);
    expect(() => assertProjected([view({ kpis: [{ current_value: 7, publish: { ...publish, approved_on: '2031-01-01' } }] })], published)).toThrow(InternalDataError);
  });

  it('knows fields by their schema, not their name: a page key named like an internal field is not a record field', () => {
    expect(() => assertProjected([{ ...view({}), extra: { dashboard: 'x', current_value: 1 } } as PageView], published)).not.toThrow();
    expect(() => assertProjected([view({ okrs: [{ id: 'a', title: 'T', keyResults: [{ id: 'b', kpi: 'c', progress: { percent: 50 } }] }] })], published)).not.toThrow();
  });
});

describe('the guard in a real public build', () => {
  // A published history is public as a whole, check-in confidences included.
  it('publishes a history whose check-ins carry a confidence', async () => {
    const root = makeRoot({ fixture: 'publish-history-confidence' });
    const result = await build(root, '--today', '2031-06-15');
    expect(result.code).toBe(0);
    expect(filesWith(readTexts(join(root, 'dist')), '7904.449')).toContain('index.html');
  });

  it('control: the same handbook without check-in confidences builds and shows the published history', async () => {
    const root = makeRoot({ fixture: 'publish-history-confidence' });
    const file = join(root, 'content/index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/, confidence: 0\.\d+/g, ''));
    const result = await build(root, '--today', '2031-06-15');
    expect(result.code).toBe(0);
    expect(filesWith(readTexts(join(root, 'dist')), '7904.449')).toContain('index.html');
  });

  // Regression: the guard knew internal fields by name, so a page key `dashboard:` listed in `pages.extra_keys` passed check and failed the public build.
  it("builds a page whose extra key is named like an internal record field: it is the page's own public key", async () => {
    const root = makeRoot({ fixture: 'guard-extra-key' });
    const check = await runCli(['check', '--root', root, '--no-cache']);
    const result = await build(root);
    expect([check.code, result.code, result.stderr]).toEqual([0, 0, '']);
    expect(existsSync(join(root, 'dist/index.html'))).toBe(true);
    expect(leftovers(root)).toEqual([]);
  });
});
