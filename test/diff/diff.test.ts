import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const CONFIG = `site:
  title: Review
people:
  - { id: alice, name: Alice Smith, handle: asmith }
  - { id: bob, name: Bob Jones }
`;

/** A goals page: one OKR with two key results; `edit` changes the YAML of the working-tree version. */
const goals = (edit: (yaml: string) => string = (y) => y) => `---
${edit(`title: Goals
owner: alice
okrs:
  - id: grow
    title: Grow
    scope: Company-Wide
    objective: More people use the product.
    label: "OKR: Grow"
    start: 2030-01-01
    due: 2030-06-30
    owner: alice
    key_results:
      - id: plugins
        title: More plugins per project
        kpi: app
        start_value: 1000.25
        target_value: 2000.75
        current_value: 1600.5
        confidence: 0.8125
        history:
          - { date: 2030-02-01, value: 1300.5 }
          - { date: 2030-03-01, value: 1600.5, confidence: 0.8125 }
      - id: retire
        title: To be dropped
        kpi: app
        issue: https://example.com/issues/4`)}
---
:::okrs
`;

const KPIS = `---
title: Metrics
kpis:
  - id: app
    name: APP
    definition: Average plugin types per project.
    calculation: https://example.com/app.sql
    goal_value: 3000.5
---
:::kpis
`;

const DRAFT = `---
title: Plans
draft: true
okrs:
  - id: secret
    title: Secret plan
    scope: Team
    objective: Nobody outside knows.
    label: "OKR: Secret plan"
    due: 2030-06-30
---
`;

/** A repository whose first commit is the base; the working tree then changes as a merge request would. */
function repository(files: Record<string, string>, changes: Record<string, string>, subfolder = ''): { repo: string; root: string } {
  const repo = writeHandbook(Object.fromEntries(Object.entries(files).map(([f, t]) => [join(subfolder, f), t])));
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'base']);
  for (const [file, text] of Object.entries(changes)) {
    mkdirSync(join(repo, subfolder, file, '..'), { recursive: true });
    writeFileSync(join(repo, subfolder, file), text);
  }
  return { repo, root: join(repo, subfolder) };
}

const BASE_FILES = { 'handbook.config.yaml': CONFIG, 'content/goals.md': goals(), 'content/metrics.md': KPIS, 'content/plans.md': DRAFT };

/** The merge request: a target moved and confidence dropped (the status flips), a check-in added, a key result removed and one added, the owner changed, a score and retrospective written, the KPI's goal moved, the draft's objective reworded. */
const CHANGED = {
  'content/goals.md': goals((y) =>
    y
      .replace('    owner: alice\n    key_results:', '    owner: bob\n    retrospective: We learned a lot about plugins.\n    key_results:')
      .replace('target_value: 2000.75', 'target_value: 2600.75')
      .replace('confidence: 0.8125\n        history', 'confidence: 0.4375\n        score: 0.6875\n        history')
      .replace('          - { date: 2030-03-01, value: 1600.5, confidence: 0.8125 }', '          - { date: 2030-03-01, value: 1600.5, confidence: 0.8125 }\n          - { date: 2030-04-01, value: 1650.5, confidence: 0.4375 }')
      .replace('      - id: retire\n        title: To be dropped\n        kpi: app\n        issue: https://example.com/issues/4', '      - id: adopt\n        title: More adoption\n        kpi: app\n        owner: bob'),
  ),
  'content/metrics.md': KPIS.replace('goal_value: 3000.5', 'goal_value: 3500.5'),
  'content/plans.md': DRAFT.replace('Nobody outside knows.', 'Nobody outside knows yet.'),
};

const diff = (root: string, ...args: string[]) => runCli(['diff', '--root', root, '--base', 'main', '--today', '2030-04-15', ...args]);

describe('handbook diff on a real git repository', () => {
  let root: string;
  beforeAll(() => {
    ({ root } = repository(BASE_FILES, CHANGED));
  });

  it('internal: every changed record, field by field, with its highlights, in page order', async () => {
    const result = await diff(root, '--audience', 'internal', '--format', 'json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual({
      base: 'main',
      audience: 'internal',
      today: '2030-04-15',
      unreadable: [],
      changes: [
        {
          kind: 'okr', id: 'grow', title: 'Grow', file: 'content/goals.md', change: 'changed',
          highlights: [{ kind: 'status-flipped', before: 'on-track', after: 'needs-attention' }],
          fields: [
            { path: 'owner', change: 'changed', before: 'alice', after: 'bob' },
            { path: 'retrospective', change: 'added', after: 'We learned a lot about plugins.' },
          ],
        },
        {
          kind: 'key_result', id: 'grow/plugins', okr: 'grow', title: 'More plugins per project', file: 'content/goals.md', change: 'changed',
          highlights: [
            { kind: 'target-moved', field: 'target_value', before: 2000.75, after: 2600.75 },
            { kind: 'confidence-dropped', before: 0.8125, after: 0.4375 },
            { kind: 'status-flipped', before: 'on-track', after: 'needs-attention' },
          ],
          fields: [
            { path: 'target_value', change: 'changed', before: 2000.75, after: 2600.75 },
            { path: 'confidence', change: 'changed', before: 0.8125, after: 0.4375 },
            { path: 'history[2030-04-01].date', change: 'added', after: '2030-04-01' },
            { path: 'history[2030-04-01].value', change: 'added', after: 1650.5 },
            { path: 'history[2030-04-01].confidence', change: 'added', after: 0.4375 },
            { path: 'score', change: 'added', after: 0.6875 },
          ],
        },
        {
          kind: 'key_result', id: 'grow/adopt', okr: 'grow', title: 'More adoption', file: 'content/goals.md', change: 'added', highlights: [],
          fields: [
            { path: 'id', change: 'added', after: 'adopt' },
            { path: 'title', change: 'added', after: 'More adoption' },
            { path: 'kpi', change: 'added', after: 'app' },
            { path: 'owner', change: 'added', after: 'bob' },
            { path: 'weight', change: 'added', after: 1 },
          ],
        },
        { kind: 'kpi', id: 'app', title: 'APP', file: 'content/metrics.md', change: 'changed', highlights: [{ kind: 'target-moved', field: 'goal_value', before: 3000.5, after: 3500.5 }], fields: [{ path: 'goal_value', change: 'changed', before: 3000.5, after: 3500.5 }] },
        { kind: 'okr', id: 'secret', title: 'Secret plan', file: 'content/plans.md', change: 'changed', highlights: [], fields: [{ path: 'objective', change: 'changed', before: 'Nobody outside knows.', after: 'Nobody outside knows yet.' }] },
        {
          kind: 'key_result', id: 'grow/retire', okr: 'grow', title: 'To be dropped', file: 'content/goals.md', change: 'removed', highlights: [],
          fields: [
            { path: 'id', change: 'removed', before: 'retire' },
            { path: 'title', change: 'removed', before: 'To be dropped' },
            { path: 'kpi', change: 'removed', before: 'app' },
            { path: 'weight', change: 'removed', before: 1 },
            { path: 'issue', change: 'removed', before: 'https://example.com/issues/4' },
          ],
        },
      ],
    });
  });

  it('public: only public fields, no draft, and not one internal value anywhere in the report', async () => {
    const result = await diff(root, '--format', 'json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const report = JSON.parse(result.stdout) as { changes: { id: string; change: string; highlights: unknown[]; fields: { path: string }[] }[] };
    expect(report.changes.map((c) => ({ id: c.id, change: c.change, highlights: c.highlights, fields: c.fields.map((f) => f.path) }))).toEqual([
      { id: 'grow', change: 'changed', highlights: [], fields: ['owner'] },
      { id: 'grow/adopt', change: 'added', highlights: [], fields: ['id', 'title', 'kpi', 'owner', 'weight'] },
      { id: 'grow/retire', change: 'removed', highlights: [], fields: ['id', 'title', 'kpi', 'weight', 'issue'] },
    ]);
    for (const format of ['json', 'markdown']) {
      const out = (await diff(root, '--format', format)).stdout;
      for (const value of ['2000.75', '2600.75', '0.8125', '0.4375', '0.6875', '1650.5', '3500.5', '3000.5', 'learned a lot', 'Secret plan', 'outside knows']) expect({ format, value, found: out.includes(value) }).toEqual({ format, value, found: false });
    }
  });

  it('markdown: a merge-request comment, highlights first, then a table of the fields', async () => {
    const { stdout } = await diff(root, '--audience', 'internal');
    const section = stdout.slice(stdout.indexOf('#### Changed: key result `plugins`'), stdout.indexOf('#### Added'));
    expect(stdout.startsWith('### Handbook changes since `main`\n\n**Internal values**: this report shows every field, drafts included. Post it only where everyone may read internal values.\n\n2 OKRs, 3 key results, 1 KPI: 1 added, 4 changed, 1 removed.\n')).toBe(true);
    expect(section).toBe(
      [
        '#### Changed: key result `plugins` of OKR `grow`',
        '',
        '**More plugins per project** · `content/goals.md`',
        '',
        '- **Target moved** (`target_value`): 2000.75 → 2600.75',
        '- **Confidence dropped**: 0.8125 → 0.4375',
        '- **Status flipped**: On track → Needs attention',
        '',
        '| Field | Before | After |',
        '| --- | --- | --- |',
        '| `target_value` | 2000.75 | 2600.75 |',
        '| `confidence` | 0.8125 | 0.4375 |',
        '| `history[2030-04-01].date` |  | 2030-04-01 |',
        '| `history[2030-04-01].value` |  | 1650.5 |',
        '| `history[2030-04-01].confidence` |  | 0.4375 |',
        '| `score` |  | 0.6875 |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', async () => {
    const { root: same } = repository(BASE_FILES, {});
    expect(await diff(same)).toEqual({ code: 0, stderr: '', stdout: '### Handbook changes since `main`\n\nPublic fields only: internal values (and drafts) are left out unless an approval publishes them.\n\nNo OKR, key result or KPI changed.\n' });
  });
});

describe('handbook diff: what it cannot compare', () => {
  it('a file whose front matter fails on one side is named, and its records are neither added nor removed', async () => {
    const { root } = repository(BASE_FILES, { 'content/goals.md': goals((y) => y.replace('due: 2030-06-30', 'due: someday')), 'content/metrics.md': KPIS.replace('goal_value: 3000.5', 'goal_value: 3500.5') });
    const result = await diff(root, '--audience', 'internal', '--format', 'json');
    const report = JSON.parse(result.stdout) as { changes: { id: string }[]; unreadable: unknown[] };
    expect(report.unreadable).toEqual([{ side: 'working tree', file: 'content/goals.md' }]);
    expect(report.changes.map((c) => c.id)).toEqual(['app']);
    expect((await diff(root, '--audience', 'internal')).stdout).toContain('Not compared, because their front matter does not validate (`handbook check` says why): `content/goals.md` (working tree).');
  });

  it('records of a file added since the base are added', async () => {
    const { 'content/goals.md': _goals, ...files } = BASE_FILES;
    const { root } = repository(files, { 'content/goals.md': goals() });
    const report = JSON.parse((await diff(root, '--format', 'json')).stdout) as { changes: { id: string; change: string }[] };
    expect(report.changes.map((c) => `${c.change} ${c.id}`)).toEqual(['added grow', 'added grow/plugins', 'added grow/retire']);
  });

  it('a handbook in a folder of the repository: paths from the handbook root, revision read from the repository', async () => {
    const { root } = repository(BASE_FILES, { 'content/metrics.md': KPIS.replace('goal_value: 3000.5', 'goal_value: 3500.5') }, 'docs/handbook');
    const report = JSON.parse((await diff(root, '--audience', 'internal', '--format', 'json')).stdout) as { changes: { id: string; file: string }[] };
    expect(report.changes.map((c) => [c.id, c.file])).toEqual([['app', 'content/metrics.md']]);
  });

  it('a revision git does not know, or no repository at all, is a usage error (exit 2)', async () => {
    const { root } = repository(BASE_FILES, {});
    const unknown = await runCli(['diff', '--root', root, '--base', 'no-such-branch']);
    expect([unknown.code, unknown.stdout, unknown.stderr.split('\n')[0]]).toEqual([2, '', 'handbook: --base no-such-branch names no commit of the repository']);
    const plain = writeHandbook(BASE_FILES);
    const outside = await runCli(['diff', '--root', plain, '--base', 'main']);
    expect([outside.code, outside.stdout]).toEqual([2, '']);
    expect(outside.stderr.split('\n')[0]).toMatch(/^handbook: .* is not in a git repository that git can read: /);
    const missing = await runCli(['diff', '--root', root]);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'handbook: diff needs --base REF: the git revision to compare the working tree with (a branch, tag or commit)']);
  });

  it('a config that fails is reported as check reports it (exit 2)', async () => {
    const { root } = repository(BASE_FILES, { 'handbook.config.yaml': `${CONFIG}approvers:\n  - { id: carol }\n` });
    const result = await diff(root);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('handbook.config.yaml:7:11  error  approver `carol` has no `name` and is not a person in `people`  person/unknown');
  });

  it('leaves the working tree and the repository as they were', async () => {
    const { repo, root } = repository(BASE_FILES, CHANGED);
    const status = git(repo, ['status', '--porcelain']);
    const head = git(repo, ['rev-parse', 'HEAD']);
    await diff(root);
    expect([git(repo, ['status', '--porcelain']), git(repo, ['rev-parse', 'HEAD'])]).toEqual([status, head]);
  });
});
