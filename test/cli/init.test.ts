import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkJson, runCli, type CliResult } from '../helpers/cli.js';
import { listFiles } from '../helpers/files.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const FILES = [
  '.github/workflows/handbook.yml',
  '.gitignore',
  '.gitlab-ci.yml',
  'content/company/goals.md',
  'content/company/index.md',
  'content/company/metrics.md',
  'content/index.md',
  'handbook.config.yaml',
  'package.json',
];

describe('handbook init in an empty folder', () => {
  let root: string;
  let result: CliResult;
  beforeAll(async () => {
    root = join(tempDir(), 'acme-handbook');
    result = await runCli(['init', root]);
  });

  it('writes a handbook repository and says what to do next', () => {
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(listFiles(root)).toEqual(FILES);
    expect(result.stdout).toContain(`Created a handbook in ${root}:\n  handbook.config.yaml\n`);
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).toContain('npx handbook serve');
  });

  it('passes check with no problem at all, and builds both audiences', async () => {
    const checked = await checkJson(root);
    expect([checked.code, checked.diagnostics]).toEqual([0, []]);
    for (const audience of ['public', 'internal']) {
      const built = await runCli(['build', '--root', root, '--audience', audience, '--out', `dist-${audience}`]);
      expect([built.code, built.stderr], audience).toEqual([0, '']);
    }
    // The OKR's key result moves the KPI: the internal site shows its progress, the public one leaves the values out.
    const internal = readFileSync(join(root, 'dist-internal/company/goals/index.html'), 'utf8');
    expect(internal).toContain('href="/company/metrics/#weekly-active-editors"');
    expect(internal).toMatch(/On track|Needs attention|At risk/);
    expect(readFileSync(join(root, 'dist-public/company/goals/index.html'), 'utf8')).not.toMatch(/On track|Needs attention|At risk/);
  });

  it('takes the title from the folder, and writes a config whose comments are the schema descriptions', () => {
    const config = readFileSync(join(root, 'handbook.config.yaml'), 'utf8');
    expect(parse(config)).toEqual({
      site: { title: 'Acme handbook', branch: 'main' },
      approvers: [{ id: 'ceo', name: 'Chief Executive Officer' }],
      links: { broken: 'error' },
      okrs: { max_current: 3 },
      nav: { generated: 'last' },
      search: { shard_pages: 1000 },
      values: { in_content: 'allow' },
      markdown: { parser: 'comrak' },
    });
    expect(config).toContain("  # The handbook's name: in the header, the footer and every page's title.\n  title: Acme handbook\n");
    expect(config).toContain('  # url: https://handbook.example.com\n');
    expect(config).toContain('# pages:\n');
  });

  it('ignores what a build, a serve and npm leave behind', () => {
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', '.cache/', 'dist/', 'dist-internal/', 'public/']));
  });

  it('depends on okr-handbook, with scripts for the three commands an editor runs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg.devDependencies).toEqual({ 'okr-handbook': expect.stringMatching(/^\^\d+\.\d+\.\d+/) });
    expect(pkg.scripts).toEqual({ check: 'handbook check', build: 'handbook build', serve: 'handbook serve' });
  });

  it('writes a GitHub Actions workflow: full history, annotated check on every push and pull request (--since the base branch on a pull request), both audiences, Pages from the default branch, the review diff posted on a pull request', () => {
    const workflow = parse(readFileSync(join(root, '.github/workflows/handbook.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]; if?: string; needs?: string; permissions?: Record<string, string> }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    const steps = workflow.jobs.build!.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx handbook check --format github', 'npx handbook check --format github --since "origin/$BASE_REF"', 'npx handbook build --out dist', 'npx handbook build --audience internal --out dist-internal']);
    expect(steps.at(-1)).toMatchObject({ uses: 'actions/upload-pages-artifact@v3', with: { path: 'dist' } });
    expect(workflow.jobs.deploy).toMatchObject({ needs: 'build', permissions: { pages: 'write', 'id-token': 'write' }, steps: [{ uses: 'actions/deploy-pages@v4' }] });
    expect(workflow.jobs.deploy!.if).toContain('github.event.repository.default_branch');
    // The review diff: its own job, the only one that may write to the pull request.
    expect(workflow.jobs.review).toMatchObject({ permissions: { 'pull-requests': 'write' } });
    expect(workflow.jobs.review!.if).toContain("github.event_name == 'pull_request'");
    expect(workflow.jobs.review!.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(workflow.jobs.review!.steps.at(-1)!.run).toMatch(/^npx handbook diff --base "\$BASE" --audience internal --format markdown > handbook-diff\.md\ngh pr comment /);
  });

  it('writes a GitLab CI pipeline: full history, a Code Quality report on merge requests, both audiences, Pages from the default branch, check --since and the review diff on merge requests', () => {
    const pipeline = parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; artifacts?: Record<string, unknown>; rules?: unknown[]; needs?: string[] }> & { variables: Record<string, unknown> };
    expect(pipeline.variables).toEqual({ GIT_DEPTH: 0 });
    expect(pipeline.check!.script).toEqual(['npx handbook check --format gitlab > gl-code-quality-report.json || true', 'npx handbook check']);
    expect(pipeline.check!.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    expect(pipeline.review).toMatchObject({ rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }], artifacts: { paths: ['handbook-diff.md'] } });
    const review = pipeline.review!.script!;
    expect(review.filter((line) => line.startsWith('npx handbook'))).toEqual([
      'npx handbook diff --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --audience internal --format markdown > handbook-diff.md',
      'npx handbook check --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"',
    ]);
    // Posted only with a token: a new handbook's merge requests pass without one.
    expect(review.find((line) => line.includes('/notes'))).toMatch(/^if \[ -z "\$HANDBOOK_BOT_TOKEN" \]; then /);
    expect(pipeline.build!.script).toEqual(['npx handbook build --out public', 'npx handbook build --audience internal --out dist-internal']);
    expect(pipeline.pages).toMatchObject({ needs: ['build'], artifacts: { paths: ['public'] }, rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }] });
  });
});

describe('handbook init refuses to overwrite', () => {
  it('writes nothing when one of its files exists, and names it', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content/index.md'), '---\ntitle: Mine\n---\n');
    writeFileSync(join(root, '.gitignore'), 'mine\n');
    const before = treeHash(root);
    const result = await runCli(['init'], { cwd: root });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `handbook: content/index.md, .gitignore already exist in ${root}; init overwrites nothing, so it wrote nothing (init into an empty folder, or move them away)\n`,
    });
    expect(treeHash(root)).toBe(before);
  });

  it('keeps a package.json that is there, and says so', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), '{ "name": "mine" }\n');
    const result = await runCli(['init', '--title', 'Ours'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kept the existing package.json; add okr-handbook to its devDependencies if it is not there.');
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe('{ "name": "mine" }\n');
    expect(readFileSync(join(root, 'handbook.config.yaml'), 'utf8')).toContain('  title: Ours\n');
  });

  it('refuses a DIR that is a file', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), '');
    expect(await runCli(['init', 'file'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: `handbook: ${join(root, 'file')} is a file, not a folder\n` });
    expect(existsSync(join(root, 'content'))).toBe(false);
  });
});
