import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { z } from 'zod';
import type { BodyPartSchema } from '../../schemas/layout-data.js';
import type { RecordKind, RecordNode } from '../markdown/directives.js';
import { rehypeCallouts } from './callouts.js';
import { rehypeHighlight } from './highlight.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** A piece of a rendered page: HTML, or the place of a record's card. */
export type BodyPart = z.infer<typeof BodyPartSchema>;

/** Rewrites a link target as written by the editor into the URL the site serves; `undefined` writes no target at all. */
export type LinkRewriter = (href: string) => string | undefined;

/**
 * The one renderer: mdast → hast (raw HTML and comments dropped) → sanitised
 * with GitHub's rules → GitHub alerts as callouts → code highlighted; then one
 * walk (`finish`) for heading slugs, anchor links and link targets → HTML.
 * Frozen: built once, shared by every page.
 */
const processor = unified()
  .use(remarkRehype, {
    // Slugs never contain ':', so footnote ids cannot collide with heading ids.
    clobberPrefix: 'fn:',
    handlers: {
      handbookRecord: (_state, node: RecordNode) => h('handbook-record', { dataKind: node.kind, dataIndex: String(node.index) }),
    },
  })
  .use(rehypeSanitize, sanitizeSchema)
  // After the sanitiser: both make fixed markup of their own from the sanitised tree.
  .use(rehypeCallouts)
  .use(rehypeHighlight)
  .use(rehypeStringify)
  .freeze();

/** remark-rehype gives the footnotes' heading the fixed id `footnote-label`, which a heading slug could take too. */
const FOOTNOTE_LABEL = 'fn:label';

/** The footnotes' heading: the only heading with a class (the sanitiser strips editors' classes). */
function isFootnoteLabel(element: Element): boolean {
  const className = element.properties.className;
  return /^h[1-6]$/.test(element.tagName) && Array.isArray(className) && className.includes('sr-only');
}

/** An expanded mdast tree as the sanitised hast tree `finish` completes. */
export function toHast(tree: Root): HastRoot {
  return processor.runSync(tree) as HastRoot;
}

export function toHtml(hast: HastRoot): string {
  return processor.stringify(hast);
}

/**
 * One walk over the sanitised tree, in document order, doing what rehype-slug,
 * rehype-autolink-headings and a link-rewriting visit did in three (half of the
 * render time went to them): a heading without an id gets GitHub's slug of its
 * text, and a heading with an id an anchor link appended (except the
 * footnotes' heading); links and images get their targets rewritten, the
 * anchors' own included. The output is byte for byte theirs (tested).
 */
export function finish(hast: HastRoot, rewrite: LinkRewriter): void {
  const slugger = new GithubSlugger();
  visit(hast, 'element', (node) => {
    if (/^h[1-6]$/.test(node.tagName)) {
      const text = hastToString(node);
      if (!node.properties.id) node.properties.id = slugger.slug(text);
      // An empty heading's first slug is empty: no id, so no anchor.
      if (isFootnoteLabel(node)) node.properties.id = FOOTNOTE_LABEL;
      else if (node.properties.id) node.children.push(h('a', { className: ['heading-anchor'], ariaLabel: `Link to section: ${text}`, href: `#${String(node.properties.id)}` }, h('span', { ariaHidden: 'true' }, '#')));
    }
    if (Array.isArray(node.properties.ariaDescribedBy)) node.properties.ariaDescribedBy = node.properties.ariaDescribedBy.map((id) => (id === 'footnote-label' ? FOOTNOTE_LABEL : id));
    for (const [tag, attribute] of [['a', 'href'], ['img', 'src']] as const) {
      const target = node.tagName === tag ? node.properties[attribute] : undefined;
      if (typeof target === 'string') node.properties[attribute] = rewrite(target);
    }
  });
}

/**
 * Renders an expanded mdast tree into HTML parts, split where record cards go.
 * Links are rewritten in the tree, before serialisation.
 */
export function renderTree(tree: Root, rewrite: LinkRewriter): BodyPart[] {
  const hast = toHast(tree);
  finish(hast, rewrite);
  const parts: BodyPart[] = [];
  let run: HastContent[] = [];
  const flush = () => {
    if (run.length > 0) parts.push({ html: toHtml({ type: 'root', children: run }) });
    run = [];
  };
  for (const child of hast.children) {
    if (child.type === 'element' && child.tagName === 'handbook-record') {
      flush();
      parts.push({ record: child.properties.dataKind as RecordKind, index: Number(child.properties.dataIndex) });
    } else run.push(child);
  }
  flush();
  return parts;
}
