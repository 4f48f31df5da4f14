import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';
import { build, filesWith, leftovers, listFiles, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

// THREATS 11: Eleventy never cleans its output folder, so a page made internal would stay
// published. Build, then make the goals page a draft, delete the home page, drop a stray
// file into dist/, and build again.
let root: string;
let before: string[];
let site: Map<string, string>;

beforeAll(async () => {
  root = makeRoot({ fixture: 'canary' });
  expect((await build(root, '--today', '2031-06-15')).code).toBe(0);
  before = listFiles(join(root, 'dist'));
  const goals = join(root, 'content/goals.md');
  writeFileSync(goals, readFileSync(goals, 'utf8').replace('weight: 2\n', 'weight: 2\ndraft: true\n'));
  rmSync(join(root, 'content/index.md'));
  writeFileSync(join(root, 'dist/stray.html'), 'left behind by hand');
  const result = await build(root, '--today', '2031-06-15');
  expect([result.code, result.stderr]).toEqual([0, '']);
  site = readTexts(join(root, 'dist'));
});

describe('a rebuild after pages went away', () => {
  it('had the pages before', () => {
    expect(before).toContain('goals/index.html');
    expect(before).toContain('index.html');
  });

  it('leaves no file of the old build: the page made draft, the deleted page and the stray file are gone', () => {
    const html = [...site.keys()].filter((f) => f.endsWith('.html'));
    expect(html).toEqual(['404.html', 'index.html', 'kpis/index.html', 'metrics/index.html', 'okrs/index.html', 'transparency/index.html']);
    // The deleted home page's place is taken by the generated one, which lists the pages left.
    expect(site.get('index.html')).not.toContain('left behind by hand');
    expect(site.get('index.html')).toContain('<li><a href="/metrics/">');
  });

  it('keeps no trace of the page made draft in the indexes, sitemap or search index', () => {
    for (const text of ['Grow the Canary Flock', 'Raise the song rate', '/goals/', '7313.331']) expect({ text, files: filesWith(site, text) }).toEqual({ text, files: [] });
  });

  it('leaves nothing beside dist/', () => {
    expect(leftovers(root)).toEqual([]);
  });
});
