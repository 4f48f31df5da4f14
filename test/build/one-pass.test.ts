import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { expandDirectives } from '../../src/markdown/directives.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { finish, type LinkRewriter, toHast, toHtml } from '../../src/render/processor.js';
import { markdownBodies } from '../helpers/bodies.js';

// The renderer's last walk (slugs, anchors, link targets) stands for three
// passes: rehype-slug, rehype-autolink-headings and a link-rewriting visit.
// Those three, as the renderer ran them, are the reference: same bytes.

/** The reference's passes, run over the tree the renderer's last walk receives. */
const reference = unified()
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, {
    behavior: 'append',
    test: (element: Element) => !isFootnoteLabel(element),
    properties: (element: Element) => ({ className: ['heading-anchor'], ariaLabel: `Link to section: ${hastToString(element)}` }),
    content: h('span', { ariaHidden: 'true' }, '#'),
  })
  .freeze();

function isFootnoteLabel(element: Element): boolean {
  const className = element.properties.className;
  return /^h[1-6]$/.test(element.tagName) && Array.isArray(className) && className.includes('sr-only');
}

function referenceFinish(hast: HastRoot, rewrite: LinkRewriter): void {
  reference.runSync(hast);
  visit(hast, 'element', (node) => {
    if (isFootnoteLabel(node)) node.properties.id = 'fn:label';
    if (Array.isArray(node.properties.ariaDescribedBy)) node.properties.ariaDescribedBy = node.properties.ariaDescribedBy.map((id) => (id === 'footnote-label' ? 'fn:label' : id));
    for (const [tag, attribute] of [['a', 'href'], ['img', 'src']] as const) {
      const target = node.tagName === tag ? node.properties[attribute] : undefined;
      if (typeof target === 'string') node.properties[attribute] = rewrite(target);
    }
  });
}

/** Every Markdown body of the sample, the fixtures and a generated 300-page handbook, and a few edge cases, by name. */
function bodies(): [string, string][] {
  const found = markdownBodies(300, [7]);
  // What the fixtures hold little of: empty and repeated headings, footnotes, headings with links and code.
  found.push(['edges', '#\n\n#\n\n## A [link](x.md) and `code`\n\n## A link and code\n\nText[^1].\n\n[^1]: Note.\n\n### Footnotes\n\n> [!NOTE]\n> ## Inside\n']);
  return found;
}

const rewrite: LinkRewriter = (href) => (href.startsWith('#') ? `${href}-r` : href.endsWith('.md') ? undefined : `/r${href}`);

describe('one walk for slugs, anchors and links', () => {
  const all = bodies();
  it(`renders ${all.length} bodies byte for byte as the three passes did`, () => {
    expect(all.length).toBeGreaterThan(300);
    const differ: string[] = [];
    for (const [name, markdown] of all) {
      const render = (last: (hast: HastRoot, rewrite: LinkRewriter) => void) => {
        const tree = parseMarkdown(markdown, 'comrak');
        expandDirectives(tree, { okr: [], kpi: [] });
        const hast = toHast(tree);
        last(hast, rewrite);
        return toHtml(hast);
      };
      if (render(finish) !== render(referenceFinish)) differ.push(name);
    }
    expect(differ).toEqual([]);
  });
});
