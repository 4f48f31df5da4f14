import { describe, expect, it } from 'vitest';
import { expandDirectives } from '../../src/markdown/directives.js';
import { outlineOf } from '../../src/markdown/outline.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { renderTree } from '../../src/render/processor.js';

/** Heading ids the link checker accepts, for a body. */
function ids(markdown: string): string[] {
  return outlineOf(parseMarkdown(markdown, 'comrak')).headings.map((h) => h.id);
}

/** Heading ids in the HTML the build writes for the same body. */
function htmlIds(markdown: string): string[] {
  const html = renderTree(parseMarkdown(markdown, 'comrak'), (href) => href)
    .map((part) => ('html' in part ? part.html : ''))
    .join('');
  return [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/**
 * Headings and the anchor GitHub gives them: lower-cased, punctuation and emoji
 * dropped, each space a hyphen (so " - " is three hyphens), and only the text
 * a reader sees (no image alt, no HTML tags, no link targets).
 */
const GITHUB: [heading: string, slug: string][] = [
  ['## APP - Average Plugin Types per Project', 'app---average-plugin-types-per-project'],
  ["## What's new? (v2.0)", 'whats-new-v20'],
  ['## C++ & C#', 'c--c'],
  ['## Q&A: 100% done!', 'qa-100-done'],
  ['## 🎉 Party time', '-party-time'],
  ['## Ship it 🚀', 'ship-it-'],
  ['## The `check` command', 'the-check-command'],
  ['## `--today` flag', '--today-flag'],
  ['## ![logo](/images/logo.png) Logo', '-logo'],
  ['## See [the docs](https://example.com/docs)', 'see-the-docs'],
  ['## **Bold** and _em_ and ~~old~~', 'bold-and-em-and-old'],
  ['## <kbd>Ctrl</kbd> keys', 'ctrl-keys'],
  ['## snake_case name', 'snake_case-name'],
  ['## Café Ünïcode', 'café-ünïcode'],
  ['## Closed heading ##', 'closed-heading'],
  ['Setext heading\n--------------', 'setext-heading'],
  ['> ## Quoted heading', 'quoted-heading'],
];

describe('outline heading ids', () => {
  it.each(GITHUB)('%j → %j, as on GitHub', (heading, slug) => {
    expect(ids(heading)).toEqual([slug]);
  });

  it('suffixes repeated headings -1, -2, as GitHub does', () => {
    expect(ids('## Title\n\n## Title\n\n### Title\n\n## Other')).toEqual(['title', 'title-1', 'title-2', 'other']);
  });

  it('counts a record heading placed by a directive as one more heading of the page', () => {
    const tree = parseMarkdown('## Grow Usage\n\n:::okrs\n\n## KPIs\n\n:::kpis\n', 'comrak');
    expandDirectives(tree, { okr: ['Grow Usage'], kpi: ['APP - Average Plugin Types per Project'] });
    const outline = outlineOf(tree);
    // The body already has a "Grow Usage" heading, so the OKR's own heading is the repeat.
    expect(outline.headings.map((h) => [h.depth, h.id])).toEqual([
      [2, 'grow-usage'],
      [3, 'grow-usage-1'],
      [2, 'kpis'],
      [3, 'app---average-plugin-types-per-project'],
    ]);
    expect(outline.recordAnchors).toEqual({ okr: ['grow-usage-1'], kpi: ['app---average-plugin-types-per-project'] });
  });

  it('equal the ids of the built HTML', () => {
    const body = [...GITHUB.map(([heading]) => heading), '## Title', '## Title'].join('\n\n');
    expect(ids(body)).toEqual(htmlIds(body));
  });

  // Regression (fixed): mdast-util-to-string gives a footnote reference no text, but the HTML
  // heading holds its number (<sup><a>1</a></sup>), so rehype-slug (and GitHub)
  // make `notes1` while the outline says `notes`: `check` accepts `#notes`, which
  // is broken on the site, and rejects `#notes1`, which works.
  it('equal the ids of the built HTML for a heading with a footnote reference', () => {
    const body = '## Notes[^1]\n\n[^1]: A footnote.';
    expect(ids(body)).toEqual(htmlIds(body));
  });
});
