import { describe, expect, it } from 'vitest';
import { navTreeHtml } from '../../src/view/nav-html.js';

describe('the navTree filter', () => {
  it('prints sections, folded sections, labels and the current page, escaped as Nunjucks escapes', () => {
    const html = navTreeHtml(
      [
        { title: 'R&D <Lab>', url: '/rd/', children: [{ title: "Bob's page", url: '/rd/bob/', children: [] }] },
        { title: 'Folded', url: '/folded/', children: [], folded: true },
        { title: 'No index', url: '', children: [{ title: 'Child', url: '/x/"y/', children: [] }] },
      ],
      '/rd/bob/',
    );
    expect(html).toBe(
      '<li class="nav-section"><a href="/rd/">R&amp;D &lt;Lab&gt;</a><ul><li><a href="/rd/bob/" aria-current="page">Bob&#39;s page</a></li>\n</ul></li>\n' +
        '<li class="nav-section nav-folded"><a href="/folded/">Folded</a></li>\n' +
        '<li class="nav-section"><span class="nav-label">No index</span><ul><li><a href="/x/&quot;y/">Child</a></li>\n</ul></li>\n',
    );
  });
});
