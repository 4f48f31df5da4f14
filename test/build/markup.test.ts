import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, type CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { build, leftovers, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

describe('THREATS 12 and 15: comments, raw HTML and a hostile title (public build)', () => {
  let result: CliResult;
  let site: Map<string, string>;
  /** Our own output; Pagefind's vendored UI bundles (pagefind/*.js) are a third-party library. */
  let ours: [string, string][];
  beforeAll(async () => {
    const root = makeRoot({ fixture: 'markup' });
    result = await build(root);
    site = readTexts(join(root, 'dist'));
    ours = [...site].filter(([f]) => !/^pagefind\/.*\.js$/.test(f));
  });

  it('builds', () => {
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('renders the body with every comment and every piece of raw HTML dropped', () => {
    expect(site.get('index.html')).toContain('<p>Text before a comment.</p>\n<p>Inline  comment.</p>\n<p>An  image and a raw link.</p>\n<p>Text after the markup.</p>');
  });

  it('lets nothing inside a comment or raw HTML reach any file', () => {
    for (const n of ['4711.5', '4712.5', '4713.5', '4714.5', '4715.5', '4716.5', '4717.5', '4718.5', 'secret', 'evil.example.com']) {
      expect({ n, files: [...site].filter(([, t]) => t.includes(n)).map(([f]) => f) }).toEqual({ n, files: [] });
    }
  });

  it('escapes the title and description wherever layouts print them', () => {
    const home = site.get('index.html')!;
    expect(home).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; Markup · Handbook</title>');
    expect(home).toContain('<meta name="description" content="&quot;&gt;&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt;">');
    expect(home).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; Markup</h1>');
  });

  it('has no script but the layout\'s own, no event handler and no iframe in any page', () => {
    const bad = /<script(?! type="module" src="\/assets\/search\.js">)|<iframe|\son[a-z]+=/i;
    expect(ours.filter(([f, t]) => f.endsWith('.html') && bad.test(t)).map(([f, t]) => `${f}: ${bad.exec(t)![0]}`)).toEqual([]);
  });

  it('has no javascript: URL in any of our files, search index included', () => {
    // The search index holds the title as text (`<script>` unescaped, as data); search.js shows it with textContent.
    expect(ours.filter(([, t]) => /javascript:/i.test(t)).map(([f]) => f)).toEqual([]);
  });
});

describe('THREATS 15: javascript: links written in Markdown', () => {
  const unsafe = (line: number, column: number, url: string, extra: object = {}) => ({
    file: 'content/index.md', line, column, ...extra, severity: 'error', code: 'link/invalid-url',
    message: `link \`${url}\` is not allowed (unsafe scheme \`javascript:\`)`, hint: 'use an http(s), mailto or site-relative URL',
  });

  it('are check errors, in the body and in a KPI definition, however disguised', async () => {
    const root = makeRoot({ fixture: 'xss-link' });
    const definition = { endLine: 6, endColumn: 91 };
    expect((await checkJson(root)).diagnostics).toEqual([
      { ...unsafe(6, 17, 'javascript:alert(2)', definition), path: 'kpis[0].definition' },
      { ...unsafe(6, 17, 'JavaScript:alert(3)', definition), path: 'kpis[0].definition' },
      unsafe(10, 37, 'javascript:alert(1)'),
      unsafe(12, 12, 'javascript:alert(5)'),
      unsafe(12, 47, 'javascript:alert(6)'),
      unsafe(12, 83, 'javascript:alert(7)'),
      unsafe(14, 1, 'javascript:alert(8)'),
    ]);
  });

  it('stop the build: exit 1, nothing written', async () => {
    const root = makeRoot({ fixture: 'xss-link' });
    const result = await build(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('content/index.md:10:37  error  link `javascript:alert(1)` is not allowed (unsafe scheme `javascript:`)  link/invalid-url\n');
    expect([existsSync(join(root, 'dist')), leftovers(root)]).toEqual([false, []]);
  });
});
