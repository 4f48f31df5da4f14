import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { build, FIXTURES, makeRoot } from './helpers.js';

afterAll(removeTempDirs);

/**
 * test/fixtures/build/markdown: every GitHub alert type and fenced code in
 * several languages, with and without one. The page's article must be exactly
 * `expected.html` (`UPDATE=1` rewrites it from the real build: review it).
 */
describe('callouts and highlighted code', () => {
  const root = makeRoot({ fixture: 'markdown' });
  const built = build(root, '--no-cache');

  it('check has nothing to say about them', async () => {
    expect((await checkJson(root)).diagnostics).toEqual([]);
  });

  it('render as expected.html: callouts with role="note" and a title, code as Prism tokens, unknown languages plain', async () => {
    const result = await built;
    expect([result.code, result.stderr]).toEqual([0, '']);
    const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
    const article = `${html.slice(html.indexOf('<article'), html.indexOf('</article>') + '</article>'.length)}\n`;
    const expectedFile = join(FIXTURES, 'markdown/expected.html');
    if (process.env.UPDATE === '1') writeFileSync(expectedFile, article);
    expect(article).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it('are styled in light and dark, with no script on the page but the search box', async () => {
    await built;
    const css = readFileSync(join(root, 'dist/assets/site.css'), 'utf8');
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    for (const v of ['--hl-keyword', '--hl-string', '--hl-comment', '--important']) {
      expect(css).toMatch(new RegExp(`${v}: #[0-9a-f]{6};`));
      expect(dark.slice(0, dark.indexOf('}'))).toMatch(new RegExp(`${v}: #[0-9a-f]{6};`));
    }
    const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" src="/assets/search.js">']);
  });
});
