import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { filesWith, leftovers, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const TODAY = ['--today', '2030-06-15'];

/**
 * A layout that escapes Nunjucks into JavaScript (`"".constructor.constructor`) and
 * tries, from every page, to read each of `files` (page by page, as its promises
 * settle), to write into content/, and to start a process: it prints what it got.
 */
function probe(files: readonly string[], write: string): string {
  const js = `const t = (globalThis.__probe ??= {});
for (const f of ${JSON.stringify(files)}) if (!(f in t)) { t[f] = 'pending'; import('node:fs').then((fs) => { try { t[f] = String(fs.readFileSync(f)) } catch (e) { t[f] = e.code } }) }
if (!('write' in t)) { t.write = 'pending'; import('node:fs').then((fs) => { try { fs.writeFileSync(${JSON.stringify(write)}, 'x'); t.write = 'written' } catch (e) { t.write = e.code } }) }
t.env = Object.keys(process.env).sort().join(' ');
if (!('spawn' in t)) { t.spawn = 'pending'; import('node:child_process').then((cp) => { try { t.spawn = String(cp.execSync('id')) } catch (e) { t.spawn = e.code } }) }
return JSON.stringify(t)`;
  return `{% set probe = "".constructor.constructor(${JSON.stringify(js)})() %}<pre id="probe">{{ probe }}</pre>\n`;
}

describe('a layout that runs JavaScript finds nothing to read but what it is given, nor the environment (both audiences)', () => {
  let root: string;
  let files: string[];
  const results = new Map<string, { result: CliResult; site: Map<string, string> }>();
  beforeAll(async () => {
    root = makeRoot({ fixture: 'values' }, 'package-layouts');
    for (const n of [1, 2, 3, 4]) writeFileSync(join(root, `content/page-${n}.md`), `---\ntitle: Page ${n}\n---\nText ${n}.\n`);
    files = ['content/index.md', 'values/q3.yaml', 'handbook.config.yaml', '.cache', '/etc/passwd'].map((f) => (f.startsWith('/') ? f : join(root, f)));
    const base = join(root, 'layouts/_base.njk');
    writeFileSync(base, readFileSync(base, 'utf8').replace('<body', `${probe(files, join(root, 'content/planted.md'))}<body`));
    for (const [audience, out] of [['public', 'dist'], ['internal', 'dist-internal']] as const) {
      // A cache first, so that there is one to reach for.
      // As in CI, with a token in the environment.
      const result = await runCli(['build', '--root', root, ...TODAY, '--audience', audience, '--out', out], { env: { CI_JOB_TOKEN: 'glcbt-secret-token' } });
      results.set(audience, { result, site: readTexts(join(root, out)) });
    }
  });

  for (const audience of ['public', 'internal'] as const) {
    it(`${audience}: builds, and every read, the write and the process were refused`, () => {
      const { result, site } = results.get(audience)!;
      expect([result.code, result.stderr]).toEqual([0, '']);
      const seen = [...site].filter(([f]) => f.endsWith('.html')).map(([, html]) => JSON.parse(/<pre id="probe">(.*?)<\/pre>/s.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'")) as Record<string, string>);
      // Later pages see what the earlier ones' reads came to.
      const settled = seen.find((t) => Object.values(t).every((v) => v !== 'pending'));
      expect(settled).toEqual({ ...Object.fromEntries(files.map((f) => [f, 'ERR_ACCESS_DENIED'])), write: 'ERR_ACCESS_DENIED', spawn: 'ERR_ACCESS_DENIED', env: expect.any(String) });
      // The environment of the build stays with it: only how to format dates and text, and Eleventy's own variables.
      expect(settled!.env!.split(' ').filter((name) => !/^(TZ|LANG|LC_\w+|ELEVENTY_\w+)$/.test(name))).toEqual([]);
      expect(settled!.env).toContain('ELEVENTY_SKIP_ESM_RESOLVER');
      expect(filesWith(site, 'glcbt-secret-token')).toEqual([]);
      expect(existsSync(join(root, 'content/planted.md'))).toBe(false);
    });
  }

  it('public: no value of the values directory or of content/ reached any file', () => {
    const { site } = results.get('public')!;
    expect(['9120.75', '7712.5', 'values-dir-note-canary'].map((v) => filesWith(site, v))).toEqual([[], [], []]);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('a layout that throws on a refused call', () => {
  // Synchronous routes (the fs binding) throw where the layout calls them: a layout error at its line.
  it('is a build/layout-error at its line, naming what was refused; nothing is published', async () => {
    const root = makeRoot({ fixture: 'values' }, 'package-layouts');
    writeFileSync(join(root, 'layouts/page.njk'), `---\nlayout: _base.njk\n---\n<h1>{{ hb.title }}</h1>\n{{ "".constructor.constructor("return process.binding('fs')")() }}\n`);
    const result = await runCli(['build', '--root', root, ...TODAY, '--format', 'json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      1,
      [
        {
          file: 'layouts/page.njk',
          line: 5,
          column: 30,
          severity: 'error',
          code: 'build/layout-error',
          // Node's own words for it.
          message: 'process.binding',
          hint: 'fix the layout; nothing was written (layouts cannot read files or start processes: they get the page and site data)',
        },
      ],
    ]);
    expect([existsSync(join(root, 'dist')), leftovers(root)]).toEqual([false, []]);
  });
});
