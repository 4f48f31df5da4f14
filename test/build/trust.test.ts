import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, runCli, type CliResult } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { build, filesWith, leftovers, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const TODAY = ['--today', '2030-06-15'];
/** Every value the values directory of the fixture holds, each distinctive. */
const IN_VALUES = ['4120.5', '9120.75', '0.63', '5310.5', 'values-dir-note-canary', '5822.5', 'https://dash.example.com/values-dir-canary-2', '7712.5', '9901.5', '3001.5', '9999.5'];

describe('a handbook with values.in_content: error and a values directory', () => {
  let root: string;
  let checked: CliResult & { diagnostics: unknown };
  let publicSite: Map<string, string>;
  let internalSite: Map<string, string>;
  beforeAll(async () => {
    root = makeRoot({ fixture: 'values' });
    checked = await checkJson(root, TODAY);
    const [pub, int] = await Promise.all([build(root, ...TODAY, '--no-cache'), build(root, ...TODAY, '--no-cache', '--audience', 'internal', '--out', 'dist-internal')]);
    expect([pub.code, pub.stderr, int.code, int.stderr]).toEqual([0, '', 0, '']);
    publicSite = readTexts(join(root, 'dist'));
    internalSite = readTexts(join(root, 'dist-internal'));
  });

  it('passes check, which reads the values directory', () => {
    expect([checked.code, checked.diagnostics]).toEqual([0, []]);
  });

  it('builds a public site with no value of the values directory, in any file', () => {
    expect(IN_VALUES.map((v) => [v, filesWith(publicSite, v)])).toEqual(IN_VALUES.map((v) => [v, []]));
  });

  it('builds an internal site with every one of them, on the page that shows its record', () => {
    const page = internalSite.get('index.html')!;
    expect(IN_VALUES.filter((v) => !page.includes(v === '0.63' ? '0.63' : v))).toEqual([]);
  });

  it('shows the value published by approval, written in content/, with who approved it and when', () => {
    const card = /<p class="approval">Published with the approval of Chief Executive Officer on <time datetime="2030-05-01">2030-05-01<\/time>/;
    expect(publicSite.get('index.html')).toMatch(card);
    expect(filesWith(publicSite, '6417.25').filter((f) => f.endsWith('.html'))).toEqual(['index.html', 'okrs/2030-q4/index.html', 'okrs/index.html', 'transparency/index.html']);
  });

  it('lists it on /transparency/, and says that values of the values directory are not counted there', () => {
    const page = publicSite.get('transparency/index.html')!;
    expect(page).toContain('<td>key result: <a href="/#grow">More signups (Grow)</a></td>\n<td><ul class="plain"><li><code>current_value</code>: 6417.25</li></ul></td>\n<td>Chief Executive Officer</td>');
    expect(page).toContain("Values kept in the company's private values directory are not in this site at all, and not counted here.");
    // The internal site counts them: every internal field the values directory gave, but the published one.
    expect(internalSite.get('transparency/index.html')).toContain('<li>OKRs: 0 values kept internal, in 0 records.</li>\n<li>Key results: 5 values kept internal, in 1 record.</li>\n<li>KPIs: 3 values kept internal, in 1 record.</li>');
  });

  it('fails check at its line when a value is committed into content/', async () => {
    const file = join(root, 'content/index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        kpi: signups\n', '        kpi: signups\n        target_value: 9120.75\n'));
    const result = await checkJson(root, TODAY);
    expect(result.code).toBe(1);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/index.md', line: 20, column: 9, code: 'values/in-content', path: 'okrs[0].key_results[0].target_value' }),
      expect.objectContaining({ file: 'values/q3.yaml', line: 4, column: 5, code: 'values/duplicate-field', cause: { file: 'content/index.md', line: 20, column: 9, message: 'also written here, in content/' } }),
    ]);
  });
});

describe('the output folder, the static folder and interrupted builds', () => {
  it('refuses an --out that is the root behind a symbolic link', async () => {
    const root = makeRoot('sample');
    const link = join(tempDir(), 'alias');
    symlinkSync(root, link);
    const result = await build(root, '--out', link);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, `handbook: --out ${link} would replace the handbook itself; choose a folder of its own, such as dist/`]);
  });

  it('refuses an --out that is content/ behind a symbolic link', async () => {
    const root = makeRoot('sample');
    const link = join(tempDir(), 'alias');
    symlinkSync(join(root, 'content'), link);
    const result = await build(root, '--out', link);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, `handbook: --out ${link} would replace ${join(root, 'content')}; choose a folder of its own, such as dist/`]);
  });


  // The config's values.dir is known only once the config is read; both audiences compare it, as either would replace the folder.
  for (const audience of ['public', 'internal']) {
    it(`${audience}: refuses an --out that holds the values directory of the config, and leaves it as it was`, async () => {
      const root = makeRoot({ fixture: 'values' });
      const before = treeHash(join(root, 'values'));
      const result = await build(root, ...TODAY, '--audience', audience, '--out', '.');
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, `handbook: --out ${root} would replace the handbook itself; choose a folder of its own, such as dist/`]);
      const inside = await build(root, ...TODAY, '--audience', audience, '--out', 'values');
      expect([inside.code, inside.stderr.split('\n')[0], treeHash(join(root, 'values')), leftovers(root)]).toEqual([2, `handbook: --out ${join(root, 'values')} would replace ${join(root, 'values')}; choose a folder of its own, such as dist/`, before, []]);
    });
  }
  it('a static/ that is a file or a symbolic link is a usage error, not a stack trace', async () => {
    const file = makeRoot('sample');
    writeFileSync(join(file, 'static'), 'not a folder');
    const linked = makeRoot('sample');
    mkdirSync(join(linked, 'elsewhere'));
    symlinkSync(join(linked, 'elsewhere'), join(linked, 'static'));
    const [a, b] = await Promise.all([runCli(['check', '--root', file]), runCli(['check', '--root', linked])]);
    expect([a.code, a.stderr.split('\n')[0], b.code, b.stderr.split('\n')[0]]).toEqual([
      2,
      `handbook: the static folder ${join(file, 'static')} is a file, not a folder`,
      2,
      `handbook: the static folder ${join(linked, 'static')} is a symbolic link; make it a folder of the handbook`,
    ]);
  });

  it('a build killed between its two renames: the next one puts the previous output back and removes the leftovers', async () => {
    const root = makeRoot('sample');
    expect((await build(root, '--no-cache')).code).toBe(0);
    const before = treeHash(join(root, 'dist'));
    // As a killed build leaves it: the output moved aside, a staging folder half written, both by a process long gone.
    const dead = 2 ** 22 + 12345;
    const { renameSync } = await import('node:fs');
    renameSync(join(root, 'dist'), join(root, `.dist.old-${dead}-0a0b0c0d`));
    mkdirSync(join(root, `.dist.staging-${dead}-0a0b0c0d`));
    mkdirSync(join(root, `.dist.layout-${dead}-0a0b0c0d/input-x`), { recursive: true });
    // A failing build publishes nothing; it only cleans up.
    writeFileSync(join(root, 'content/broken.md'), '---\ntitle: [\n---\n');
    const result = await build(root, '--no-cache');
    expect(result.code).toBe(1);
    expect(treeHash(join(root, 'dist'))).toBe(before);
    expect(leftovers(root)).toEqual([]);
    rmSync(join(root, 'content/broken.md'));
    expect(existsSync(join(root, 'dist/index.html'))).toBe(true);
  });

  // Eleventy would run it while laying out the first page: a layout's front matter is YAML or nothing.
  it('a layout with JavaScript front matter is an error at its first line, and nothing runs', async () => {
    const root = makeRoot('sample', 'package-layouts');
    writeFileSync(join(root, 'layouts/page.njk'), '---javascript\n{ x: require("fs").writeFileSync(process.env.MARK, "ran") }\n---\n{{ x }}\n');
    const mark = join(tempDir(), 'mark');
    const result = await runCli(['build', '--root', root, '--format', 'json'], { env: { MARK: mark } });
    expect([result.code, JSON.parse(result.stdout)]).toEqual([1, [expect.objectContaining({ file: 'layouts/page.njk', line: 1, column: 4, code: 'frontmatter/language' })]]);
    expect([existsSync(mark), existsSync(join(root, 'dist'))]).toEqual([false, false]);
  });
});
