import { escapeHtml } from '../html/escape.js';
import type { NavNode } from './navigation.js';

/**
 * The sidebar's items as HTML, the `navTree` filter of layouts
 * (`{{ hb.nav.sidebar | navTree(hb.url) | safe }}`): a section is an item with a
 * nested list, a folded one is marked `nav-folded`, the current page has
 * `aria-current="page"`. In JavaScript, not a Nunjucks macro: with a few hundred
 * top-level sections on every page, the macro's loop was most of Eleventy's time.
 */
export function navTreeHtml(nodes: readonly NavNode[], current: string): string {
  let html = '';
  for (const node of nodes) {
    const classes = node.children.length > 0 || node.folded ? ` class="nav-section${node.folded ? ' nav-folded' : ''}"` : '';
    const head = node.url ? `<a href="${escapeHtml(node.url)}"${node.url === current ? ' aria-current="page"' : ''}>${escapeHtml(node.title)}</a>` : `<span class="nav-label">${escapeHtml(node.title)}</span>`;
    const children = node.children.length > 0 ? `<ul>${navTreeHtml(node.children, current)}</ul>` : '';
    html += `<li${classes}>${head}${children}</li>\n`;
  }
  return html;
}
