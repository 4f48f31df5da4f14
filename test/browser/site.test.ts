/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { buildSite, listFiles, searchIndexText } from '../site/build-site.js';
import { axeViolations, type AxeFinding, inViewport, launchChromium, layoutShift, type ServedSite, serveSite, visit, type Visit, closeVisits } from './harness.js';

/** Ignored by git: screenshots for people to look at, refreshed on every run. */
const SCREENSHOTS = join(REPO, 'test/.artifacts/screenshots');
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

let browser: Browser;
type Site = 'public' | 'internal' | 'sharded';
const sites: Record<Site, { dir: string; served: ServedSite; urls: string[] }> = {} as never;
const opened: Visit[] = [];

/** Every page of a built site as a URL path: its HTML files, `index.html` as `/`. */
function pageUrls(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
}

async function open(audience: Site, options: BrowserContextOptions): Promise<Visit> {
  const v = await visit(browser, sites[audience].served, options);
  opened.push(v);
  return v;
}

const url = (audience: Site, path: string) => sites[audience].served.origin + path;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The sample with its search index in one shard per section.
  const sharded = copySample();
  const config = join(sharded, 'handbook.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/shard_pages: \d+/, 'shard_pages: 1'));
  const [publicDir, internalDir, shardedDir, launched] = await Promise.all([buildSite(REPO, 'public'), buildSite(REPO, 'internal'), buildSite(sharded, 'public'), launchChromium()]);
  browser = launched;
  for (const [audience, dir] of [['public', publicDir], ['internal', internalDir], ['sharded', shardedDir]] as const) {
    sites[audience] = { dir, served: await serveSite(dir), urls: pageUrls(dir) };
  }
});

// Whatever a test did, the site asked no other origin for anything and threw no error.
afterEach(async () => {
  await closeVisits(opened);
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.served.close();
  removeTempDirs();
});

describe('navigation', () => {
  it('goes from the sidebar to the KPIs page and on to a KPI by its anchor', async () => {
    const { page } = await open('public', DESKTOP);
    await page.goto(url('public', '/'));
    const sidebar = page.getByRole('navigation', { name: 'Handbook' });
    // Sections other than the current page's are folded: the section's page unfolds it.
    expect(await sidebar.locator('a[href="/data-team/kpis/"]').count()).toBe(0);
    await sidebar.locator('a[href="/data-team/"]').click();
    await page.waitForURL('**/data-team/');
    await sidebar.locator('a[href="/data-team/kpis/"]').click();
    await page.waitForURL('**/data-team/kpis/');
    expect(await sidebar.locator('[aria-current="page"]').getAttribute('href')).toBe('/data-team/kpis/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('KPIs');

    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Pipeline Runs' }).click();
    await page.waitForURL('**/data-team/kpis/#pipeline-runs');
    expect(await inViewport(page, '#pipeline-runs')).toBe(true);
    expect(await page.locator('#pipeline-runs + section.kpi .badge-north-star').textContent()).toContain('North-star metric');

    // A key result links to its KPI's heading.
    await sidebar.getByRole('link', { name: 'Company' }).click();
    await page.waitForURL('**/company/');
    await sidebar.getByRole('link', { name: 'Strategic Goals' }).click();
    await page.waitForURL('**/company/strategic-goals/');
    await page.getByRole('link', { name: 'APP - Average Plugin Types per Project' }).click();
    await page.waitForURL('**/data-team/kpis/#app---average-plugin-types-per-project');
    expect(await inViewport(page, '#app---average-plugin-types-per-project')).toBe(true);
  });

  it('shows where a page is: breadcrumbs, previous and next within the section', async () => {
    const { page } = await open('public', DESKTOP);
    await page.goto(url('public', '/data-team/kpis/'));
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['Meltano Handbook', 'Data Team', 'KPIs']);
    await crumbs.getByRole('link', { name: 'Data Team' }).click();
    await page.waitForURL('**/data-team/');

    const pager = page.getByRole('navigation', { name: 'Previous and next pages' });
    expect(await pager.getByRole('link').allTextContents()).toEqual(['Previous Company', 'Next OKR index']);
    await pager.getByRole('link', { name: 'Previous Company' }).click();
    await page.waitForURL('**/company/');
  });

  it('sends unknown addresses to the 404 page, with the site around it', async () => {
    const { page } = await open('public', DESKTOP);
    const response = await page.goto(url('public', '/no/such/page/'));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.getByRole('navigation', { name: 'Handbook' }).getByRole('link', { name: 'OKR index' }).click();
    await page.waitForURL('**/okrs/');
  });

  it('lets the keyboard skip to the content, and shows heading anchors on focus', async () => {
    const { page } = await open('public', DESKTOP);
    await page.goto(url('public', '/company/strategic-goals/'));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await inViewport(page, '.skip-link')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**#content');

    const anchor = page.locator('#what-is-an-okr .heading-anchor');
    expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await anchor.focus();
    expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await anchor.getAttribute('aria-label')).toBe('Link to section: What is an OKR?');
  });
});

describe('search', () => {
  it('finds the KPIs page for "pipeline" and goes there', async () => {
    const { page } = await open('public', DESKTOP);
    await page.goto(url('public', '/company/'));
    const box = page.getByRole('searchbox', { name: 'Search the handbook' });
    await box.fill('pipeline');
    const hit = page.locator('.search-results a[href="/data-team/kpis/"]');
    await hit.waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/^(\d+ pages match|1 page matches) “pipeline”\.$/);
    expect(await page.locator('.search-results a[href="/kpis/"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'search-1280.png') });

    // Arrow keys move through the results; Enter follows one.
    await box.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first).toMatch(/^\/[a-z-/]*$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${first}`);
  });

  it('searches every shard of a sharded index at once', async () => {
    const shards = JSON.parse(readFileSync(join(sites.sharded.dir, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(shards.length).toBeGreaterThan(0);
    // The two pages this search finds are in different shards: each fragment names its page.
    const bundleOf = new Map([...searchIndexText(sites.sharded.dir)].flatMap(([file, text]) => (/(^|\/)fragment\//.test(file) ? [[(JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url, file.split('fragment/')[0]]] : [])));
    expect(bundleOf.get('/data-team/kpis/')).toBeDefined();
    expect(bundleOf.get('/data-team/kpis/')).not.toBe(bundleOf.get('/kpis/'));
    const { page } = await open('sharded', DESKTOP);
    await page.goto(url('sharded', '/company/'));
    await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('pipeline');
    await page.locator('.search-results a[href="/data-team/kpis/"]').waitFor();
    await page.locator('.search-results a[href="/kpis/"]').waitFor();
  });

  it('tells the reader when nothing matches', async () => {
    const { page } = await open('public', PHONE);
    await page.goto(url('public', '/'));
    await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('zzqqj');
    await page.locator('.search-empty').waitFor();
    expect(await page.locator('#search-status').textContent()).toBe('No pages match “zzqqj”.');
  });
});

describe('accessibility', () => {
  for (const audience of ['public', 'internal'] as const) {
    it(`axe-core finds no violation on any page of the ${audience} site, light and dark`, async () => {
      const { page } = await open(audience, DESKTOP);
      const found: (AxeFinding & { page: string; scheme: string })[] = [];
      // The sample's pages, the 404 page, the indexes, the transparency page and the archive pages of its two quarters.
      expect(sites[audience].urls.length).toBe(11);
      for (const path of sites[audience].urls) {
        await page.goto(url(audience, path));
        expect(await page.locator('.internal-banner').isVisible(), `${path}: Internal banner`).toBe(audience === 'internal');
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          for (const finding of await axeViolations(page)) found.push({ page: path, scheme, ...finding });
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('axe-core finds no violation on a phone, with the menu and the table of contents open', async () => {
    const { page } = await open('internal', PHONE);
    await page.goto(url('internal', '/company/strategic-goals/'));
    await page.getByText('Menu', { exact: true }).click();
    await page.locator('.toc summary').click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('has one h1, the landmarks, and a sidebar that marks the current page on every page', async () => {
    const { page } = await open('public', DESKTOP);
    for (const path of sites.public.urls) {
      await page.goto(url('public', path));
      const counts = await page.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        header: document.querySelectorAll('body > header').length,
        main: document.querySelectorAll('main').length,
        footer: document.querySelectorAll('footer.site-footer').length,
        current: document.querySelectorAll('.sidebar [aria-current="page"]').length,
      }));
      expect(counts, path).toEqual({ h1: 1, header: 1, main: 1, footer: 1, current: path === '/404.html' ? 0 : 1 });
    }
  });
});

describe('without JavaScript', () => {
  it('reads and navigates on a phone: menu, table of contents, links; no search box', async () => {
    const { page } = await open('public', { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('public', '/'));
    expect(await page.locator('[data-search]').isVisible()).toBe(false);
    const sidebar = page.getByRole('navigation', { name: 'Handbook' });
    const company = sidebar.getByRole('link', { name: 'Company' });
    expect(await company.isVisible()).toBe(false);
    await sidebar.getByText('Menu', { exact: true }).click();
    await company.click();
    await page.waitForURL('**/company/');
    await sidebar.getByText('Menu', { exact: true }).click();
    await sidebar.getByRole('link', { name: 'Strategic Goals' }).click();
    await page.waitForURL('**/company/strategic-goals/');
    expect(await page.locator('.okr-card').count()).toBe(4);
    expect(await page.locator('.okr-card').first().isVisible()).toBe(true);

    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.locator('summary').click();
    await toc.getByRole('link', { name: 'Tracking OKRs in GitHub' }).click();
    await page.waitForURL('**#tracking-okrs-in-github');
    expect(await inViewport(page, '#tracking-okrs-in-github')).toBe(true);
  });

  it('shows the sidebar and the table of contents on a desktop without a click', async () => {
    const { page } = await open('public', { ...DESKTOP, javaScriptEnabled: false });
    await page.goto(url('public', '/company/strategic-goals/'));
    expect(await page.getByRole('navigation', { name: 'Handbook' }).getByRole('link', { name: 'Strategic Goals' }).isVisible()).toBe(true);
    await page.goto(url('public', '/data-team/kpis/'));
    expect(await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Intro to KPIs' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Handbook' }).getByRole('link', { name: 'OKR index' }).click();
    await page.waitForURL('**/okrs/');
    expect(await page.locator('h2').evaluateAll((els) => els.map((el) => el.id))).toEqual(['current-okrs', 'future-okrs', 'past-okrs', 'archive-by-quarter']);
  });
});

describe('layout', () => {
  it('does not shift while loading, on a phone or a desktop', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const { page } = await open('public', options);
      await page.goto(url('public', '/company/strategic-goals/'));
      await page.locator('[data-search]').waitFor({ state: 'visible' });
      expect(await layoutShift(page)).toBe(0);
    }
  });

  it('fits a 320px screen without sideways scrolling', async () => {
    const { page } = await open('internal', { viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/company/strategic-goals/', '/data-team/kpis/', '/okrs/', '/okrs/2022-q3/']) {
      await page.goto(url('internal', path));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBe(320);
    }
  });

  it('prints without navigation, with link targets written out', async () => {
    const { page } = await open('public', DESKTOP);
    await page.goto(url('public', '/company/strategic-goals/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    const after = await page.locator('.initiatives a').first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain('https://gitlab.com/groups/meltano/');
  });
});

describe('screenshots', () => {
  it('saves the sample at 375px and 1280px, light and dark, public and internal', async () => {
    const shots: [audience: 'public' | 'internal', path: string, name: string][] = [
      ['public', '/', 'home'],
      ['public', '/company/strategic-goals/', 'strategic-goals'],
      ['public', '/data-team/kpis/', 'kpis'],
      ['public', '/okrs/', 'okr-index'],
      ['internal', '/company/strategic-goals/', 'internal-strategic-goals'],
      ['internal', '/data-team/kpis/', 'internal-kpis'],
      ['internal', '/okrs/', 'internal-okr-index'],
      ['internal', '/okrs/2022-q3/', 'internal-archive'],
    ];
    for (const [label, options] of [['375', PHONE], ['1280', DESKTOP]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const audience of ['public', 'internal'] as const) {
          const { page } = await open(audience, { ...options, colorScheme: scheme });
          for (const [a, path, name] of shots.filter((s) => s[0] === audience)) {
            if (scheme === 'dark' && a === 'public' && name !== 'strategic-goals') continue;
            await page.goto(url(a, path));
            await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}-${scheme}.png`), fullPage: true });
          }
        }
      }
    }
    // Twenty-odd full-page screenshots: a minute is not enough on a busy machine running the whole suite.
  }, 180_000);
});
