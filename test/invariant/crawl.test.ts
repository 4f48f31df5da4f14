import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { ChromiumHtml, crawl } from './crawl.js';

/** The crawler is the oracle of the invariant tests: what it accepts and refuses, on a hand-made output folder. */

afterAll(removeTempDirs);
const chromium = new ChromiumHtml();
afterAll(() => chromium.close());

function site(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const html = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('crawl', () => {
  const out = site({
    'index.html': html(`
      <a href="/a/b/">slash</a> <a href="/a/b">bare dir</a> <a href="a/b/index.html#caf%C3%A9">relative, encoded</a>
      <a href="/a/b/#café">raw</a> <a href="#top">top</a> <a href="#">empty</a> <a href="">self</a> <a href="#here">here</a>
      <h2 id="here">Here</h2> <a name="old"></a> <a href="#old">named</a>
      <a href="https://example.com/x#y">ext</a> <a href="//cdn.example.com/x.js">proto-relative</a> <a href="mailto:a@b.c">m</a> <a href="tel:+1">t</a>
      <link rel="canonical" href="https://handbook.example.com/"> <link rel="stylesheet" href="/assets/site.css?v=1">
      <img src="data:image/png;base64,AAAA" alt=""> <script src="/pagefind/pagefind.js"></script>
      <a href="/files/report.pdf#page=2">pdf</a> <a href="/a/b/?tab=1#caf%C3%A9">query</a> <a href="/a/b/#amp&amp;x">entity</a>`),
    'a/b/index.html': html(`<h2 id="café">Café</h2><h2 id="amp&x">x</h2><a href="../../">up</a><a href="../../index.html#here">up here</a>`),
    'assets/site.css': 'body{}',
    'pagefind/pagefind.js': '',
    'files/report.pdf': '%PDF',
    'broken.html': html(`
      <a href="/nope/">missing page</a> <a href="/a/b/#nope">missing id</a> <a href="#gone">missing here</a>
      <img src="images/x.png" alt=""> <a href="javascript:alert(1)">js</a> <a href="/assets/site.css/">file as folder</a>
      <a href="/a/b/#top-of">not top</a> <a href="/index.html#old">named elsewhere</a> <a href="/a/b/#AMP&amp;X">case matters</a>`),
    'based/index.html': html(`<base href="/a/"><a href="b/#café">via base</a><a href="c/">missing via base</a>`),
  });

  it('resolves what a static host serves and flags the rest, each with its page and reason', async () => {
    const result = await crawl(out, chromium);
    expect(result.pages).toBe(4);
    expect(result.unresolved).toEqual([
      { page: 'based/index.html', attribute: 'a[href]', url: 'c/', reason: 'no file `a/c/index.html` in the output' },
      { page: 'broken.html', attribute: 'a[href]', url: '/nope/', reason: 'no file `nope/index.html` in the output' },
      { page: 'broken.html', attribute: 'a[href]', url: '/a/b/#nope', reason: 'no element with id `nope` in `a/b/index.html`' },
      { page: 'broken.html', attribute: 'a[href]', url: '#gone', reason: 'no element with id `gone` in `broken.html`' },
      { page: 'broken.html', attribute: 'img[src]', url: 'images/x.png', reason: 'no file `images/x.png` in the output' },
      { page: 'broken.html', attribute: 'a[href]', url: 'javascript:alert(1)', reason: 'scheme `javascript:` is not served by a static host' },
      { page: 'broken.html', attribute: 'a[href]', url: '/assets/site.css/', reason: 'no file `assets/site.css/index.html` in the output' },
      { page: 'broken.html', attribute: 'a[href]', url: '/a/b/#top-of', reason: 'no element with id `top-of` in `a/b/index.html`' },
      { page: 'broken.html', attribute: 'a[href]', url: '/a/b/#AMP&X', reason: 'no element with id `AMP&X` in `a/b/index.html`' },
    ]);
  });
});
