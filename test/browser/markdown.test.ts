/// <reference lib="dom" />
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { buildSite } from '../site/build-site.js';
import { axeViolations, launchChromium, type ServedSite, serveSite, visit, type Visit, closeVisits } from './harness.js';

/** test/fixtures/build/markdown (every callout type, code in several languages) as a reader sees it, light and dark. */

const SCREENSHOTS = join(REPO, 'test/.artifacts/screenshots');
let browser: Browser;
let served: ServedSite;
const opened: Visit[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const root = tempDir();
  cpSync(join(REPO, 'test/fixtures/build/markdown'), root, { recursive: true });
  const [dir, launched] = await Promise.all([buildSite(root, 'public'), launchChromium()]);
  browser = launched;
  served = await serveSite(dir);
});

afterEach(async () => {
  await closeVisits(opened);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeTempDirs();
});

describe('callouts and highlighted code', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`are readable and accessible in ${scheme} mode: notes with their titles, code in colours that keep their contrast`, async () => {
      const v = await visit(browser, served, { viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      opened.push(v);
      await v.page.goto(`${served.origin}/`);
      const notes = v.page.getByRole('note');
      expect(await notes.count()).toBe(5);
      expect(await v.page.locator('[role="note"] > .callout-title').allTextContents()).toEqual(['Note', 'Tip', 'Important', 'Warning', 'Caution']);
      // Each type has its own colour, and its tokens theirs, distinct from the text's.
      const colours = await v.page.locator('.callout-title').evaluateAll((els) => els.map((el) => getComputedStyle(el).color));
      expect(new Set(colours).size).toBe(5);
      const text = await v.page.locator('pre code').first().evaluate((el) => getComputedStyle(el).color);
      const keyword = await v.page.locator('pre code .token.keyword').first().evaluate((el) => getComputedStyle(el).color);
      expect(keyword).not.toBe(text);
      expect(await axeViolations(v.page)).toEqual([]);
      await v.page.screenshot({ path: join(SCREENSHOTS, `markdown-1280-${scheme}.png`), fullPage: true });
    });
  }
});
