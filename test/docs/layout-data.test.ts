import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageViewSchema, SiteDataSchema } from '../../schemas/layout-data.js';
import { AUDIENCES } from '../../schemas/visibility.js';
import { resolvePaths } from '../../src/config/paths.js';
import { checkHandbook } from '../../src/pipeline/index.js';
import { project } from '../../src/pipeline/project.js';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

/**
 * The layout reference (docs/layouts.md) is made from schemas/layout-data.ts,
 * and the views' types are inferred from it; this holds it to what layouts
 * really receive: every view of real builds, body included, parsed strictly.
 */
const HANDBOOKS = [
  { name: 'the sample handbook', source: REPO, today: '2026-06-15' },
  // Every internal field, some published, a draft: the richest views there are.
  { name: 'the canary fixture', source: join(REPO, 'test/fixtures/build/canary'), today: '2031-06-15' },
  // A values directory (read by the internal site only) and an approval: approvals and the transparency page.
  { name: 'the values fixture', source: join(REPO, 'test/fixtures/build/values'), today: '2030-06-15' },
];

describe.each(HANDBOOKS)('the layout data of $name', ({ source, today }) => {
  it.each(AUDIENCES)('%s: every page view and the site data are what the schema says, key for key', async (audience) => {
    const root = tempDir();
    cpSync(join(source, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(source, 'handbook.config.yaml'), join(root, 'handbook.config.yaml'));
    if (existsSync(join(source, 'values'))) cpSync(join(source, 'values'), join(root, 'values'), { recursive: true });
    const ctx = { paths: resolvePaths(root, {}), today, cache: false, readValues: audience === 'internal' };
    const checked = await checkHandbook(ctx, true);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const projected = await project(checked.handbook!, checked.analyzed!, checked.config!, { ...ctx, audience, base: '', layouts: checked.layouts! });
    expect(SiteDataSchema.safeParse(projected.site).error).toBeUndefined();
    const views = projected.views.map(projected.withBody);
    expect(views.some((v) => v.okrs.some((o) => o.keyResults.length > 0)) && views.some((v) => v.kpis.length > 0) && views.some((v) => v.groups) && views.some((v) => v.transparency)).toBe(true);
    for (const view of views) expect(PageViewSchema.safeParse(view).error?.issues, view.url).toBeUndefined();
    // Control: a key the schema does not declare, even deep inside, fails the parse.
    const withOkr = views.find((v) => v.okrs.some((o) => o.keyResults.length > 0))!;
    const [okr, ...okrs] = withOkr.okrs.filter((o) => o.keyResults.length > 0);
    const [kr, ...krs] = okr!.keyResults;
    expect(PageViewSchema.safeParse({ ...withOkr, okrs: [{ ...okr, keyResults: [{ ...kr, undeclared: 1 }, ...krs] }, ...okrs] }).success).toBe(false);
  });
});
