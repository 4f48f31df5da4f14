import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { setups } from '../check/setups.js';
import { REPO } from '../helpers/cli.js';
import { copySample, removeTempDirs, tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { ChromiumHtml } from './crawl.js';
import { AUDIENCES, buildBoth, check, describeCheck, expectBuiltAndLinked, limiter, TODAY } from './invariant.js';

/**
 * `handbook check` exits 0 ⇒ both audiences build, and every link of each built
 * site resolves, for every handbook the repository already has: each folder of
 * test/fixtures/{check,link,build} and the sample handbook (content/ at the
 * root). Each runs on a temp copy; a fixture whose check fails has nothing to
 * assert and shows as a skipped test saying so.
 *
 * No expected.json or case.json is read but a check fixture's `setup` (the bytes
 * git cannot hold: BOM, CRLF …), so the handbook is the one test/check checks.
 * Their `--strict` and `--today` are not used: `build` has no --strict, and every
 * fixture runs at the same TODAY.
 */

afterAll(removeTempDirs);
const html = new ChromiumHtml();
afterAll(() => html.close());

const FIXTURES = join(REPO, 'test/fixtures');
const KINDS = ['check', 'link', 'build'] as const;

/**
 * Fixtures left out. The three layout fixtures hold only `layouts/page.njk`
 * (test/build lays each over the package layouts and a handbook), and each
 * deliberately plants its failure in that custom layout: a template problem
 * that `check`, which reads content and not templates, cannot see; outside the
 * promise. Laid over their handbooks as test/build does (build/helpers.ts
 * `makeRoot`), check exits 0 and then:
 */
const EXCLUDED: Record<string, string> = {
  // Over the canary at 2031-06-15 (layout-dump.test.ts): a hostile layout that prints
  // `hb`, `site`, `collections` … instead of the page. Both builds succeed (the guard
  // holds), but no body is printed, so the table of contents and the OKR index link to
  // headings that are not there (`goals/index.html: a[href]="#objectives"`).
  'build/layout-dump': 'its custom layout dumps the data instead of the page (a planted leak attempt)',
  // Over the canary at 2031-06-15 (leak-scan.test.ts): two internal canary values typed into the
  // layout; the public build stops with build/leak.
  'build/layout-hardcoded': 'its custom layout hard-codes internal values (a planted build/leak)',
  // Over the sample (atomic.test.ts): the layout calls an undefined function on
  // /data-team/kpis/; both builds stop with build/layout-error.
  'build/layout-throws': 'its custom layout throws on one page (a planted build/layout-error)',
};

/**
 * Fixtures whose `publish` approvals are dated 2031-05-01, which test/build
 * builds at 2031-06-15: at TODAY their check fails (publish/future-date), so
 * they also run at that date, where check passes. The canary holds every
 * internal field: the richest handbook of all.
 */
const ALSO_AT: Record<string, string> = {
  'build/canary': '2031-06-15',
  'build/publish-history-confidence': '2031-06-15',
};

interface Case {
  id: string;
  today: string;
  /** Makes the temp copy the CLI runs on. */
  make: () => string;
}

function fixtureRoot(kind: string, name: string): string {
  const dir = join(FIXTURES, kind, name);
  const root = tempDir();
  cpSync(dir, root, { recursive: true });
  const caseFile = join(dir, 'case.json');
  if (kind === 'check' && existsSync(caseFile)) {
    const setup = (JSON.parse(readFileSync(caseFile, 'utf8')) as { setup?: string }).setup;
    if (setup !== undefined) {
      const run = setups[setup];
      if (!run) throw new Error(`check/${name}: unknown setup \`${setup}\``);
      run(root);
    }
  }
  return root;
}

const cases: Case[] = [{ id: 'sample (content/ of the repository)', today: TODAY, make: copySample }];
const excluded: [string, string][] = [];
for (const kind of KINDS) {
  const names = readdirSync(join(FIXTURES, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const id = `${kind}/${name}`;
    if (EXCLUDED[id] !== undefined) {
      excluded.push([id, EXCLUDED[id]!]);
      continue;
    }
    for (const today of [TODAY, ...(ALSO_AT[id] ? [ALSO_AT[id]!] : [])]) cases.push({ id, today, make: () => fixtureRoot(kind, name) });
  }
}

/** What the CLI reads of a root: two fixtures that differ only in case.json and expected.json are one handbook. */
function handbookHash(root: string): string {
  return ['content', 'static', 'layouts', 'handbook.config.yaml']
    .map((part) => join(root, part))
    .map((path) => (!existsSync(path) ? '-' : part(path)))
    .join(' ');
  function part(path: string): string {
    return path.endsWith('.yaml') ? readFileSync(path).toString('base64') : treeHash(path);
  }
}

// Every check first (at collection, two at a time), so each test's name can say what check found.
const run = limiter(2);
const seen = new Map<string, string>();
const checked = await Promise.all(
  cases.map((c) =>
    run(async () => {
      const root = c.make();
      return { ...c, root, hash: `${c.today} ${handbookHash(root)}`, check: await check(root, c.today) };
    }),
  ),
);

describe('check exits 0 ⇒ both audiences build and every link resolves: the fixtures', () => {
  for (const [id, reason] of excluded) it.skip(`${id}: excluded, ${reason}`, () => {});

  for (const c of checked) {
    const title = `${c.id} @${c.today}: ${describeCheck(c.check)}`;
    const same = seen.get(c.hash);
    seen.set(c.hash, same ?? c.id);
    if (same !== undefined) {
      // e.g. okr-too-many-current-strict: the same handbook as okr-too-many-current, with --strict in case.json.
      it.skip(`${title}: the same handbook as ${same}, built there`, () => {});
      continue;
    }
    if (c.check.code !== 0) {
      it.skip(`${title}: nothing to assert`, () => {});
      continue;
    }
    describe(title, () => {
      // Both builds start with the first test and run side by side; the second test finds its own done.
      let builds: ReturnType<typeof buildBoth> | undefined;
      for (const audience of AUDIENCES) {
        it(`${audience}: builds, and every link resolves`, async () => {
          builds ??= buildBoth(c.root, c.today);
          await expectBuiltAndLinked(c.root, audience, (await builds)[audience], html, c.check);
        });
      }
    });
  }
});
