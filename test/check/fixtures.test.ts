import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { CHECK_FIXTURES, copyFixture, removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { setups } from './setups.js';

/**
 * Every folder of test/fixtures/check is a handbook root with `case.json` and the
 * exact `expected.json` that `handbook check --format json` must print for it.
 * `UPDATE=1 npx vitest run test/check` rewrites expected.json from the real output;
 * review the diff by hand, positions above all. A `knownBug` case keeps its
 * hand-written expectation (UPDATE leaves it alone) and is expected to fail.
 */
interface Case {
  exit: number;
  args?: string[];
  /** A generator in ./setups.ts, run on a temp copy of the fixture. */
  setup?: string;
  /** Why src does not yet give expected.json; the test is `it.fails` until it does. */
  knownBug?: string;
}

const UPDATE = process.env.UPDATE === '1';

const names = readdirSync(CHECK_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** One CLI run per fixture, all started at once: the tests only wait for their own. */
async function runFixture(name: string, spec: Case) {
  let root = join(CHECK_FIXTURES, name);
  if (spec.setup) {
    const setup = setups[spec.setup];
    if (!setup) throw new Error(`${name}: unknown setup \`${spec.setup}\``);
    root = copyFixture(name);
    setup(root);
  }
  const before = treeHash(root);
  const result = await checkJson(root, spec.args);
  return { ...result, root, before, after: treeHash(root) };
}

afterAll(removeTempDirs);

for (const name of names) {
  const dir = join(CHECK_FIXTURES, name);
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Case;
  const run = runFixture(name, spec);
  const expectedFile = join(dir, 'expected.json');

  describe(name, () => {
    const title = `exits ${spec.exit} and prints exactly expected.json`;
    const test = spec.knownBug ? it.fails : it;
    test(spec.knownBug ? `${title} (known src bug: ${spec.knownBug})` : title, async () => {
      const { code, stdout, stderr, diagnostics } = await run;
      if (UPDATE && !spec.knownBug) writeFileSync(expectedFile, stdout);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as unknown;
      expect({ code, stderr, diagnostics }).toEqual({ code: spec.exit, stderr: '', diagnostics: expected });
    });

    it('leaves the handbook untouched and creates no dist/', async () => {
      const { root, before, after } = await run;
      expect(after).toBe(before);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });
  });
}
