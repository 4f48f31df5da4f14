import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const WEIGHTY = '---\ntitle: Weighty\nweight: two\nsubcategory: OKRs\n---\nBody.\n';
// A comma and a colon in a file name must be escaped in GitHub's `file=` property.
const ODD_NAME = 'content/odd,name:x.md';
const ODD = '---\ntitle: Weighty\nweight: two\n---\nBody.\n';

const WEIGHT_MESSAGE = 'expected number, got string `two`';
const WEIGHT_HINT = 'write a number';
const SUBCATEGORY_MESSAGE =
  'Unexpected page key `subcategory`, expected one of `title`, `weight`, `layout`, `description`, `permalink`, `redirect_from`, `draft`, `owner`, `okrs`, `kpis`; it is dropped';
const SUBCATEGORY_HINT = 'remove it, or list it in `pages.extra_keys` in handbook.config.yaml';

const PRETTY = `content/a.md:3:9  error  ${WEIGHT_MESSAGE}  schema/invalid-type
  path: weight
  hint: ${WEIGHT_HINT}
    1 | ---
    2 | title: Weighty
  > 3 | weight: two
      |         ^
    4 | subcategory: OKRs

content/a.md:4:1  warning  ${SUBCATEGORY_MESSAGE}  page/unknown-key
  path: subcategory
  hint: ${SUBCATEGORY_HINT}
    2 | title: Weighty
    3 | weight: two
  > 4 | subcategory: OKRs
      | ^
    5 | ---

content/odd,name:x.md:3:9  error  ${WEIGHT_MESSAGE}  schema/invalid-type
  path: weight
  hint: ${WEIGHT_HINT}
    1 | ---
    2 | title: Weighty
  > 3 | weight: two
      |         ^
    4 | ---

✖ 2 files checked: 2 errors, 1 warning
`;

describe('the sample handbook of this repository', () => {
  it('passes, and pretty output is only the summary line counting every content file', async () => {
    const files = readdirSync(join(REPO, 'content'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md'));
    const result = await runCli(['check', '--root', REPO]);
    expect(result).toEqual({ code: 0, stdout: `✔ ${files.length} files checked: no problems\n`, stderr: '' });
  });
});

describe('report formats', () => {
  let root: string;
  beforeAll(() => {
    root = writeHandbook({ 'content/a.md': WEIGHTY, [ODD_NAME]: ODD });
  });

  it('pretty: place, rule, path, hint and a code frame with a ^ under the column', async () => {
    expect(await runCli(['check', '--root', root])).toEqual({ code: 1, stdout: PRETTY, stderr: '' });
  });

  it('github: one workflow command per problem, properties and data escaped', async () => {
    const stdout = [
      `::error file=content/a.md,line=3,col=9,endLine=3,endColumn=12,title=schema/invalid-type::${WEIGHT_MESSAGE}%0Apath: weight%0Ahint: ${WEIGHT_HINT}`,
      `::warning file=content/a.md,line=4,col=1,endLine=4,endColumn=12,title=page/unknown-key::${SUBCATEGORY_MESSAGE}%0Apath: subcategory%0Ahint: ${SUBCATEGORY_HINT}`,
      `::error file=content/odd%2Cname%3Ax.md,line=3,col=9,endLine=3,endColumn=12,title=schema/invalid-type::${WEIGHT_MESSAGE}%0Apath: weight%0Ahint: ${WEIGHT_HINT}`,
      '',
    ].join('\n');
    expect(await runCli(['check', '--root', root, '--format', 'github'])).toEqual({ code: 1, stdout, stderr: '' });
  });

  it('json: an indented array with the contract key order, optional keys only when set', async () => {
    const result = await runCli(['check', '--root', root, '--format', 'json']);
    const expected = [
      { file: 'content/a.md', line: 3, column: 9, endLine: 3, endColumn: 12, severity: 'error', code: 'schema/invalid-type', path: 'weight', message: WEIGHT_MESSAGE, hint: WEIGHT_HINT },
      { file: 'content/a.md', line: 4, column: 1, endLine: 4, endColumn: 12, severity: 'warning', code: 'page/unknown-key', path: 'subcategory', message: SUBCATEGORY_MESSAGE, hint: SUBCATEGORY_HINT },
      { file: ODD_NAME, line: 3, column: 9, endLine: 3, endColumn: 12, severity: 'error', code: 'schema/invalid-type', path: 'weight', message: WEIGHT_MESSAGE, hint: WEIGHT_HINT },
    ];
    // Comparing the text, not the parsed value, also pins key order and indentation.
    expect(result).toEqual({ code: 1, stdout: `${JSON.stringify(expected, null, 2)}\n`, stderr: '' });
  });

  it('gitlab: a Code Quality report, one issue per problem, with a fingerprint that ignores the line', async () => {
    const result = await runCli(['check', '--root', root, '--format', 'gitlab']);
    const rows = JSON.parse(result.stdout) as { fingerprint: string }[];
    expect(result.code).toBe(1);
    expect(rows.map(({ fingerprint, ...row }) => row)).toEqual([
      { description: `${WEIGHT_MESSAGE} (weight); hint: ${WEIGHT_HINT}`, check_name: 'schema/invalid-type', severity: 'major', location: { path: 'content/a.md', lines: { begin: 3, end: 3 } } },
      { description: `${SUBCATEGORY_MESSAGE} (subcategory); hint: ${SUBCATEGORY_HINT}`, check_name: 'page/unknown-key', severity: 'minor', location: { path: 'content/a.md', lines: { begin: 4, end: 4 } } },
      { description: `${WEIGHT_MESSAGE} (weight); hint: ${WEIGHT_HINT}`, check_name: 'schema/invalid-type', severity: 'major', location: { path: ODD_NAME, lines: { begin: 3, end: 3 } } },
    ]);
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(3);
    // The same problem two lines lower is the same issue to GitLab.
    const moved = writeHandbook({ 'content/a.md': WEIGHTY.replace('title: Weighty\n', 'title: Weighty\ndescription: x\ndraft: false\n'), [ODD_NAME]: ODD });
    const again = JSON.parse((await runCli(['check', '--root', moved, '--format', 'gitlab'])).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    expect(again[0]!.location.lines.begin).toBe(5);
    expect(again[0]!.fingerprint).toBe(rows[0]!.fingerprint);
  });

  it('json: a clean handbook prints an empty array', async () => {
    const clean = writeHandbook({ 'content/index.md': '---\ntitle: Home\n---\n' });
    expect(await runCli(['check', '--root', clean, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('exit codes', () => {
  let warningOnly: string;
  beforeAll(() => {
    warningOnly = writeHandbook({ 'content/a.md': '---\ntitle: Migrated\nsubcategory: OKRs\n---\n' });
  });

  it('warnings alone exit 0, and the summary says so', async () => {
    const result = await runCli(['check', '--root', warningOnly]);
    expect({ code: result.code, summary: result.stdout.split('\n').at(-2) }).toEqual({ code: 0, summary: '⚠ 1 file checked: 0 errors, 1 warning' });
  });

  it('--strict makes warnings exit 1', async () => {
    expect((await runCli(['check', '--root', warningOnly, '--strict'])).code).toBe(1);
  });

  describe('usage errors exit 2 with the message and the help of their command (or the overview) on stderr, nothing on stdout', () => {
    it.each([
      [['check', '--bogus'], "Unknown option '--bogus'", 'check'],
      [['check', '--format', 'xml'], '--format must be one of pretty, github, gitlab, json, got `xml`', 'check'],
      [['check', '--today', '2022-02-30'], '--today must be a date written YYYY-MM-DD, got `2022-02-30`', 'check'],
      [['check', '--today', 'tomorrow'], '--today must be a date written YYYY-MM-DD, got `tomorrow`', 'check'],
      [['check', 'content'], 'check takes no arguments, got `content`', 'check'],
      [['frobnicate'], 'unknown command `frobnicate`; expected init, new, check, build, serve, diff, codeowners, schema', undefined],
      [['help', 'frobnicate'], 'unknown command `frobnicate`; expected init, new, check, build, serve, diff, codeowners, schema', undefined],
      [['check', '--root', '/no/such/handbook'], 'the root folder /no/such/handbook does not exist', 'check'],
      [['build', '--root', '/no/such/handbook'], 'the root folder /no/such/handbook does not exist', 'build'],
      [['serve', '--root', '/no/such/handbook'], 'the root folder /no/such/handbook does not exist', 'serve'],
      [['serve', '--port', '80000'], '--port must be a number from 0 to 65535, got `80000`', 'serve'],
      [['serve', '--audience', 'everyone'], '--audience must be one of public, internal, got `everyone`', 'serve'],
      [['new', 'okrs', 'goals'], 'new makes one of page, okr, kpi, got `okrs`', 'new'],
      [['new', 'page'], 'new takes page|okr|kpi PATH, got `page`', 'new'],
      [['init', 'a', 'b'], 'init takes [DIR], got `a` `b`', 'init'],
      [['init', '--title', ' '], '--title must not be empty', 'init'],
      [['build', '--base-url', 'ftp://example.com/handbook/'], '--base-url must be an http(s) URL or a path starting with /, such as https://example.github.io/handbook/ or /handbook/, got `ftp://example.com/handbook/`', 'build'],
      [['build', '--base-url', 'handbook/'], '--base-url must be an http(s) URL or a path starting with /, such as https://example.github.io/handbook/ or /handbook/, got `handbook/`', 'build'],
      [['build', '--base-url', 'https://example.com/x?y=1'], '--base-url must be an http(s) URL or a path starting with /, such as https://example.github.io/handbook/ or /handbook/, got `https://example.com/x?y=1`', 'build'],
      [['check', '--since', ''], '--since needs a git ref, such as origin/main', 'check'],
      [['diff', '--root', REPO], 'diff needs --base REF: the git revision to compare the working tree with (a branch, tag or commit)', 'diff'],
      [['diff', '--base', 'main', '--format', 'html'], '--format must be one of markdown, json, got `html`', 'diff'],
      [['diff', '--base', 'main', '--root', '/no/such/handbook'], 'the root folder /no/such/handbook does not exist', 'diff'],
      [['codeowners', '--root', '/no/such/handbook'], 'the root folder /no/such/handbook does not exist', 'codeowners'],
      [['codeowners', '--check', ''], '--check needs a file, such as .github/CODEOWNERS', 'codeowners'],
      [['schema', '--config', '--exports'], 'schema prints one schema: --config or --exports, not both', 'schema'],
      [['check', '--base-url', '/x/'], "Unknown option '--base-url'", 'check'],
      [['check', '--root', REPO, '--content', 'nowhere'], `the content folder ${join(REPO, "nowhere")} does not exist`, 'check'],
      [['check', '--root', REPO, '--config', 'missing.yaml'], `the config file ${join(REPO, "missing.yaml")} does not exist`, 'check'],
    ] as const)('%j', async (args, message, command) => {
      const help = await runCli(command ? [command, '--help'] : ['--help']);
      expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr: `handbook: ${message}\n\n${help.stdout}` });
    });
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  let root: string;
  beforeAll(() => {
    root = writeHandbook({ 'content/a.md': WEIGHTY, [ODD_NAME]: ODD });
  });

  it('none when stdout is a pipe and nothing forces it', async () => {
    const result = await runCli(['check', '--root', root], { env: { NO_COLOR: undefined } });
    expect(result.stdout).toBe(PRETTY);
  });

  it('NO_COLOR wins over FORCE_COLOR', async () => {
    const result = await runCli(['check', '--root', root], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(result.stdout).toBe(PRETTY);
  });

  it('FORCE_COLOR=1 colours the place, severity, rule and summary', async () => {
    const result = await runCli(['check', '--root', root], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    const lines = result.stdout.split('\n');
    expect([lines[0], lines.at(-2)]).toEqual([
      `${ESC}1mcontent/a.md:3:9${ESC}22m  ${ESC}31merror${ESC}39m  ${WEIGHT_MESSAGE}  ${ESC}2mschema/invalid-type${ESC}22m`,
      `${ESC}31m✖ 2 files checked: 2 errors, 1 warning${ESC}39m`,
    ]);
  });
});
