import { afterAll, describe, it } from 'vitest';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { ChromiumHtml } from './crawl.js';
import { AUDIENCES, buildBoth, check, describeCheck, expectBuiltAndLinked, limiter } from './invariant.js';

/**
 * `handbook check` exits 0 ⇒ both audiences build and every link resolves, on
 * small hand-written handbooks: each is the smallest repro of a way the built
 * sites and check disagreed when these tests were written. When check rejects
 * one, it shows as skipped ("nothing to assert"); when the build handles it,
 * it passes. Either way the promise holds; while neither does, it fails.
 */

afterAll(removeTempDirs);
const html = new ChromiumHtml();
afterAll(() => html.close());

const page = (front: string, body = '') => `---\n${front.trim()}\n---\n\n${body.trim()}\n`;
const okr = (id: string, title: string, start: string, due: string) =>
  `  - id: ${id}\n    title: ${title}\n    scope: Company-Wide\n    objective: We will grow.\n    label: "OKR: ${title} (${id})"\n    start: ${start}\n    due: ${due}\n`;
const kpi = (id: string, name: string, definition = 'Minutes up over minutes.') =>
  `  - id: ${id}\n    name: ${name}\n    definition: "${definition}"\n    calculation: https://example.com/${id}.sql\n`;

const CASES: Record<string, Record<string, string>> = {
  // A page key listed in pages.extra_keys that is named like an internal record field: check
  // accepted it, and the public build's guard stopped with "internal field … reached Eleventy".
  'pages.extra_keys: [dashboard] with a page key `dashboard: x`': {
    'handbook.config.yaml': 'site:\n  title: Extra keys\npages:\n  extra_keys: [dashboard]\n',
    'content/index.md': page('title: Home\ndashboard: x', 'A page with an extra key.'),
  },

  // The public site has no /plan/ (link/to-draft was a warning, so check exited 0).
  'a public page links to a draft page': {
    'content/index.md': page('title: Home', 'The [plan](/plan/) is not public yet.'),
    'content/plan.md': page('title: Plan\ndraft: true', '## Steps\n\nSee [home](/) from the draft.'),
  },

  // The draft "Growth" is current, the public one past: the internal /okrs/ lists the draft's
  // first (#growth) and the public one as #growth-1; the public /okrs/ has only #growth.
  'a public page links to /okrs/#growth-1, an anchor a draft OKR of the same title shifted': {
    'content/index.md': page('title: Home', 'Our [growth OKR](/okrs/#growth-1) and [its page](/goals/#growth).'),
    'content/goals.md': page(`title: Goals\nokrs:\n${okr('growth-2025', 'Growth', '2025-07-01', '2025-12-31')}`, ':::okrs'),
    'content/plans.md': page(`title: Plans\ndraft: true\nokrs:\n${okr('growth-2026', 'Growth', '2026-04-01', '2026-09-30')}`, ':::okrs'),
  },

  // The same on /kpis/: two KPIs named "Uptime", the draft's first in page order.
  'a public page links to /kpis/#uptime-1, an anchor a draft KPI of the same name shifted': {
    'content/index.md': page('title: Home', 'Our [uptime KPI](/kpis/#uptime-1) and [uptime](/kpis/#uptime).'),
    'content/a-draft.md': page(`title: Draft metrics\ndraft: true\nkpis:\n${kpi('uptime-draft', 'Uptime')}`, ':::kpis'),
    'content/metrics.md': page(`title: Metrics\nkpis:\n${kpi('uptime', 'Uptime')}`, ':::kpis'),
  },

  // Not even a warning when check read /okrs/ anchors from the internal index, which lists the draft's OKR.
  'a public page links to /okrs/#retention, the anchor of an OKR that only a draft has': {
    'content/index.md': page('title: Home', 'The [retention OKR](/okrs/#retention).'),
    'content/plans.md': page(`title: Plans\ndraft: true\nokrs:\n${okr('retention', 'Retention', '2026-04-01', '2026-09-30')}`, ':::okrs'),
  },

  // A KPI definition is Markdown printed on its page and again on /kpis/, where `#method` is not.
  'a KPI definition links to a heading of its own page with a bare #fragment': {
    'content/index.md': page('title: Home', 'See [metrics](/metrics/).'),
    'content/metrics.md': page(`title: Metrics\nkpis:\n${kpi('uptime', 'Uptime', 'Minutes up over minutes; see [the method](#method).')}`, '## Method\n\nCount the minutes.\n\n:::kpis'),
  },

  // check does not ask for content/index.md, but the layouts link the site title (and 404.html) to `/`.
  'a handbook without content/index.md': {
    'content/goals.md': page('title: Goals', '## Why\n\nSee [why](#why).'),
  },
};

const run = limiter(2);
const checked = await Promise.all(
  Object.entries(CASES).map(([name, files]) =>
    run(async () => {
      const root = writeHandbook(files);
      return { name, root, check: await check(root) };
    }),
  ),
);

describe('check exits 0 ⇒ both audiences build and every link resolves: hand-written cases', () => {
  for (const c of checked) {
    const title = `${c.name}: ${describeCheck(c.check)}`;
    if (c.check.code !== 0) {
      it.skip(`${title}: nothing to assert`, () => {});
      continue;
    }
    describe(title, () => {
      let builds: ReturnType<typeof buildBoth> | undefined;
      for (const audience of AUDIENCES) {
        it(`${audience}: builds, and every link resolves`, async () => {
          builds ??= buildBoth(c.root);
          await expectBuiltAndLinked(c.root, audience, (await builds)[audience], html);
        });
      }
    });
  }
});
