import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_PAGES } from '../../src/pages/generated.js';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { buildSite } from './build-site.js';

const page = (title: string, weight?: number) => `---\ntitle: ${title}\n${weight === undefined ? '' : `weight: ${weight}\n`}---\n\nAbout ${title}.\n`;

let nested: string;
let sample: string;

beforeAll(async () => {
  const root = writeHandbook({
    'handbook.config.yaml': 'site:\n  title: Acme Handbook\n  repo: https://gitlab.com/acme/handbook\n  branch: trunk\n',
    'content/index.md': page('Home'),
    'content/about.md': page('About', 1),
    'content/guides/index.md': page('Guides', 2),
    'content/guides/zeta.md': page('Zeta'),
    'content/guides/alpha.md': page('Alpha'),
    'content/guides/setup.md': page('Setup', 1),
    'content/guides/deep/index.md': page('Deep', 3),
    'content/guides/deep/inner.md': page('Inner'),
  });
  [nested, sample] = await Promise.all([buildSite(root, 'public'), buildSite(REPO, 'public')]);
});

afterAll(removeTempDirs);

const html = (site: string, url: string) => readFileSync(join(site, url.slice(1), 'index.html'), 'utf8');
const region = (text: string, start: string, end: string) => text.slice(text.indexOf(start), text.indexOf(end, text.indexOf(start)) + end.length);
const hrefs = (text: string) => [...text.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map((m) => m[1]);

describe('sidebar', () => {
  it('follows the content folders at any depth, by weight then title, the generated indexes after them', () => {
    const sidebar = region(html(nested, '/guides/alpha/'), '<nav class="sidebar"', '</nav>');
    // Only the sections on the way to the page are unfolded, so the sidebar stays small in a big handbook.
    expect(hrefs(sidebar)).toEqual(['/', '/about/', '/guides/', '/guides/setup/', '/guides/deep/', '/guides/alpha/', '/guides/zeta/', ...Object.values(GENERATED_PAGES).map((g) => g.url)]);
    expect(sidebar).toMatch(/<li class="nav-section nav-folded">\s*<a href="\/guides\/deep\/">Deep<\/a>/);
    // A section's pages are a list inside its head's item.
    const deep = region(html(nested, '/guides/deep/inner/'), '<nav class="sidebar"', '</nav>');
    expect(deep).toMatch(/<a href="\/guides\/deep\/">Deep<\/a><ul>\s*<li>\s*<a href="\/guides\/deep\/inner\/" aria-current="page">Inner<\/a>/);
  });

  it('marks the current page, and only it', () => {
    for (const url of ['/', '/guides/', '/guides/deep/inner/', '/okrs/']) {
      const sidebar = region(html(nested, url), '<nav class="sidebar"', '</nav>');
      expect([...sidebar.matchAll(/<a href="([^"]*)" aria-current="page">/g)].map((m) => m[1]), url).toEqual([url]);
    }
  });

  it('folds into a <details> menu that works without JavaScript', () => {
    expect(html(nested, '/about/')).toMatch(/<nav class="sidebar" aria-label="Handbook">\s*<details class="fold nav-fold">\s*<summary>Menu<\/summary>/);
  });
});

describe('where a page is', () => {
  it('has breadcrumbs from the home page down to the page itself', () => {
    const crumbs = region(html(nested, '/guides/deep/inner/'), '<nav class="breadcrumbs"', '</nav>');
    expect(hrefs(crumbs)).toEqual(['/', '/guides/', '/guides/deep/', '/guides/deep/inner/']);
    expect(crumbs).toContain('<a href="/guides/deep/inner/" aria-current="page">Inner</a>');
    expect(html(nested, '/')).not.toContain('class="breadcrumbs"');
  });

  it('links the previous and next page within the section', () => {
    const pager = (url: string) => {
      const text = html(nested, url);
      return text.includes('class="pagination"') ? hrefs(region(text, '<nav class="pagination"', '</nav>')) : [];
    };
    expect(pager('/guides/setup/')).toEqual(['/guides/deep/']);
    expect(pager('/guides/alpha/')).toEqual(['/guides/deep/', '/guides/zeta/']);
    expect(pager('/guides/deep/inner/')).toEqual([]);
    expect(html(nested, '/guides/alpha/')).toContain('<a class="pagination-prev" href="/guides/deep/" rel="prev"><span class="pagination-dir">Previous</span> Deep</a>');
  });
});

describe('page chrome', () => {
  it('has the title, description, canonical URL and an Edit this page link to the file', () => {
    const kpis = html(sample, '/data-team/kpis/');
    expect(kpis).toContain('<title>KPIs · Meltano Handbook</title>');
    expect(kpis).toContain('<meta name="description" content="Meltano&#39;s Key Performance Indicators,');
    expect(kpis).toContain('<link rel="canonical" href="https://handbook.example.com/data-team/kpis/">');
    expect(kpis).toContain('href="https://github.com/example/handbook/edit/main/content/data-team/kpis.md">');
    expect(html(nested, '/guides/alpha/')).toContain('href="https://gitlab.com/acme/handbook/-/edit/trunk/content/guides/alpha.md">');
    // The home page's title is the site's: not said twice.
    expect(html(sample, '/')).toContain('<title>Meltano Handbook</title>');
  });

  it('omits Last updated when the file has no commit, and Edit this page on generated pages', () => {
    expect(html(nested, '/about/')).not.toContain('Last updated');
    expect(html(sample, '/okrs/')).not.toContain('Edit this page');
  });

  it('has a table of contents from h2 and h3 only when there are two or more', () => {
    const goals = html(sample, '/company/strategic-goals/');
    const toc = region(goals, '<nav class="toc"', '</nav>');
    expect(hrefs(toc).slice(0, 3)).toEqual(['#what-is-an-okr', '#list-of-current-okrs', '#be-the-infrastructure-for-the-modern-data-stack']);
    expect(toc).toContain('<li class="toc-h3"><a href="#tracking-okrs-in-github">Tracking OKRs in GitHub</a></li>');
    expect(html(sample, '/company/')).not.toContain('aria-label="On this page"');
  });

  it('gives an OKR card its objective, badges, label, initiatives and key results, headings one level below the OKR', () => {
    const goals = html(sample, '/company/strategic-goals/');
    const card = region(goals, '<section class="card okr-card" aria-labelledby="be-the-infrastructure-for-the-modern-data-stack">', '</section>');
    expect(card).toContain('<p class="okr-objective">We will achieve our broad Meltano vision as the DataOps OS.</p>');
    expect(card).toContain('<span class="badge badge-current"><span class="visually-hidden">Timeframe: </span>Current</span>');
    expect(card).toContain('<code>OKR: Be the Infrastructure for the Modern Data Stack</code>');
    expect(card).toContain('<h4 class="card-sub">Key results</h4>');
    expect(card).toContain('KPI: <a href="/data-team/kpis/#app---average-plugin-types-per-project">APP - Average Plugin Types per Project</a>');
    expect(card).toContain('Blocked by <a href="https://gitlab.com/meltano/meta/-/issues/216">');
    // On the index, OKRs are h3 under their phase's h2.
    expect(html(sample, '/okrs/')).toContain('<h4 class="card-sub">Initiatives</h4>');
  });
});
