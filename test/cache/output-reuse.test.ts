import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { listFiles, readTree } from '../helpers/files.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const PACKAGE_LAYOUTS = join(REPO, 'layouts');

const PAGES = 60;
/** Small shards, so that a 60-page handbook has several. */
const CONFIG = 'site:\n  title: Reuse\nsearch:\n  shard_pages: 10\n';

function handbook(): string {
  const files: Record<string, string> = {
    'handbook.config.yaml': CONFIG,
    'content/index.md': '---\ntitle: Home\n---\n\nWelcome.\n',
  };
  for (let i = 0; i < PAGES; i++) {
    // Sections of six pages: a page's shard is its section's.
    files[`content/s${Math.floor(i / 6)}/p${i}.md`] = `---\ntitle: Page ${i}\n---\n\n## Intro\n\nText of page ${i}, about topic${i}.\n`;
  }
  // Each section has an index page, so other sections' pages show it folded (a section without one lists its pages on every page).
  for (let s = 0; s < PAGES / 6; s++) files[`content/s${s}/index.md`] = `---\ntitle: Section ${s}\n---\n\nThe pages of section ${s}.\n`;
  return writeHandbook(files);
}

const inodes = (dir: string) => new Map(listFiles(dir).map((f) => [f, statSync(join(dir, f)).ino]));

async function build(root: string, out: string, ...flags: string[]) {
  const result = await runCli(['build', '--root', root, '--out', out, '--today', '2026-11-23', ...flags]);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return join(root, out);
}

describe('a build into the folder of the last one', () => {
  const root = handbook();

  it('makes again only the edited page and its search shard, and writes what a cold build writes', async () => {
    const site = await build(root, 'site');
    const shards = JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(shards.length).toBeGreaterThan(2);
    const before = inodes(site);

    appendFileSync(join(root, 'content/s3/p20.md'), '\nAn edited paragraph.\n');
    await build(root, 'site');
    const after = inodes(site);
    const cold = await build(root, 'cold', '--no-cache');
    expect(readTree(site)).toEqual(readTree(cold));

    const remade = [...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file);
    // Files rewritten on every build: small, and derived from every page.
    const always = ['assets/', 'robots.txt', 'pagefind/shards.json'];
    const changed = remade.filter((f) => !always.some((a) => f.startsWith(a)));
    expect(changed.filter((f) => f.endsWith('.html'))).toEqual(['s3/p20/index.html']);
    // One shard was indexed again: its files live in one bundle folder.
    const bundles = new Set(changed.filter((f) => f.startsWith('pagefind/')).map((f) => /^pagefind\/(shard-\d+\/)?/.exec(f)![0]));
    expect(bundles.size).toBe(1);
  }, 120_000);

  it('makes again, after a title edit, only the pages whose sidebar or neighbours show that title', async () => {
    const site = await build(root, 'site');
    const before = inodes(site);
    const file = join(root, 'content/s3/p20.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Page 20', 'title: Page Twenty'));
    await build(root, 'site');
    const after = inodes(site);
    expect(readTree(site)).toEqual(readTree(await build(root, 'cold', '--no-cache')));
    const remade = [...after].filter(([f, ino]) => f.endsWith('.html') && before.get(f) !== ino).map(([f]) => f);
    // Section s3's index and six pages list it in their sidebar; the other sections show s3 folded.
    expect(remade).toEqual(['s3/index.html', 's3/p18/index.html', 's3/p19/index.html', 's3/p20/index.html', 's3/p21/index.html', 's3/p22/index.html', 's3/p23/index.html']);
  }, 120_000);

  it('keeps one HTML file per page body in the cache, dropping the one an edit replaced', async () => {
    await build(root, 'site');
    const html = join(root, '.cache/okr-handbook/html');
    const before = new Set(readdirSync(html));
    expect(before.size).toBe(PAGES + PAGES / 6 + 1);
    appendFileSync(join(root, 'content/s0/p1.md'), '\nAnother edit.\n');
    await build(root, 'site');
    const after = new Set(readdirSync(html));
    expect(after.size).toBe(PAGES + PAGES / 6 + 1);
    expect([...before].filter((f) => !after.has(f))).toHaveLength(1);
  }, 60_000);

  it('makes again a page whose output file was edited by hand', async () => {
    const site = await build(root, 'site');
    const page = join(site, 's1/p7/index.html');
    const good = readFileSync(page);
    // Same length, so only the mtime tells the edit.
    writeFileSync(page, good.toString().replace('Text of page 7', 'Text of PAGE 7'));
    await build(root, 'site');
    expect(readFileSync(page)).toEqual(good);
  }, 60_000);

  it('makes every page again under a new base path (--base-url), as a cold build does, and back', async () => {
    const site = await build(root, 'site');
    const before = inodes(site);
    await build(root, 'site', '--base-url', '/preview/mr-12/');
    const after = inodes(site);
    expect([...after].filter(([file, ino]) => file.endsWith('.html') && before.get(file) === ino)).toEqual([]);
    expect(readFileSync(join(site, 's0/p1/index.html'), 'utf8')).toContain('href="/preview/mr-12/s0/p2/"');
    expect(readTree(site)).toEqual(readTree(await build(root, 'cold', '--no-cache', '--base-url', '/preview/mr-12/')));
    await build(root, 'site');
    expect(readTree(site)).toEqual(readTree(await build(root, 'cold', '--no-cache')));
  }, 120_000);

  it('is a cold build with --no-cache', async () => {
    const site = await build(root, 'site');
    const before = inodes(site);
    await build(root, 'site', '--no-cache');
    const after = inodes(site);
    expect([...after].filter(([file, ino]) => before.get(file) === ino)).toEqual([]);
  }, 60_000);
});

describe('a static file named like a file every build writes', () => {
  // It used to replace the generated page silently; a generated file's place is never a static file's (a custom 404 page is a layout).
  it('is an error at the static file, and nothing is written', async () => {
    const root = writeHandbook({
      'handbook.config.yaml': 'site:\n  title: Static\n',
      'content/index.md': '---\ntitle: Home\n---\n\nWelcome.\n',
      'static/404.html': '<!doctype html><title>Lost</title><p>Our own 404 page.</p>\n',
    });
    const result = await runCli(['build', '--root', root, '--out', 'site', '--format', 'json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([1, [expect.objectContaining({ file: 'static/404.html', line: 1, column: 1, code: 'static/reserved-path' })]]);
    expect(existsSync(join(root, 'site'))).toBe(false);
  }, 60_000);
});

describe('a public build after an internal value is added', () => {
  // What editors write is checked at the source; what a layout prints, only the scan sees, in pages taken from the last build too.
  it('scans the pages it takes from the last build for the new value', async () => {
    const root = writeHandbook({
      // A shard per section: the home page's search shard is taken from the last build too.
      'handbook.config.yaml': 'site:\n  title: Scan\nsearch:\n  shard_pages: 1\n',
      'content/index.md': '---\ntitle: Home\n---\n\nWelcome.\n',
      'content/metrics.md': '---\ntitle: Metrics\n---\n\nNothing yet.\n',
    });
    cpSync(PACKAGE_LAYOUTS, join(root, 'layouts'), { recursive: true });
    appendFileSync(join(root, 'layouts/page.njk'), '<p>We ran 7301.25 checks last year.</p>\n');
    await build(root, 'site');
    writeFileSync(
      join(root, 'content/metrics.md'),
      '---\ntitle: Metrics\nkpis:\n  - id: m\n    name: Metric M\n    definition: How many.\n    calculation: https://example.com/m\n    current_value: 7301.25\n---\n\n:::kpis\n',
    );
    const run = (...flags: string[]) => runCli(['build', '--root', root, '--out', 'site', '--today', '2026-11-23', ...flags]);
    const warm = await run();
    expect(warm.code).toBe(1);
    // The unchanged home page (taken from the last build, with its search fragment) is found with the value it always held.
    expect([...warm.stdout.matchAll(/public page `([^`]+)`/g)].map((m) => m[1])).toEqual(['/', '/metrics/']);
    expect(await run('--no-cache')).toEqual(warm);
  }, 60_000);
});
