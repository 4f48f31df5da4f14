import { cacheKey } from '../cache/store.js';
import type { Layouts } from '../layouts/overlay.js';
import type { NavNode } from '../view/navigation.js';
import type { PageView } from '../view/page.js';

/** What every page of a build is laid out with: the site data and the layouts. */
export interface LayoutInputs {
  /** The site data, the audience included. */
  site: Record<string, unknown>;
  layouts: Layouts;
}

/**
 * The key of each page's HTML: a hash of everything Eleventy lays it out from.
 * Sidebars are shared by the pages of a section (`navPlaces`), so each is
 * hashed once; a title edited in one section changes the keys of that
 * section's pages only. A page's body (not in the view yet) is named by
 * `body`: the body's key and the URLs its links resolve to.
 */
export function pageKeys(views: readonly PageView[], inputs: LayoutInputs, body: (view: PageView) => string): string[] {
  const layouts = [...inputs.layouts].map(([file, { bytes }]) => `${file}\0${bytes.toString('base64')}`);
  const shared = cacheKey('page', JSON.stringify(inputs.site), ...layouts);
  const sidebars = new Map<readonly NavNode[], string>();
  const sidebarKey = (sidebar: readonly NavNode[]) => {
    let key = sidebars.get(sidebar);
    if (key === undefined) sidebars.set(sidebar, (key = cacheKey(JSON.stringify(sidebar))));
    return key;
  };
  return views.map((view) => cacheKey(shared, body(view), sidebarKey(view.nav.sidebar), JSON.stringify({ ...view, nav: { ...view.nav, sidebar: undefined } })));
}
