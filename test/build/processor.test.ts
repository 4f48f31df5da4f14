import { describe, expect, it } from 'vitest';
import { expandDirectives } from '../../src/markdown/directives.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { type BodyPart, renderTree } from '../../src/render/processor.js';

/** Renders a body the way a build does: parse, place records, render. */
function render(markdown: string, rewrite: (href: string) => string = (h) => h, titles = { okr: [] as string[], kpi: [] as string[] }): BodyPart[] {
  const tree = parseMarkdown(markdown);
  expandDirectives(tree, titles);
  return renderTree(tree, rewrite);
}
/** The HTML of a body without records. */
const html = (markdown: string, rewrite?: (href: string) => string) => {
  const parts = render(markdown, rewrite);
  expect(parts.length).toBe(1);
  return (parts[0] as { html: string }).html;
};
const anchor = (id: string, text: string) => `<a class="heading-anchor" aria-label="Link to section: ${text}" href="#${id}"><span aria-hidden="true">#</span></a>`;

describe('the Markdown renderer', () => {
  it('gives headings GitHub slugs, -1 and -2 for repeats, each with an anchor link', () => {
    expect(html('# Intro\n\n## Intro\n\n## Intro\n\n## APP - Average Plugin Types per Project\n')).toBe(
      `<h1 id="intro">Intro${anchor('intro', 'Intro')}</h1>\n` +
        `<h2 id="intro-1">Intro${anchor('intro-1', 'Intro')}</h2>\n` +
        `<h2 id="intro-2">Intro${anchor('intro-2', 'Intro')}</h2>\n` +
        `<h2 id="app---average-plugin-types-per-project">APP - Average Plugin Types per Project${anchor('app---average-plugin-types-per-project', 'APP - Average Plugin Types per Project')}</h2>`,
    );
  });

  it('slugs like GitHub: punctuation dropped, case folded, letters of any script kept, code text included', () => {
    expect(html('## Héllo, Wörld! `code`')).toBe(`<h2 id="héllo-wörld-code">Héllo, Wörld! <code>code</code>${anchor('héllo-wörld-code', 'Héllo, Wörld! code')}</h2>`);
  });

  it('keeps GFM tables with their alignment', () => {
    expect(html('| a | b |\n|:--|--:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('highlights fenced code in a language Prism knows, keeping its language class', () => {
    expect(html('```ts\nconst x = 1;\n```')).toBe('<pre><code class="language-ts"><span class="token keyword">const</span> x <span class="token operator">=</span> <span class="token number">1</span><span class="token punctuation">;</span>\n</code></pre>');
    expect(html('```klingon\n<b>\n```')).toBe('<pre><code class="language-klingon">&#x3C;b>\n</code></pre>');
  });

  it('makes GitHub alerts callouts, and keeps headings inside them anchored', () => {
    expect(html('> [!CAUTION]\n> ## Stop\n> Read first.')).toBe(
      `<div class="callout callout-caution" role="note"><p class="callout-title">Caution</p>\n<h2 id="stop">Stop${anchor('stop', 'Stop')}</h2>\n<p>Read first.</p>\n</div>`,
    );
  });

  it('removes javascript:, vbscript: and data: URLs but keeps the link text', () => {
    expect(html('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](vbscript:x) [d](data:text/html,x) ![e](javascript:alert(1))')).toBe('<p><a>a</a> <a>b</a> <a>c</a> <a>d</a> <img alt="e"></p>');
  });

  it('keeps http(s), mailto, site and fragment links', () => {
    expect(html('[a](https://x.example/) [b](mailto:a@x.example) [c](/kpis/) [d](#intro)')).toBe('<p><a href="https://x.example/">a</a> <a href="mailto:a@x.example">b</a> <a href="/kpis/">c</a> <a href="#intro">d</a></p>');
  });

  it('drops HTML comments and raw HTML, block and inline', () => {
    expect(html('a <!-- x 4711.5 --> b\n\n<!-- secret 4711.5 -->\n\n<script>alert(1)</script>\n\n<b onclick="x()">c</b>')).toBe('<p>a  b</p>\n<p>c</p>');
  });

  it('numbers footnotes with links that match their targets both ways', () => {
    const out = html('Note[^n].\n\n[^n]: The note.');
    expect(out).toContain('<a href="#fn:fn-n" id="fn:fnref-n" data-footnote-ref aria-describedby="fn:label">1</a>');
    expect(out).toContain('<li id="fn:fn-n">\n<p>The note. <a href="#fn:fnref-n" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>');
    expect(out).toContain('<h2 class="sr-only" id="fn:label">Footnotes</h2>');
  });

  // Footnote ids carry a prefix no slug can have, so headings never take them.
  it('never writes the same id twice on a page', () => {
    const out = html('## Footnote label\n\n## User content fn 1\n\nA[^1].\n\n[^1]: B.');
    const ids = [...out.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('passes every link and image through the rewrite function, .md links included', () => {
    const seen: string[] = [];
    const out = html('[a](../team/goals.md) [b](./kpis.md#app) ![c](img/x.png) [d](https://x.example/a.md)', (href) => {
      seen.push(href);
      // A stand-in for the build's resolver: relative .md links become page URLs.
      return /^\.\.?\//.test(href) ? href.replace(/^(?:\.\.?\/)*(.*?)\.md(#.*)?$/, '/$1/$2') : href;
    });
    expect(seen).toEqual(['../team/goals.md', './kpis.md#app', 'img/x.png', 'https://x.example/a.md']);
    expect(out).toBe('<p><a href="/team/goals/">a</a> <a href="/kpis/#app">b</a> <img src="img/x.png" alt="c"> <a href="https://x.example/a.md">d</a></p>');
  });

  it('splits the body where record cards go, after each record\'s heading', () => {
    expect(render('## Goals\n\n:::okrs\n\nAfter.', undefined, { okr: ['First OKR', 'Second OKR'], kpi: [] })).toEqual([
      { html: `<h2 id="goals">Goals${anchor('goals', 'Goals')}</h2>\n<h3 id="first-okr">First OKR${anchor('first-okr', 'First OKR')}</h3>\n` },
      { record: 'okr', index: 0 },
      { html: `\n<h3 id="second-okr">Second OKR${anchor('second-okr', 'Second OKR')}</h3>\n` },
      { record: 'okr', index: 1 },
      { html: '\n<p>After.</p>' },
    ]);
  });

  it('does not let an editor write the record placeholder element (raw HTML is dropped, no card part)', () => {
    expect(html('<handbook-record data-kind="okr" data-index="0"></handbook-record>\n\ntext')).toBe('<p></p>\n<p>text</p>');
  });
});
