/// <reference lib="dom" />
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_PAGES } from '../../src/pages/generated.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { buildSite, listFiles } from '../site/build-site.js';
import { axeViolations, launchChromium, type ServedSite, serveSite, visit, type Visit, closeVisits } from './harness.js';

/**
 * A handbook whose sections have no index page (one nested in another, one
 * inside a section that has one): from the home page, a reader reaches every
 * page through the sidebar alone, by opening its disclosures, with and
 * without JavaScript, on a desktop and on a phone (where the sidebar is a menu).
 */

const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nAbout ${title.toLowerCase()}.\n`;
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 } };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

let browser: Browser;
let served: ServedSite;
let pages: string[];
const opened: Visit[] = [];

beforeAll(async () => {
  const root = writeHandbook({
    'handbook.config.yaml': 'site:\n  title: No Index Handbook\n',
    'content/index.md': page('Home'),
    'content/about.md': page('About', 'weight: 1\n'),
    'content/guides/setup.md': page('Setup'),
    'content/guides/deep/dive.md': page('Dive'),
    'content/guides/deep/deeper/bottom.md': page('Bottom'),
    'content/team/index.md': page('Team'),
    'content/team/people.md': page('People'),
    'content/team/roles/lead.md': page('Lead'),
    'content/zebra/stripes.md': page('Stripes'),
  });
  const [dir, launched] = await Promise.all([buildSite(root, 'public'), launchChromium()]);
  browser = launched;
  served = await serveSite(dir);
  pages = listFiles(dir)
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
});

afterEach(async () => {
  await closeVisits(opened);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeTempDirs();
});

/** The sidebar links a reader can follow from this page: the menu opened (on a phone), then every closed section, by a click on its summary. */
async function sidebarLinks(page: Page): Promise<string[]> {
  const sidebar = page.getByRole('navigation', { name: 'Handbook' });
  const menu = sidebar.locator('.nav-fold > summary');
  if (await menu.isVisible()) await menu.click();
  for (;;) {
    const closed = sidebar.locator('.nav-group > details:not([open]) > summary');
    const visible = (await closed.evaluateAll((els) => els.map((el) => (el as HTMLElement).offsetParent !== null))).indexOf(true);
    if (visible === -1) break;
    await closed.nth(visible).click();
  }
  return sidebar.locator('a[href]').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getAttribute('href')!));
}

/** Every page reached from the home page by following sidebar links only. */
async function reachable(options: BrowserContextOptions): Promise<string[]> {
  const v = await visit(browser, served, options);
  opened.push(v);
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  while (queue.length > 0) {
    const path = queue.shift()!;
    await v.page.goto(served.origin + path);
    for (const href of await sidebarLinks(v.page)) {
      if (!seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return [...seen].sort();
}

describe('a handbook whose sections have no index page', () => {
  it('lists each such section as a disclosure, generated pages after the content', async () => {
    const v = await visit(browser, served, DESKTOP);
    opened.push(v);
    await v.page.goto(`${served.origin}/`);
    const sidebar = v.page.getByRole('navigation', { name: 'Handbook' });
    const generated = Object.values(GENERATED_PAGES).map((g) => g.title);
    expect(await sidebar.locator('.nav-tree > li > a, .nav-tree > li > details > summary').allTextContents()).toEqual(['Home', 'About', 'Guides', 'Team', 'Zebra', ...generated]);
    expect(await sidebar.locator('details[open]').count()).toBe(0);
    await v.page.goto(`${served.origin}/guides/deep/dive/`);
    // On the way to the page, its sections are open.
    expect(await sidebar.locator('details[open] > summary').allTextContents()).toEqual(['Guides', 'Deep']);
    expect(await axeViolations(v.page)).toEqual([]);
  });

  for (const [name, options] of [
    ['with JavaScript, on a desktop', DESKTOP],
    ['without JavaScript, on a desktop', { ...DESKTOP, javaScriptEnabled: false }],
    ['without JavaScript, on a phone', { ...PHONE, javaScriptEnabled: false }],
  ] as const) {
    it(`lets a reader reach every page from the home page through the sidebar, ${name}`, async () => {
      expect(pages.length).toBe(9 + Object.keys(GENERATED_PAGES).length);
      expect(await reachable(options)).toEqual(pages);
    });
  }
});
