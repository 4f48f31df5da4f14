import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { ChromiumHtml } from './crawl.js';
import { generateHandbook, type Traps } from './generate.js';
import { AUDIENCES, buildBoth, check, describeCheck, expectBuiltAndLinked, limiter } from './invariant.js';

/**
 * `handbook check` exits 0 ⇒ both audiences build and every link of each site
 * resolves, over a dozen seeded handbooks (generate.ts): drafts, OKRs and KPIs
 * on drafts titled like public ones, links in every README form, permalinks.
 *
 * Reproduce one: `INVARIANT_SEED=<seed> npx vitest run test/invariant/generated.test.ts`
 * (with `INVARIANT_KEEP=1` the temp handbooks stay; their folders are in the failure messages).
 *
 * Half the handbooks carry no trap: every link in them is valid in every site
 * that has its page. The other half carry one kind of trap each, a link that
 * `check` accepted when these tests were written although the public site
 * cannot serve it (see generate.ts `Traps`):
 *   - toDraft: a public page links to a draft (a link/to-draft warning then);
 *   - internalIndexAnchor: a public page links to /okrs/#growth-1 (and
 *     /kpis/#uptime-1), anchors that exist only in the internal indexes,
 *     because a draft OKR "Growth" (KPI "Uptime") takes the bare slug there;
 *   - definitionFragment: a KPI definition links to `#heading` of its page; the
 *     definition is printed on /kpis/ too, where that anchor is not.
 * Once check rejects a trap, its handbooks have nothing left to assert (they
 * show as skipped, with check's first error); the trap-free half keeps the
 * generator useful (the last test).
 */

const BASE_SEED = 20_260_615;
const COUNT = 12;

/** Traps by position, two handbooks each; the other six have none. */
function trapsFor(i: number): Traps {
  return [{}, { toDraft: true }, {}, { internalIndexAnchor: true }, {}, { definitionFragment: true }][i % 6]!;
}

const only = process.env.INVARIANT_SEED;
const seeds = only !== undefined ? [Number(only)] : Array.from({ length: COUNT }, (_, i) => BASE_SEED + i);
const handbooks = seeds.map((seed) => generateHandbook(seed, trapsFor(seed - BASE_SEED)));

if (process.env.INVARIANT_KEEP !== '1') afterAll(removeTempDirs);
const html = new ChromiumHtml();
afterAll(() => html.close());

// Every check at collection, two at a time, so each test's name can say what check found.
const run = limiter(2);
const checked = await Promise.all(
  handbooks.map((h) =>
    run(async () => {
      const root = writeHandbook(h.files);
      return { ...h, root, check: await check(root) };
    }),
  ),
);

describe('check exits 0 ⇒ both audiences build and every link resolves: generated handbooks', () => {
  for (const h of checked) {
    const title = `seed ${h.seed}: ${h.summary}: ${describeCheck(h.check)}`;
    if (h.check.code !== 0) {
      it.skip(`${title}: nothing to assert (first error: ${h.check.diagnostics.find((d) => d.severity === 'error')?.message ?? h.check.stderr.trim()})`, () => {});
      continue;
    }
    describe(title, () => {
      let builds: ReturnType<typeof buildBoth> | undefined;
      for (const audience of AUDIENCES) {
        it(`${audience}: builds, and every link resolves`, async () => {
          builds ??= buildBoth(h.root);
          await expectBuiltAndLinked(h.root, audience, (await builds)[audience], html);
        });
      }
    });
  }

  it.skipIf(only !== undefined)(`at least half of the ${COUNT} generated handbooks pass check (else the generator tests nothing)`, () => {
    const failing = checked.filter((h) => h.check.code !== 0).map((h) => `seed ${h.seed}: ${describeCheck(h.check)}: ${h.check.diagnostics.find((d) => d.severity === 'error')?.message ?? h.check.stderr.trim()}`);
    expect(checked.length - failing.length, failing.join('\n')).toBeGreaterThanOrEqual(Math.ceil(checked.length / 2));
  });
});
