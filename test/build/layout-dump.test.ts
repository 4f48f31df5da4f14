import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { canaries, where } from './canaries.js';
import { build, FIXTURES, filesWith, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

// THREATS 10: a root's own layouts/ replaces the package's. This one dumps `hb`, the site
// data, the pagination data, every collection and the page's front-matter names.
const all = canaries(join(FIXTURES, 'canary'));
let result: CliResult;
let site: Map<string, string>;

beforeAll(async () => {
  const root = makeRoot({ fixture: 'canary' }, 'package-layouts', { fixture: 'layout-dump' });
  result = await build(root, '--today', '2031-06-15');
  site = readTexts(join(root, 'dist'));
});

describe('a custom layout that dumps everything it can reach (public build)', () => {
  it('builds: dumping projected data is allowed', () => {
    expect([result.code, result.stderr]).toEqual([0, '']);
    // The canary's body holds template syntax, which check warns of (and no layout ever runs).
    expect(result.stdout).toMatch(/\n⚠ 4 files checked: 0 errors, 7 warnings\nBuilt \d+ pages \(public\) into /);
  });

  it('really dumps: the projected page is in the output, JSON in HTML', () => {
    expect(site.get('goals/index.html')).toContain('&quot;keyResults&quot;:[{&quot;id&quot;:&quot;raise-song-rate&quot;');
  });

  it('finds no unpublished or draft value anywhere', () => {
    const found = all.filter((c) => !c.published || c.draft).filter((c) => filesWith(site, c.text).length > 0);
    expect(found.map((c) => `${c.record}.${where(c)}=${c.text}`)).toEqual([]);
  });

  it('prints published values, the check-in note the package layouts never show included', () => {
    const missing = all.filter((c) => c.published && !c.draft).filter((c) => !filesWith(site, c.text).some((f) => f.endsWith('.html')));
    expect(missing).toEqual([]);
    expect(site.get('goals/index.html')).toContain('&quot;note&quot;:&quot;canary-note-kr-2&quot;');
  });

  it('reaches nothing under the front matter names: the page data is not in the cascade', () => {
    expect(site.get('goals/index.html')).toContain('<pre id="front-matter">[][][][][]</pre>');
  });

  it('sees no collections: every handbook page is excluded from them', () => {
    expect(site.get('goals/index.html')).toContain('<pre id="collections">all:;</pre>');
  });
});
