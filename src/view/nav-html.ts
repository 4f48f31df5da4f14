import { escapeHtml } from '../html/escape.js';
import { withBase } from '../pages/url.js';
import type { NavNode } from './navigation.js';

/**
 * The sidebar's items as HTML, the `navTree` filter of layouts
 * (`{{ hb.nav.sidebar | navTree(hb.url) | safe }}`): a section is an item with a
 * nested list, a folded one is marked `nav-folded`, the current page has
 * `aria-current="page"`. A section without an index page is a `<details>`
 * disclosure listing its pages (open on the way to the current page), so it
 * opens without JavaScript. Links are under the site's `base` path. In
 * JavaScript, not a Nunjucks macro: with a few hundred top-level sections on
 * every page, the macro's loop was most of Eleventy's time.
 */
export function navTreeHtml(nodes: readonly NavNode[], current: string, base = ''): string {
  let html = '';
  for (const node of nodes) {
    const children = node.children.length > 0 ? `<ul>${navTreeHtml(node.children, current, base)}</ul>` : '';
    if (node.url === '') {
      html += `<li class="nav-section nav-group"><details${node.open ? ' open' : ''}><summary>${escapeHtml(node.title)}</summary>${children}</details></li>\n`;
      continue;
    }
    const classes = node.children.length > 0 || node.folded ? ` class="nav-section${node.folded ? ' nav-folded' : ''}"` : '';
    html += `<li${classes}><a href="${escapeHtml(withBase(base, node.url))}"${node.url === current ? ' aria-current="page"' : ''}>${escapeHtml(node.title)}</a>${children}</li>\n`;
  }
  return html;
}
