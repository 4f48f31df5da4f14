import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson, runCli } from '../helpers/cli.js';
import { copySample, removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { frontMatter } from '../build/helpers.js';

afterAll(removeTempDirs);

const TODAY = '2026-05-10';

/** `handbook new …` in `root`, on TODAY. */
const make = (root: string, ...args: string[]) => runCli(['new', ...args, '--today', TODAY], { cwd: root });

describe('handbook new page|okr|kpi PATH', () => {
  it('writes each kind into the sample handbook, and each passes check as it is', async () => {
    const root = copySample();
    expect(await make(root, 'page', 'company/values')).toEqual({ code: 0, stdout: 'Wrote content/company/values.md (served at /company/values/).\n', stderr: '' });
    expect(await make(root, 'okr', 'company/goals-2026', '--title', 'Grow the Community!')).toMatchObject({ code: 0, stderr: '' });
    expect(await make(root, 'kpi', 'content/data-team/weekly-contributors.md')).toMatchObject({ code: 0, stderr: '' });
    expect(await make(root, 'page', 'people/')).toEqual({ code: 0, stdout: 'Wrote content/people/index.md (served at /people/).\n', stderr: '' });
    const checked = await checkJson(root, ['--today', TODAY]);
    expect([checked.code, checked.diagnostics]).toEqual([0, []]);
    expect((await runCli(['build', '--root', root, '--today', TODAY])).code).toBe(0);
  });

  it('makes an OKR whose id and label come from the title, over the current quarter, and offers the KPIs for its key result', async () => {
    const root = copySample();
    await make(root, 'okr', 'company/goals-2026', '--title', 'Grow the Community!');
    const file = join(root, 'content/company/goals-2026.md');
    expect(frontMatter(file)).toEqual({
      title: 'Grow the Community!',
      okrs: [
        {
          id: 'grow-the-community',
          title: 'Grow the Community!',
          scope: 'Company-Wide',
          objective: 'What we will achieve, in a sentence or two.',
          label: 'OKR: Grow the Community!',
          start: '2026-04-01',
          due: '2026-06-30',
        },
      ],
    });
    expect(readFileSync(file, 'utf8')).toContain('    #     kpi: one of pipeline-runs, app, orchestrator-plugin-usage, transformer-plugin-usage, bi-utility-plugin-usage, other-utility-plugin-usage');
    expect(readFileSync(file, 'utf8')).toMatch(/\n:::okrs\n$/);
  });

  it('makes a KPI whose calculation is a section of its own page, and whose id comes from the file name', async () => {
    const root = copySample();
    await make(root, 'kpi', 'data-team/weekly-contributors');
    const kpis = frontMatter(join(root, 'content/data-team/weekly-contributors.md')).kpis;
    expect(kpis).toEqual([
      { id: 'weekly-contributors', name: 'Weekly contributors', definition: 'What the metric counts, and why it matters. Markdown.', calculation: '/data-team/weekly-contributors/#calculation', direction: 'higher_is_better' },
    ]);
    expect(readFileSync(join(root, 'content/data-team/weekly-contributors.md'), 'utf8')).toContain('\n:::kpis\n\n## Calculation\n');
  });

  it('makes the content folder of a handbook that has none yet', async () => {
    const root = writeHandbook({ 'handbook.config.yaml': 'site: { title: New }\n' });
    expect((await make(root, 'page', 'index')).code).toBe(0);
    expect([(await checkJson(root)).code, (await checkJson(root)).diagnostics]).toEqual([0, []]);
  });
});

describe('handbook new refuses, writes nothing and says why', () => {
  const cases: [string, Record<string, string>, string[], (root: string) => string][] = [
    ['a file that exists', { 'content/a.md': '---\ntitle: A\n---\n' }, ['page', 'a'], () => 'content/a.md already exists; choose another PATH'],
    ['a URL another page serves', { 'content/a/b.md': '---\ntitle: B\n---\n' }, ['page', 'a/b/'], () => "the URL /a/b/ is content/a/b.md's; choose another PATH"],
    ['a URL okr-handbook generates', {}, ['page', 'okrs'], () => 'the URL /okrs/ is taken; choose another PATH'],
    [
      'an OKR id that is taken',
      { 'content/goals.md': '---\ntitle: Goals\nokrs:\n  - { id: growth, title: Growth, scope: All, objective: Grow., label: "OKR: More", due: 2026-06-30 }\n---\n' },
      ['okr', 'more', '--title', 'Growth'],
      () => 'content/goals.md defines an OKR with the id `growth`; choose another --title',
    ],
    [
      'an OKR label that is taken',
      { 'content/goals.md': '---\ntitle: Goals\nokrs:\n  - { id: other, title: Growth, scope: All, objective: Grow., label: "OKR: Growth", due: 2026-06-30 }\n---\n' },
      ['okr', 'more', '--title', 'Growth'],
      () => 'content/goals.md defines an OKR labelled `OKR: Growth`; choose another --title',
    ],
    [
      'a KPI id that is taken',
      { 'content/kpis.md': '---\ntitle: KPIs\nkpis:\n  - { id: mrr, name: MRR, definition: Money., calculation: "https://example.com/q" }\n---\n' },
      ['kpi', 'money', '--title', 'MRR'],
      () => 'content/kpis.md defines a KPI with the id `mrr`; choose another --title',
    ],
    ['a path outside the content folder', {}, ['page', '../notes'], (root) => `../notes is outside the content folder ${join(root, 'content')}`],
    ['a hidden file', {}, ['page', '.drafts/a'], () => '.drafts/a is hidden (a name starting with a dot): check and build skip it'],
  ];
  it.each(cases)('%s', async (_name, files, args, message) => {
    const root = writeHandbook({ 'content/index.md': '---\ntitle: Home\n---\n', ...files });
    const before = treeHash(join(root, 'content'));
    expect(await make(root, ...args)).toEqual({ code: 2, stdout: '', stderr: `handbook: ${message(root)}\n` });
    expect(treeHash(join(root, 'content'))).toBe(before);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
