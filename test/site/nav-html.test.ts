import { describe, expect, it } from 'vitest';
import { navTreeHtml } from '../../src/view/nav-html.js';
import { navigationTree, navPlaces } from '../../src/view/navigation.js';

describe('the navTree filter', () => {
  it('prints sections, folded sections, disclosures and the current page, escaped as Nunjucks escapes', () => {
    const html = navTreeHtml(
      [
        { title: 'R&D <Lab>', url: '/rd/', children: [{ title: "Bob's page", url: '/rd/bob/', children: [] }] },
        { title: 'Folded', url: '/folded/', children: [], folded: true },
        { title: 'No index', url: '', children: [{ title: 'Child', url: '/x/"y/', children: [] }] },
        { title: 'Open', url: '', open: true, children: [{ title: 'Here', url: '/open/here/', children: [] }] },
      ],
      '/rd/bob/',
    );
    expect(html).toBe(
      '<li class="nav-section"><a href="/rd/">R&amp;D &lt;Lab&gt;</a><ul><li><a href="/rd/bob/" aria-current="page">Bob&#39;s page</a></li>\n</ul></li>\n' +
        '<li class="nav-section nav-folded"><a href="/folded/">Folded</a></li>\n' +
        '<li class="nav-section nav-group"><details><summary>No index</summary><ul><li><a href="/x/&quot;y/">Child</a></li>\n</ul></details></li>\n' +
        '<li class="nav-section nav-group"><details open><summary>Open</summary><ul><li><a href="/open/here/">Here</a></li>\n</ul></details></li>\n',
    );
  });

  it('writes every link under the base path, and compares the current page by its site path', () => {
    expect(navTreeHtml([{ title: 'A', url: '/a/', children: [] }], '/a/', '/handbook')).toBe('<li><a href="/handbook/a/" aria-current="page">A</a></li>\n');
  });
});

describe('the sidebar of a handbook whose sections have no index page', () => {
  const tree = navigationTree(
    [
      { url: '/', title: 'Home', contentPath: 'index.md' },
      { url: '/guides/setup/', title: 'Setup', contentPath: 'guides/setup.md' },
      { url: '/guides/deep/dive/', title: 'Dive', contentPath: 'guides/deep/dive.md' },
      { url: '/team/', title: 'Team', contentPath: 'team/index.md' },
      { url: '/team/people/', title: 'People', contentPath: 'team/people.md' },
      { url: '/about/', title: 'About', contentPath: 'about.md', weight: 9 },
    ],
    [
      { url: '/okrs/', title: 'OKR index' },
      { url: '/kpis/', title: 'KPI index' },
    ],
  );
  const places = navPlaces(tree);
  const titles = (nodes: readonly { title: string; url: string; children: readonly unknown[]; open?: boolean; folded?: boolean }[]): unknown[] =>
    nodes.map((n) => (n.children.length > 0 ? { [n.title + (n.open ? ' (open)' : '')]: titles(n.children as never) } : n.title + (n.folded ? ' (folded)' : '')));

  it('lists the pages of a section without an index on every page, its disclosure open on the way to the page', () => {
    expect(titles(places.get('/')!.sidebar)).toEqual(['About', { Guides: [{ Deep: ['Dive'] }, 'Setup'] }, 'Team (folded)', 'OKR index', 'KPI index']);
    expect(titles(places.get('/guides/deep/dive/')!.sidebar)).toEqual(['About', { 'Guides (open)': [{ 'Deep (open)': ['Dive'] }, 'Setup'] }, 'Team (folded)', 'OKR index', 'KPI index']);
  });

  it('puts the generated pages after the content, or first', () => {
    const first = navigationTree([{ url: '/b/', title: 'B', contentPath: 'b.md' }, { url: '/a/', title: 'A', contentPath: 'a.md' }], [{ url: '/okrs/', title: 'OKR index' }, { url: '/kpis/', title: 'KPI index' }], 'first');
    expect(first.children.map((n) => n.title)).toEqual(['OKR index', 'KPI index', 'A', 'B']);
    expect(tree.children.map((n) => n.title)).toEqual(['About', 'Guides', 'Team', 'OKR index', 'KPI index']);
  });
});
