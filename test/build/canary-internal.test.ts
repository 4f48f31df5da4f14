import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { canaries, expectTemplateWarningsOnly, where, type Canary } from './canaries.js';
import { build, FIXTURES, filesWith, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const all = canaries(join(FIXTURES, 'canary'));
let root: string;
let result: CliResult;
let site: Map<string, string>;

/** The HTML pages a record's values belong on: its own page, its generated index, for OKRs and key results its quarter's archive, and the transparency page for a published one. */
function pagesOf(c: Canary): string[] {
  const own = c.draft ? 'secret-plans/index.html' : c.kind === 'kpi' ? 'metrics/index.html' : 'goals/index.html';
  const transparency = c.published ? ['transparency/index.html'] : [];
  if (c.kind === 'kpi') return [own, 'kpis/index.html', ...transparency].sort();
  const quarter = c.record === 'tend-the-nest' ? 'okrs/2031-q1/index.html' : 'okrs/2031-q4/index.html';
  return [own, 'okrs/index.html', quarter, ...transparency].sort();
}

const htmlWith = (text: string) => filesWith(site, text).filter((f) => f.endsWith('.html'));

beforeAll(async () => {
  root = makeRoot({ fixture: 'canary' });
  result = await build(root, '--audience', 'internal', '--out', 'dist-internal', '--today', '2031-06-15');
  site = readTexts(join(root, 'dist-internal'));
});

describe('internal build of the canary handbook', () => {
  it('succeeds, with a warning for each piece of template syntax in a body and nothing else', () => {
    expectTemplateWarningsOnly(result.stdout, `Built N pages (internal) into ${join(root, 'dist-internal')}`);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('shows every internal value, check-in notes and confidences included, published or not, drafts included, on its page, its index and its archive', () => {
    const wrong = all.map((c) => ({ canary: `${c.record}.${where(c)}=${c.text}`, files: htmlWith(c.text), want: pagesOf(c) })).filter((x) => x.files.join() !== x.want.join());
    expect(wrong).toEqual([]);
  });

  it('exports every internal value, drafts included, in okrs.json (OKRs and key results) or kpis.json (KPIs)', () => {
    const exported = (text: string) => filesWith(site, text).filter((f) => f.endsWith('.json') && !f.startsWith('pagefind/'));
    const wrong = all.map((c) => ({ canary: `${c.record}.${where(c)}=${c.text}`, files: exported(c.text), want: [c.kind === 'kpi' ? 'kpis.json' : 'okrs.json'] })).filter((x) => x.files.join() !== x.want.join());
    expect(wrong).toEqual([]);
  });

  it('builds the draft page and lists it in the nav and in both indexes', () => {
    expect(site.has('secret-plans/index.html')).toBe(true);
    expect(site.get('index.html')).toContain('href="/secret-plans/"');
    expect(site.get('okrs/index.html')).toContain('Hatch the Secret Egg');
    expect(site.get('kpis/index.html')).toContain('Secret Egg Warmth');
    expect(site.get('secret-plans/index.html')).toContain('canary-draft-body-text');
  });

  it('keeps internal pages out of search engines', () => {
    expect(site.get('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    expect(site.has('sitemap.xml')).toBe(false);
  });
});

describe('a metric with a single check-in, internal build', () => {
  let single: Map<string, string>;
  beforeAll(async () => {
    const r = makeRoot({ fixture: 'history-single-checkin' });
    expect((await build(r, '--audience', 'internal', '--today', '2031-06-15')).code).toBe(0);
    single = readTexts(join(r, 'dist'));
  });

  // One check-in makes no chart, but it is still listed.
  it('shows the value of its only check-in', () => {
    expect(filesWith(single, '8001.113').filter((f) => f.endsWith('.html'))).toEqual(['index.html', 'kpis/index.html']);
  });
});
