import { posix } from 'node:path';
import type { z } from 'zod';
import type { NavNodeSchema, NavPlaceSchema } from '../../schemas/layout-data.js';

/** A page as navigation sees it. */
export interface NavPage {
  url: string;
  title: string;
  weight?: number;
  contentPath: string;
}

/** A node of the sidebar: a page, or a section headed by its index page (`folded` when this sidebar leaves its pages out; `open` for a section without an index page on the way to the page). */
export type NavNode = z.infer<typeof NavNodeSchema>;

/** Where the generated pages (OKR index, KPI index, …) sit among the top-level sections: `nav.generated` in the config. */
export type GeneratedPlacement = 'first' | 'last';

/** A generated page of the sidebar, with the generated pages of its section (the OKR index and its quarters' archives). */
export interface GeneratedNavPage {
  url: string;
  title: string;
  children?: readonly { url: string; title: string }[];
}

/**
 * Where a page sits: the path from the home page, its neighbours within its
 * section, and its sidebar: the top level, with only the sections on the way
 * to the page unfolded, so a page's navigation stays small however big the
 * handbook grows (the whole tree on every page would be quadratic).
 */
export type NavPlace = z.infer<typeof NavPlaceSchema>;

/**
 * The sidebar tree from the content folders: a folder's index.md heads its
 * section; siblings are ordered by `weight` (pages without one last), then
 * title. The generated pages, in the order given (each with its own section's
 * pages), go before or after the top-level content, never among it.
 */
export function navigationTree(pages: readonly NavPage[], generated: readonly GeneratedNavPage[] = [], placement: GeneratedPlacement = 'last'): NavNode {
  const byDir = new Map<string, NavPage[]>();
  const heads = new Map<string, NavPage>();
  for (const page of pages) {
    const dir = posix.dirname(page.contentPath);
    if (posix.basename(page.contentPath, '.md') === 'index') heads.set(dir, page);
    else {
      const list = byDir.get(dir);
      if (list) list.push(page);
      else byDir.set(dir, [page]);
    }
  }
  const subdirs = new Map<string, string[]>();
  for (const dir of new Set([...byDir.keys(), ...heads.keys()])) {
    // Every ancestor folder is a section too, even one without pages of its own.
    for (let d = dir; d !== '.'; d = posix.dirname(d)) {
      const parent = posix.dirname(d);
      const list = subdirs.get(parent) ?? [];
      if (!list.includes(d)) subdirs.set(parent, [...list, d]);
    }
  }
  const build = (dir: string): NavNode => {
    const head = heads.get(dir);
    const childDirs = subdirs.get(dir) ?? [];
    const entries: { weight?: number; title: string; node: NavNode }[] = [
      ...(byDir.get(dir) ?? []).map((p) => ({ ...(p.weight !== undefined ? { weight: p.weight } : {}), title: p.title, node: { title: p.title, url: p.url, children: [] } })),
      ...childDirs.map((d) => {
        const node = build(d);
        const w = heads.get(d)?.weight;
        return { ...(w !== undefined ? { weight: w } : {}), title: node.title, node };
      }),
    ];
    entries.sort((a, b) => (a.weight ?? Infinity) - (b.weight ?? Infinity) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    return { title: head?.title ?? titleFromDir(dir), url: head?.url ?? '', children: entries.map((e) => e.node) };
  };
  const root = build('.');
  const extra = generated.map((g) => ({ title: g.title, url: g.url, children: (g.children ?? []).map((c) => ({ title: c.title, url: c.url, children: [] })) }));
  root.children = placement === 'first' ? [...extra, ...root.children] : [...root.children, ...extra];
  return root;
}

/** Breadcrumbs and previous / next links of every page in the tree, in one walk. */
export function navPlaces(tree: NavNode): Map<string, NavPlace> {
  const places = new Map<string, NavPlace>();
  const link = (n: NavNode) => ({ title: n.title, url: n.url });
  const folded = new Map<NavNode, NavNode>();
  // A section without an index page has no page of its own to unfold it: it lists its pages (folded) in a disclosure, so every page is reachable from any page.
  const fold = (n: NavNode): NavNode => {
    let out = folded.get(n);
    if (!out) folded.set(n, (out = n.url === '' ? { title: n.title, url: '', children: n.children.map(fold) } : { title: n.title, url: n.url, children: [], ...(n.children.length ? { folded: true } : {}) }));
    return out;
  };
  const sidebar = (path: ReadonlySet<NavNode>) => {
    const unfold = (nodes: readonly NavNode[]): NavNode[] => nodes.map((n) => (path.has(n) ? { title: n.title, url: n.url, children: unfold(n.children), ...(n.url === '' ? { open: true } : {}) } : fold(n)));
    return unfold(tree.children);
  };
  const walk = (node: NavNode, trail: NavNode[]) => {
    const siblings = node.children.filter((n) => n.url !== '');
    const crumbs = [...trail, node].filter((n) => n.url !== '').map(link);
    // A page without pages of its own unfolds nothing more than its section does: its siblings share one sidebar.
    let pagesSidebar: NavNode[] | undefined;
    siblings.forEach((child, at) => {
      const previous = siblings[at - 1];
      const next = siblings[at + 1];
      const own = child.children.length > 0 ? sidebar(new Set([...trail, node, child])) : (pagesSidebar ??= sidebar(new Set([...trail, node])));
      places.set(child.url, { breadcrumbs: crumbs, ...(previous ? { previous: link(previous) } : {}), ...(next ? { next: link(next) } : {}), sidebar: own });
    });
    for (const child of node.children) walk(child, [...trail, node]);
  };
  // The root's entry (under '' when there is no home page) is also the sidebar of pages outside the tree.
  places.set(tree.url, { breadcrumbs: [], sidebar: sidebar(new Set()) });
  walk(tree, []);
  return places;
}

function titleFromDir(dir: string): string {
  const name = posix.basename(dir);
  return name === '.' ? 'Home' : name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}
