import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { copySample, removeTempDirs, tempDir } from '../helpers/temp.js';
import { ChromiumHtml } from './crawl.js';
import { AUDIENCES, buildBoth, check, expectBuiltAndLinked, limiter, TODAY } from './invariant.js';

/**
 * The promise under a base path: `handbook check` exits 0 ⇒ both audiences
 * build with `--base-url https://example.github.io/handbook/`, and every link
 * of each site resolves when it is served under /handbook/ (a link to `/x/`,
 * outside it, does not). Over the handbooks that write the most kinds of URL:
 * the sample, pages that moved, a migrated Jekyll handbook, callouts and code,
 * and the canary (every record field).
 */

afterAll(removeTempDirs);
const html = new ChromiumHtml();
afterAll(() => html.close());

const BASE = ['--base-url', 'https://example.github.io/handbook/'];
const fixture = (path: string) => () => {
  const root = tempDir();
  cpSync(join(REPO, 'test/fixtures', path), root, { recursive: true });
  return root;
};
const CASES: [name: string, make: () => string, today: string][] = [
  ['sample', copySample, TODAY],
  ['link/link-to-redirect', fixture('link/link-to-redirect'), TODAY],
  ['check/migration-jekyll', fixture('check/migration-jekyll'), TODAY],
  ['build/markdown', fixture('build/markdown'), TODAY],
  ['build/canary', fixture('build/canary'), '2031-06-15'],
];

const run = limiter(2);
const checked = await Promise.all(
  CASES.map(([name, make, today]) =>
    run(async () => {
      const root = make();
      return { name, today, root, check: await check(root, today) };
    }),
  ),
);

describe('check exits 0 ⇒ both audiences build under a base path and every link resolves there', () => {
  for (const c of checked) {
    it(`${c.name}`, async () => {
      expect(c.check.code, c.check.stdout).toBe(0);
      const built = await run(() => buildBoth(c.root, c.today, BASE));
      for (const audience of AUDIENCES) await expectBuiltAndLinked(c.root, audience, built[audience], html, undefined, '/handbook');
    });
  }
});
