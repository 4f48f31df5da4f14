import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, REPO } from '../helpers/cli.js';
import { treeHash } from '../helpers/tree-hash.js';

/**
 * Every folder of test/fixtures/link is a handbook root for the handbook-wide
 * rules, with `case.json` (extra CLI args, exit code) and the exact
 * `expected.json` that `handbook check --format json` prints for it.
 * `UPDATE=1 npx vitest run test/link` rewrites expected.json from the real
 * output: review every line and column of the diff by hand.
 */
const FIXTURES = join(REPO, 'test/fixtures/link');
const UPDATE = process.env.UPDATE === '1';

interface Case {
  args?: string[];
  exit: number;
}

const names = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Runs the CLI on the fixture in place; the hashes around the run prove `check` wrote nothing. */
async function runFixture(root: string, spec: Case) {
  const before = treeHash(root);
  const result = await checkJson(root, spec.args);
  return { ...result, before, after: treeHash(root) };
}

describe('handbook check, handbook-wide rules', () => {
  for (const name of names) {
    const root = join(FIXTURES, name);
    const spec = JSON.parse(readFileSync(join(root, 'case.json'), 'utf8')) as Case;
    // Started at collection so the CLI runs overlap; each test waits for its own.
    const run = runFixture(root, spec);

    it(`${name}: exits ${spec.exit}, prints exactly expected.json, writes nothing`, async () => {
      const { code, stdout, stderr, diagnostics, before, after } = await run;
      const expectedFile = join(root, 'expected.json');
      if (UPDATE) writeFileSync(expectedFile, stdout);
      expect({ code, stderr, diagnostics }).toEqual({ code: spec.exit, stderr: '', diagnostics: JSON.parse(readFileSync(expectedFile, 'utf8')) });
      expect(after).toBe(before);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });
  }
});
