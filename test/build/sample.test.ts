import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { canaries, where } from './canaries.js';
import { build, forms, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

// Done when (issue 3), on a copy of this repository's sample handbook, built as the README says:
// `handbook build`, then `handbook build --audience internal --out dist-internal`.
let root: string;
let results: CliResult[];
let pub: Map<string, string>;
let internal: Map<string, string>;

/** Files holding `text` as a whole token: the sample's values are short (0.41), so `0.41` must not match `10.415`. */
function tokenIn(site: Map<string, string>, text: string): string[] {
  const alt = forms(text).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.])(?:${alt})(?![\\p{L}\\p{N}_]|\\.\\p{N})`, 'u');
  return [...site].filter(([, t]) => re.test(t)).map(([f]) => f);
}

beforeAll(async () => {
  root = makeRoot('sample');
  results = [await build(root), await build(root, '--audience', 'internal', '--out', 'dist-internal')];
  pub = readTexts(join(root, 'dist'));
  internal = readTexts(join(root, 'dist-internal'));
});

describe('the sample handbook', () => {
  const values = () => canaries(root);

  it('builds both audiences without a diagnostic', () => {
    expect(results.map((r) => [r.code, r.stderr, r.stdout.split('\n')[0]])).toEqual([
      [0, '', '✔ 5 files checked: no problems'],
      [0, '', '✔ 5 files checked: no problems'],
    ]);
  });

  it('has illustrative internal values in both pages the Done-when names, and on the data team\'s page (its OKR)', () => {
    const files = new Set(values().map((c) => c.file));
    expect([...files].sort()).toEqual(['content/company/strategic-goals.md', 'content/data-team/index.md', 'content/data-team/kpis.md']);
    expect(values().length).toBeGreaterThan(100);
  });

  it('public: no unpublished illustrative value in any file of dist/', () => {
    // The search index's binary files (not its text fragments) spell short numbers by chance (`88` in the bytes `02 38 38 18`): a value shorter than 4 characters is looked for in text files only.
    const binary = (file: string) => /\.pf_(index|meta)$/.test(file);
    const leaked = values()
      .filter((c) => !c.published)
      .map((c) => ({ v: `${c.record}.${where(c)}=${c.text}`, files: tokenIn(pub, c.text).filter((f) => c.text.length >= 4 || !binary(f)) }))
      .filter((x) => x.files.length > 0);
    expect(leaked).toEqual([]);
  });

  it('public: the two values the CEO published are shown', () => {
    expect(values().filter((c) => c.published).map((c) => `${c.record}.${where(c)}=${c.text}`)).toEqual(['increase-app.target_value=2.43', 'pipeline-runs.current_value=38653']);
    expect(tokenIn(pub, '2.43').filter((f) => f.endsWith('.html'))).toEqual(['company/strategic-goals/index.html', 'okrs/2022-q3/index.html', 'okrs/index.html', 'transparency/index.html']);
    expect(tokenIn(pub, '38653').filter((f) => f.endsWith('.html'))).toEqual(['data-team/kpis/index.html', 'kpis/index.html', 'transparency/index.html']);
  });

  it('internal: every illustrative value the layouts display is in dist-internal, on its page', () => {
    const page = (file: string) => file.replace(/^content\//, '').replace(/(index)?\.md$/, '').replace(/\/?$/, '/index.html');
    // A retrospective is Markdown, shown rendered: see below.
    const missing = values().filter((c) => c.field !== 'retrospective' && !tokenIn(internal, c.text).includes(page(c.file)));
    expect(missing.map((c) => `${c.record}.${where(c)}=${c.text}`)).toEqual([]);
  });

  it('internal: the retrospectives, rendered from Markdown, on their OKR\'s page and in the quarter\'s archive; public: neither', () => {
    const link = '<a href="/data-team/kpis/">KPI definitions</a>';
    for (const file of ['data-team/index.html', 'okrs/2022-q3/index.html']) expect(internal.get(file)).toContain(`Deduplication went faster than planned once the ${link} named their sources.`);
    for (const file of ['company/strategic-goals/index.html', 'okrs/2022-q3/index.html']) expect(internal.get(file)).toContain('Plugin type tracking landed late');
    for (const text of ['Deduplication went faster', 'Plugin type tracking landed late']) expect({ text, files: [...pub].filter(([, t]) => t.includes(text)).map(([f]) => f) }).toEqual({ text, files: [] });
  });

  it('internal: specific values of strategic-goals.md and kpis.md, absent from the public dist', () => {
    const goals = internal.get('company/strategic-goals/index.html')!;
    const kpis = internal.get('data-team/kpis/index.html')!;
    // Increase usage of orchestrator plugins: start, current, target, confidence, dashboard.
    // A value is printed alone, or followed by its KPI's unit.
    const printed = (v: string) => new RegExp(`>${v.replace('.', '\\.')}(<| <span class="unit">)`);
    for (const v of ['1379', '1583', '2641', '0.41']) expect(goals).toMatch(printed(v));
    expect(goals).toContain('href="https://superset.example.com/dashboard/23"');
    // APP: goal, current, expected range; Other Utility Plugin Usage is below its range.
    for (const v of ['2.57', '2.09']) expect(kpis).toMatch(printed(v));
    expect(kpis).toContain('1.52 – 3.18');
    expect(kpis).toContain('href="https://superset.example.com/dashboard/43"');
    expect(kpis).toMatch(/below the expected range \(2505 – 4120\)/);
    for (const v of ['1379', '1583', '2641', '0.41', '2.57', '2.09', '1.52', '3.18', '2505', '4120', 'https://superset.example.com/dashboard/23']) expect({ v, files: tokenIn(pub, v) }).toEqual({ v, files: [] });
  });

  it('dist/data-team/kpis/index.html has the anchor app---average-plugin-types-per-project', () => {
    expect(pub.get('data-team/kpis/index.html')).toContain('id="app---average-plugin-types-per-project"');
  });

  it('dist/company/strategic-goals/index.html shows the four OKRs with their labels', () => {
    const html = pub.get('company/strategic-goals/index.html')!;
    for (const [id, title] of [
      ['be-the-infrastructure-for-the-modern-data-stack', 'Be the Infrastructure for the Modern Data Stack'],
      ['improve-new-user-experience', 'Improve New User Experience'],
      ['improve-ease-of-deployment', 'Improve Ease of Deployment'],
      ['managed-service-beta', 'Managed service beta'],
    ]) {
      expect(html).toContain(`id="${id}"`);
      expect(html).toContain(`>${title}<`);
      expect(html).toContain(`OKR: ${title}`);
    }
  });

  it('… with the key results: titles, issue links and the blocked-by link', () => {
    const html = pub.get('company/strategic-goals/index.html')!;
    for (const [title, issue] of [
      ['Increase APP', 217],
      ['Increase usage of orchestrator plugins', 220],
      ['Increase usage of transformer plugins', 219],
      ['Increase usage of utility plugins linked to BI or analyze functions', 218],
      ['Increase usage of utility plugins (other)', 221],
    ] as const) {
      expect(html).toMatch(new RegExp(`<a href="https://gitlab\\.com/meltano/meta/-/issues/${issue}"[^>]*>(KR: )?${title.replace(/[()]/g, '\\$&')}</a>`));
    }
    expect(html).toMatch(/Blocked by <a href="https:\/\/gitlab\.com\/meltano\/meta\/-\/issues\/216"/);
  });
});
