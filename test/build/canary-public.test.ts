import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { canaries, expectTemplateWarningsOnly, where } from './canaries.js';
import { build, FIXTURES, filesWith, frontMatter, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const all = canaries(join(FIXTURES, 'canary'));
let root: string;
let result: CliResult;
let site: Map<string, string>;

beforeAll(async () => {
  root = makeRoot({ fixture: 'canary' });
  result = await build(root, '--today', '2031-06-15');
  site = readTexts(join(root, 'dist'));
});

describe('public build of the canary handbook', () => {
  it('succeeds, with a warning for each piece of template syntax in a body and nothing else', () => {
    // The page count includes generated pages (indexes, 404), which other work adds to.
    expectTemplateWarningsOnly(result.stdout, `Built N pages (public) into ${join(root, 'dist')}`);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('writes exactly these pages, none of them the draft or a Markdown file', () => {
    const files = [...site.keys()];
    expect(files.filter((f) => f.endsWith('.html'))).toEqual(['404.html', 'goals/index.html', 'index.html', 'kpis/index.html', 'metrics/index.html', 'okrs/2031-q1/index.html', 'okrs/2031-q4/index.html', 'okrs/index.html', 'transparency/index.html']);
    expect(files.filter((f) => f.endsWith('.json') && !f.startsWith('pagefind/'))).toEqual(['kpis.json', 'okrs.json']);
    expect(files.filter((f) => /secret|\.md$/.test(f))).toEqual([]);
  });

  it('lists the public pages in the sitemap, and not the draft', () => {
    const locs = [...site.get('sitemap.xml')!.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(['/', '/goals/', '/kpis/', '/metrics/', '/okrs/', '/okrs/2031-q1/', '/okrs/2031-q4/', '/transparency/'].map((u) => `https://handbook.example.com${u}`));
  });

  it('searches inside the gzipped search index too (the walk below would be blind otherwise)', () => {
    expect(filesWith(site, 'Raise the song rate').filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(0);
  });

  it('contains no unpublished internal value and no value of a draft, in any file, in any encoding', () => {
    const hidden = all.filter((c) => !c.published || c.draft);
    expect(hidden.length).toBe(all.filter((c) => c.draft || !c.published).length);
    expect(hidden.length).toBeGreaterThan(40);
    const found = hidden.map((c) => ({ canary: `${c.record}.${where(c)}=${c.text}`, files: filesWith(site, c.text) })).filter((f) => f.files.length > 0);
    expect(found).toEqual([]);
  });

  it('shows exactly the approved fields of a published record, on its page and in its index', () => {
    const shown = all.filter((c) => c.published && !c.draft);
    expect(shown.map((c) => `${c.record}.${where(c)}`)).toEqual([
      'grow-feathers.current_value',
      'grow-feathers.history[].date',
      'grow-feathers.history[].value',
      'grow-feathers.history[].date',
      'grow-feathers.history[].value',
      'grow-feathers.history[].note',
      'grow-feathers.dashboard',
      'tend-the-nest.retrospective',
      'feather-count.health.min',
      'feather-count.health.max',
      'feather-count.goal_value',
    ]);
    // On the record's page, its index, its quarter's archive, its export file, and the transparency page that lists every published value.
    const pages = {
      key_result: ['goals/index.html', 'okrs.json', 'okrs/2031-q4/index.html', 'okrs/index.html', 'transparency/index.html'],
      okr: ['goals/index.html', 'okrs.json', 'okrs/2031-q1/index.html', 'okrs/index.html', 'transparency/index.html'],
      kpi: ['kpis.json', 'kpis/index.html', 'metrics/index.html', 'transparency/index.html'],
    };
    // The search index holds them too, as it holds every page's text.
    for (const c of shown) expect({ canary: c.text, files: filesWith(site, c.text).filter((f) => !f.startsWith('pagefind/')) }).toEqual({ canary: c.text, files: pages[c.kind] });
  });

  it('prints each published value as the whole text of an element, not as part of something else', () => {
    // Markup belongs to the layouts (which change); what is fixed is that the value is shown as itself.
    const goals = site.get('goals/index.html')!;
    expect(goals).toMatch(/>7313\.331</);
    expect(goals).toContain('2031-02-15: 7315.449; 2031-03-17: 7316.557');
    expect(goals).toContain('href="https://canary.example.com/dash-kr-7318"');
    const metrics = site.get('metrics/index.html')!;
    expect(metrics).toMatch(/>7413\.331</);
    expect(metrics).toMatch(/>7411\.113 – 7412\.227</);
  });

  it('leaves out every trace of the draft page: its URL, nav entry, OKR, KPI, texts', () => {
    const draftFile = join(root, 'content/secret-plans.md');
    const others = ['index.md', 'goals.md', 'metrics.md'].map((f) => readFileSync(join(root, 'content', f), 'utf8')).join('\n');
    // Every public text of the draft that no other page shares: title, description, ids, names, labels …
    const texts: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string' && v.length >= 8 && !others.includes(v)) texts.push(v);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(frontMatter(draftFile));
    texts.push('secret-plans', 'canary-draft-body-text');
    expect(texts).toContain('Secret Canary Plans');
    expect(texts).toContain('Hatch the Secret Egg');
    expect(texts).toContain('Secret Egg Warmth');
    expect(texts.map((t) => ({ t, files: filesWith(site, t) })).filter((x) => x.files.length > 0)).toEqual([]);
  });

  it('publishes no raw front matter and no Markdown source', () => {
    for (const [file, text] of site) {
      expect({ file, md: file.endsWith('.md') }).toEqual({ file, md: false });
      for (const key of ['key_results:', 'start_value:', 'publish:', 'draft: true']) expect({ file, key, found: text.includes(key) }).toEqual({ file, key, found: false });
    }
  });

  it('THREATS 9: template syntax in a body prints literally and runs nothing', () => {
    expect(site.get('goals/index.html')).toContain(
      '<p>Template syntax in a body is text, never code (THREATS 9):\n{{ okrs[0].key_results[0].current_value }} and {{ hb.okrs[0].keyResults[0].start_value }}</p>\n' +
        '<p>{% raw %}{{ okrs[0].key_results[0].target_value }}{% endraw %} {%- set leak = okrs[0].key_results[0].confidence -%}{{ leak }}</p>',
    );
    for (const value of ['7303.331', '7301.113', '7302.227', '0.7304']) expect(filesWith(site, value)).toEqual([]);
  });
});
