import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { listFiles, readTree } from '../helpers/files.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { build, PACKAGE_LAYOUTS } from './helpers.js';

afterAll(removeTempDirs);

const TODAY = '2026-06-15';

/** The sample handbook with a layouts/ of its own that holds only `files`. */
function sampleWithLayouts(files: Record<string, string>): string {
  const root = copySample();
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, 'layouts', path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

const BREADCRUMBS = '<nav class="breadcrumbs custom-crumbs">{% for crumb in hb.nav.breadcrumbs %}<a href="{{ crumb.url }}">{{ crumb.title }}</a> / {% endfor %}{{ hb.title }}</nav>\n';

describe('a layouts/ that holds one partial', () => {
  it('passes check and builds both audiences: every other file comes from the shipped layouts', async () => {
    const root = sampleWithLayouts({ 'partials/breadcrumbs.njk': BREADCRUMBS });
    expect((await checkJson(root, ['--today', TODAY])).code).toBe(0);
    for (const audience of ['public', 'internal']) {
      const out = join(root, `dist-${audience}`);
      const result = await build(root, '--audience', audience, '--out', out, '--today', TODAY);
      expect([result.code, result.stderr], audience).toEqual([0, '']);
      const page = readFileSync(join(out, 'company/strategic-goals/index.html'), 'utf8');
      expect(page).toContain('<nav class="breadcrumbs custom-crumbs"><a href="/">');
      expect(page).not.toContain('aria-label="Breadcrumbs"');
      // The page layout, the base layout, the other partials and the assets are the shipped ones.
      expect(page).toContain('<article class="page" data-pagefind-body>');
      expect(page).toContain('<nav class="toc" aria-label="On this page"');
      expect(readFileSync(join(out, 'assets/site.css'))).toEqual(readFileSync(join(PACKAGE_LAYOUTS, 'assets/site.css')));
    }
  });

  it('makes the pages again when the partial changes, and only then', async () => {
    const root = sampleWithLayouts({ 'partials/breadcrumbs.njk': BREADCRUMBS });
    expect((await build(root, '--today', TODAY)).code).toBe(0);
    const first = readTree(join(root, 'dist'));
    expect((await build(root, '--today', TODAY)).code).toBe(0);
    expect(readTree(join(root, 'dist'))).toEqual(first);
    writeFileSync(join(root, 'layouts/partials/breadcrumbs.njk'), BREADCRUMBS.replace(' / ', ' › '));
    expect((await build(root, '--today', TODAY)).code).toBe(0);
    expect(readFileSync(join(root, 'dist/company/strategic-goals/index.html'), 'utf8')).toContain('</a> › Strategic Goals</nav>');
  });

  it('replaces a shipped asset with its own, and keeps the others', async () => {
    const root = sampleWithLayouts({ 'assets/site.css': 'body { color: rebeccapurple; }\n' });
    expect((await build(root, '--today', TODAY)).code).toBe(0);
    expect(readFileSync(join(root, 'dist/assets/site.css'), 'utf8')).toBe('body { color: rebeccapurple; }\n');
    expect(listFiles(join(root, 'dist/assets'))).toEqual(listFiles(join(PACKAGE_LAYOUTS, 'assets')));
  });
});

describe('a layout of its own beside the shipped ones', () => {
  it('may be named by a page, and check lists it with the shipped layouts when a page names one that does not exist', async () => {
    const root = sampleWithLayouts({ 'wide.njk': '---\nlayout: _base.njk\n---\n<article class="wide">{% for part in hb.parts %}{{ part.html | safe }}{% endfor %}</article>\n' });
    const page = join(root, 'content/company/strategic-goals.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('layout: page', 'layout: wide'));
    expect((await checkJson(root, ['--today', TODAY])).code).toBe(0);
    expect((await build(root, '--today', TODAY)).code).toBe(0);
    expect(readFileSync(join(root, 'dist/company/strategic-goals/index.html'), 'utf8')).toContain('<article class="wide">');

    writeFileSync(page, readFileSync(page, 'utf8').replace('layout: wide', 'layout: wid'));
    const checked = await checkJson(root, ['--today', TODAY]);
    expect(checked.code).toBe(1);
    expect(checked.diagnostics).toEqual([
      {
        file: 'content/company/strategic-goals.md', line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'error', code: 'page/invalid-layout', path: 'layout',
        message: 'layout `wid` does not exist, expected one of `page`, `wide`', hint: 'did you mean `wide`?',
      },
    ]);
  });
});

describe('a partial of its own that fails', () => {
  it('is reported at its own file, line and column (where Nunjucks points: the call), and nothing is written', async () => {
    const root = sampleWithLayouts({ 'partials/toc.njk': '<nav>\n  {{ hb.toc.missing.call() }}\n</nav>\n' });
    const before = treeHash(root);
    const result = await build(root, '--today', TODAY, '--format', 'json', '--no-cache');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'layouts/partials/toc.njk', line: 2, column: 25, code: 'build/layout-error', message: expect.stringMatching(/^Unable to call `hb\["toc"\]\["missing"\]\["call"\]`, which is undefined or falsey$/) }),
    ]);
    expect(treeHash(root)).toBe(before);
  });

  it('that Nunjucks cannot compile is reported at its own file, with what Nunjucks said', async () => {
    const root = sampleWithLayouts({ 'partials/toc.njk': '<nav>\n{{ hb.toc | nosuchfilter }}\n</nav>\n' });
    const result = await build(root, '--today', TODAY, '--format', 'json', '--no-cache');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ file: 'layouts/partials/toc.njk', line: 1, column: 1, code: 'build/layout-error', message: 'filter not found: nosuchfilter' })]);
  });
});
