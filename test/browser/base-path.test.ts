/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { buildSite, listFiles } from '../site/build-site.js';
import { launchChromium, type ServedSite, serveSite, visit, type Visit, closeVisits } from './harness.js';

/**
 * The sample built for a GitHub Pages project site (`--base-url
 * https://example.github.io/handbook/`, its search index in one shard per
 * section) and served under /handbook/ only, as such a host serves it: reading,
 * navigating, searching and the 404 page work, and every request the browser
 * makes is answered 200 (but the one address a test sends to the 404 page).
 * A page of it moved: its old URL sends the reader on.
 */

const PREFIX = '/handbook';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

let browser: Browser;
let dir: string;
let served: ServedSite;
const opened: (Visit & { responses: { url: string; status: number }[] })[] = [];

async function open(options: BrowserContextOptions = DESKTOP) {
  const v = { ...(await visit(browser, served, options)), responses: [] as { url: string; status: number }[] };
  v.context.on('response', (response: Response) => v.responses.push({ url: response.url().slice(served.origin.length), status: response.status() }));
  opened.push(v);
  return v;
}

beforeAll(async () => {
  const root = copySample();
  const config = join(root, 'handbook.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/shard_pages: \d+/, 'shard_pages: 1'));
  const goals = join(root, 'content/company/strategic-goals.md');
  writeFileSync(goals, readFileSync(goals, 'utf8').replace(/^---\n/, '---\nredirect_from: [/company/goals/]\n'));
  const [built, launched] = await Promise.all([buildSite(root, 'public', ['--base-url', 'https://example.github.io/handbook/']), launchChromium()]);
  dir = built;
  browser = launched;
  served = await serveSite(dir, PREFIX);
});

// Whatever a test did: no other origin, no script error, and every request under the base path, answered 200 (the 404 test removes its one 404 first).
afterEach(async () => {
  const visits = await closeVisits(opened);
  const responses = visits.flatMap((v) => v.responses);
  expect(responses.length > 0).toBe(visits.length > 0);
  expect(responses.filter((r) => r.status !== 200 || !r.url.startsWith(`${PREFIX}/`))).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeTempDirs();
});

describe('a site served under a base path', () => {
  it('writes every site URL under the base path', () => {
    for (const file of listFiles(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, file), 'utf8');
      const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      expect(urls.filter((u) => u.startsWith('/') && !u.startsWith(`${PREFIX}/`)), file).toEqual([]);
    }
    expect(readFileSync(join(dir, 'sitemap.xml'), 'utf8')).toContain('<loc>https://example.github.io/handbook/data-team/kpis/</loc>');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<link rel="canonical" href="https://example.github.io/handbook/">');
  });

  it('navigates through the sidebar, the table of contents and the breadcrumbs', async () => {
    const { page } = await open();
    await page.goto(`${served.origin}${PREFIX}/`);
    const sidebar = page.getByRole('navigation', { name: 'Handbook' });
    await sidebar.getByRole('link', { name: 'Data Team' }).click();
    await page.waitForURL(`**${PREFIX}/data-team/`);
    await sidebar.getByRole('link', { name: 'KPIs' }).click();
    await page.waitForURL(`**${PREFIX}/data-team/kpis/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('KPIs');
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Pipeline Runs' }).click();
    await page.waitForURL(`**${PREFIX}/data-team/kpis/#pipeline-runs`);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Data Team' }).click();
    await page.waitForURL(`**${PREFIX}/data-team/`);
    await page.locator('.site-title').click();
    await page.waitForURL(`**${PREFIX}/`);
    await sidebar.getByRole('link', { name: 'Company' }).click();
    await sidebar.getByRole('link', { name: 'Strategic Goals' }).click();
    await page.waitForURL(`**${PREFIX}/company/strategic-goals/`);
    // A key result's link to its KPI, from the page's data, not its body.
    await page.getByRole('link', { name: 'APP - Average Plugin Types per Project' }).click();
    await page.waitForURL(`**${PREFIX}/data-team/kpis/#app---average-plugin-types-per-project`);
  });

  it('searches every shard and goes to a result', async () => {
    const { page } = await open();
    await page.goto(`${served.origin}${PREFIX}/company/`);
    await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('pipeline');
    const hit = page.locator(`.search-results a[href="${PREFIX}/data-team/kpis/"]`);
    await hit.waitFor();
    await page.locator(`.search-results a[href="${PREFIX}/kpis/"]`).waitFor();
    await hit.click();
    await page.waitForURL(`**${PREFIX}/data-team/kpis/`);
  });

  it('sends an old URL on to the page that moved, keeping the fragment', async () => {
    const { page } = await open();
    await page.goto(`${served.origin}${PREFIX}/company/goals/#what-is-an-okr`);
    await page.waitForURL(`**${PREFIX}/company/strategic-goals/#what-is-an-okr`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Strategic Goals');
    await page.goto(`${served.origin}${PREFIX}/company/goals/`, { waitUntil: 'commit' });
    await page.waitForURL(`**${PREFIX}/company/strategic-goals/`);
  });

  it('shows the 404 page, with the site around it, for an unknown address', async () => {
    const v = await open();
    const response = await v.page.goto(`${served.origin}${PREFIX}/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await v.page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    // The 404 page is served at any depth: its stylesheet and script load from the base path.
    expect(await v.page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');
    await v.page.locator('[data-search]').waitFor({ state: 'visible' });
    expect(v.responses.shift()).toEqual({ url: `${PREFIX}/no/such/page/`, status: 404 });
    await v.page.getByRole('link', { name: 'home page' }).click();
    await v.page.waitForURL(`**${PREFIX}/`);
    await v.page.goto(`${served.origin}${PREFIX}/no/such/page/`);
    v.responses.splice(v.responses.findIndex((r) => r.status === 404), 1);
    await v.page.getByRole('navigation', { name: 'Handbook' }).getByRole('link', { name: 'OKR index' }).click();
    await v.page.waitForURL(`**${PREFIX}/okrs/`);
  });
});
