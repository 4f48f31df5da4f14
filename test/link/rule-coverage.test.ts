import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnostics/rules.js';
import { REPO } from '../helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/link');

/** The rules that need a whole handbook (src/link, and the load stage's values, symlinks and nesting checks). `person/unknown` is also a config rule (an approver), covered by test/fixtures/check. */
const HANDBOOK_WIDE = /^(page\/(duplicate-url|invalid-layout)|redirect\/|okr\/(duplicate-|timeframe|too-many-current|unknown-parent|parent-cycle)|person\/unknown|kr\/|kpi\/|history\/|publish\/|link\/|leak\/|static\/|values\/|body\/too-deep|file\/symlink)/;

describe('the link fixtures cover the rule catalogue', () => {
  it('every handbook-wide rule id appears in some expected.json', () => {
    const seen = new Set<string>();
    for (const name of readdirSync(FIXTURES)) {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as { code: string }[];
      for (const d of expected) if (HANDBOOK_WIDE.test(d.code)) seen.add(d.code);
    }
    // A values file is YAML checked by the schemas too: its schema/ rules are the check fixtures' to cover.
    expect([...seen].filter((id) => HANDBOOK_WIDE.test(id)).sort()).toEqual(Object.keys(rules).filter((id) => HANDBOOK_WIDE.test(id)).sort());
  });
});
