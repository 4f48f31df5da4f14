import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoInternalData, InternalDataError } from '../../src/eleventy/guard.js';
import { removeTempDirs } from '../helpers/temp.js';
import { build, filesWith, leftovers, makeRoot, PACKAGE_LAYOUTS, readTexts } from './helpers.js';

afterAll(removeTempDirs);

describe('assertNoInternalData, the last check before templates', () => {
  it('throws InternalDataError naming the path of an internal key, however deep', () => {
    const data = { pages: [{ okrs: [{ keyResults: [{ id: 'kr', current_value: 7 }] }] }] };
    expect(() => assertNoInternalData(data, 'build')).toThrow(new InternalDataError('build.pages[0].okrs[0].keyResults[0].current_value'));
    expect(() => assertNoInternalData(data, 'build')).toThrow('internal field `build.pages[0].okrs[0].keyResults[0].current_value` reached Eleventy in a public build');
  });

  it('throws for every internal field name of either record kind', () => {
    for (const key of ['start_value', 'target_value', 'current_value', 'confidence', 'history', 'dashboard', 'health', 'goal_value']) {
      expect(() => assertNoInternalData({ [key]: undefined }, 'hb')).toThrow(InternalDataError);
    }
  });

  it('lets a field through when the same object publishes it, and only that one', () => {
    expect(() => assertNoInternalData({ current_value: 7, publish: { fields: ['current_value'] } }, 'hb')).not.toThrow();
    expect(() => assertNoInternalData({ current_value: 7, target_value: 9, publish: { fields: ['current_value'] } }, 'hb')).toThrow(new InternalDataError('hb.target_value'));
    // An approval on the parent does not publish the child's fields.
    expect(() => assertNoInternalData({ publish: { fields: ['current_value'] }, kr: { current_value: 7 } }, 'hb')).toThrow(new InternalDataError('hb.kr.current_value'));
  });

  it('accepts public data and survives cycles', () => {
    const data: Record<string, unknown> = { title: 'x', okrs: [{ id: 'a', keyResults: [{ id: 'b', kpi: 'c' }] }] };
    data.self = data;
    expect(() => assertNoInternalData(data, 'hb')).not.toThrow();
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

  // Eleventy wraps the guard's error twice; the diagnostic still names the guard.
  it('reports a guard stop as build/internal-data', async () => {
    const root = makeRoot({ fixture: 'guard-extra-key' });
    const result = await build(root);
    expect(result.stdout).toContain('build/internal-data');
  });

  it('stops the build, writes nothing and never prints the value (what the guard exists for)', async () => {
    const root = makeRoot({ fixture: 'guard-extra-key' });
    const result = await build(root);
    const layouts = relative(root, PACKAGE_LAYOUTS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${layouts}:1:1  error  internal field \`build.pages[0].extra.dashboard\` reached Eleventy in a public build  `);
    expect(result.stdout).not.toContain('7801');
    expect([existsSync(join(root, 'dist')), leftovers(root)]).toEqual([false, []]);
  });
});
