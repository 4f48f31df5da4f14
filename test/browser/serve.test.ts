/// <reference lib="dom" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/files.js';
import { type Served, startServe } from '../helpers/serve.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { launchChromium, visit, type Visit } from './harness.js';

const TODAY = '2026-06-15';
const PAGE = 'content/company/strategic-goals.md';
const URL_PATH = '/company/strategic-goals/';

let browser: Browser;
let root: string;
let served: Served;
let v: Visit;
let originalText: string;
const original = () => originalText;

beforeAll(async () => {
  root = copySample();
  originalText = readFileSync(join(root, PAGE), 'utf8');
  [browser, served] = await Promise.all([launchChromium(), startServe(['--root', root, '--today', TODAY])]);
  await served.waitFor(/\] Built \d+ pages in \d+ ms \(first build\)/);
  v = await visit(browser, { origin: served.origin, close: async () => undefined }, { viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await v?.context.close();
  await browser?.close();
  if (served && served.child.exitCode === null) await served.stop('SIGKILL');
  removeTempDirs();
});

/** Writes the page and returns when it was written, for the latency. */
function edit(text: string): number {
  writeFileSync(join(root, PAGE), text);
  return performance.now();
}

describe('handbook serve, in Chromium', () => {
  it('serves the sample handbook', async () => {
    const response = await v.page.goto(served.origin + URL_PATH);
    expect(response?.status()).toBe(200);
    await expect.poll(() => v.page.locator('h1').textContent()).toBe('Strategic Goals');
  });

  it('shows an edit of the page without a manual reload', async () => {
    const marker = `Edited ${Date.now()}`;
    const navigations: string[] = [];
    v.page.on('framenavigated', (frame) => frame === v.page.mainFrame() && navigations.push(frame.url()));
    const wrote = edit(`${original()}\n${marker}.\n`);
    await v.page.getByText(marker).waitFor({ timeout: 30_000 });
    const latency = performance.now() - wrote;
    console.log(`handbook serve: an edit reached the browser in ${Math.round(latency)} ms`);
    // The page reloaded itself, once, at its own URL.
    expect(navigations).toEqual([served.origin + URL_PATH]);
  });

  it('lays the errors over the page, with file:line:col, rule, hint and code frame, while the front matter is broken; the last good page stays underneath', async () => {
    edit(original().replace('weight: 2', 'weight: [2').replace('\n---\n', `\n---\nBroken ${Date.now()}.\n`));
    const overlay = v.page.locator('handbook-overlay');
    await overlay.locator('li').first().waitFor({ timeout: 30_000 });
    const text = await overlay.locator('section').innerText();
    expect(text).toContain('The handbook has errors');
    expect(text).toMatch(new RegExp(`${PAGE.replace(/[./]/g, '\\$&')}:3:\\d+`));
    expect(text).toContain('yaml/syntax');
    expect(text).toContain('hint:');
    expect(text).toMatch(/> +3 \| weight: \[2/);
    expect(await overlay.locator('[role=alertdialog]').isVisible()).toBe(true);
    // Underneath, the last good page: the edit of the test before, not the broken one.
    expect(await v.page.getByText(/^Edited \d+\.$/).count()).toBe(1);
    expect(await v.page.getByText(/^Broken \d+\.$/).count()).toBe(0);
  });

  it('shows the same overlay on a page opened while the handbook is broken, before any script runs', async () => {
    const fresh = await visit(browser, { origin: served.origin, close: async () => undefined }, { javaScriptEnabled: false });
    await fresh.page.goto(`${served.origin}/`);
    expect(await fresh.page.locator('handbook-overlay section').innerText()).toContain(`${PAGE}:3:`);
    expect(await fresh.page.locator('h1').first().textContent()).toBeTruthy();
    await fresh.context.close();
  });

  it('hides the overlay on Esc, until the next build', async () => {
    await v.page.keyboard.press('Escape');
    expect(await v.page.locator('handbook-overlay').count()).toBe(0);
  });

  it('takes the overlay away and shows the page again once the file is fixed', async () => {
    const marker = `Fixed ${Date.now()}`;
    edit(`${original()}\n${marker}.\n`);
    await v.page.getByText(marker).waitFor({ timeout: 30_000 });
    expect(await v.page.locator('handbook-overlay').count()).toBe(0);
    expect(await v.page.locator('h1').textContent()).toBe('Strategic Goals');
  });

  it('never writes its script into the built pages, and threw no error in the page', () => {
    const built = join(root, '.cache/okr-handbook/serve-public');
    const html = listFiles(built).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(5);
    expect(html.filter((f) => readFileSync(join(built, f), 'utf8').includes('__handbook'))).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.foreign).toEqual([]);
  });

  it('stops on Ctrl-C: exit code 0, nothing left half-built, no dist/', async () => {
    const code = await served.stop('SIGINT');
    expect([code, served.stdout().split('\n').at(-2)]).toEqual([0, 'Stopped.']);
    expect(readdirSync(join(root, '.cache/okr-handbook')).filter((name) => /\.(staging|old)-/.test(name))).toEqual([]);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
