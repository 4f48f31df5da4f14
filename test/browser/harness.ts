/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import axeCore from 'axe-core';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import sirv from 'sirv';
import { expect, inject } from 'vitest';
import type { ChromiumLaunch } from '../setup/chromium.js';

/**
 * The machine has no network: without these flags chromium waits on
 * background requests (updates, sync, QUIC probes) and hangs. Playwright gives
 * every launch a fresh temporary user-data-dir of its own. The headless shell of
 * @sparticuz/chromium needs no flag more: Playwright already passes
 * --enable-unsafe-swiftshader, and the SwiftShader libraries lie next to the binary.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless chromium: the one test/setup/chromium.ts extracted from @sparticuz/chromium, or CHROMIUM_PATH. */
export function launchChromium(): Promise<Browser> {
  const launch: ChromiumLaunch | undefined = inject('chromium');
  if (!launch) throw new Error('No Chromium provided: the browser tests need the global setup test/setup/chromium.ts (see vitest.config.ts)');
  return chromium.launch({ executablePath: launch.executablePath, args: FLAGS, env: { ...process.env, ...launch.env }, timeout: 60_000 });
}

/** A built site served over HTTP on 127.0.0.1. */
export interface ServedSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site as a static host would: files as they are, 404.html
 * (status 404) for anything else. Under `prefix` (`/handbook`), as a GitHub or
 * GitLab Pages project site is: the folder's files are there, and nothing is
 * served outside it but the 404 page.
 */
export async function serveSite(dir: string, prefix = ''): Promise<ServedSite> {
  const notFound = readFileSync(join(dir, '404.html'));
  const files = sirv(dir, { dev: false, etag: false });
  const missing = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (prefix !== '' && url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) return missing(res);
    req.url = url.slice(prefix.length) || '/';
    files(req, res, () => missing(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A browser context on one site, and what went wrong in it: requests to other origins, script errors. */
export interface Visit {
  context: BrowserContext;
  page: Page;
  /** URLs requested from anywhere but the site's origin. */
  foreign: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

/**
 * Closes the visits a test opened (emptying `opened`) and checks what every
 * browser test checks: no other origin was asked for anything, no script
 * failed. Returns the visits, for checks of a suite's own.
 */
export async function closeVisits<V extends Visit>(opened: V[]): Promise<V[]> {
  const visits = opened.splice(0);
  for (const v of visits) await v.context.close();
  expect(visits.flatMap((v) => v.foreign)).toEqual([]);
  expect(visits.flatMap((v) => v.errors)).toEqual([]);
  return visits;
}

/** Opens a context and a page on a served site, recording foreign requests and errors. */
export async function visit(browser: Browser, site: ServedSite, options: BrowserContextOptions): Promise<Visit> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${site.origin}/`) && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // A page answered with 404 is a test's own doing; a failed asset or script is not.
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return { context, page, foreign, errors };
}

/** One axe-core violation, in words a failing test can show. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core (every rule it enables by default: WCAG 2.x A/AA and best practices) on the page. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axeCore.source });
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: typeof axeCore };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ rule: v.id, impact: String(v.impact), help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Whether an element lies entirely inside the viewport. */
export function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

/** The page's cumulative layout shift since it started loading. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in the observer's first callback, within a frame or two.
        setTimeout(() => resolve(total), 200);
      }),
  );
}
