import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/diagnostics/rules.js';
import { CHECK_FIXTURES } from '../helpers/temp.js';

/** Rules of the later stages (links, cross-page checks, build), and of whole handbooks (values, disclosures, links in folders, nesting); other suites cover them. A body's migration warnings are the check fixtures'. */
const LATER_PREFIXES = ['link/', 'build/', 'redirect/', 'okr/duplicate-', 'kr/', 'kpi/', 'history/', 'publish/', 'leak/', 'static/', 'values/'];
const LATER_RULES = ['page/duplicate-url', 'page/invalid-layout', 'okr/timeframe', 'okr/too-many-current', 'okr/unknown-parent', 'okr/parent-cycle', 'file/symlink', 'body/too-deep'];

/** `file/read-error` has a fixture through a missing people file (read-error.test.ts makes unreadable files, which cannot be committed); a git history cannot be committed as a fixture (since.test.ts makes one). */
const NOT_IN_FIXTURES = ['page/moved-without-redirect'];

const isLater = (id: string) => LATER_RULES.includes(id) || LATER_PREFIXES.some((prefix) => id.startsWith(prefix));

describe('fixtures cover the rule catalogue', () => {
  it('every check-stage rule id appears in some expected.json', () => {
    const seen = new Set<string>();
    for (const name of readdirSync(CHECK_FIXTURES)) {
      const expected = JSON.parse(readFileSync(join(CHECK_FIXTURES, name, 'expected.json'), 'utf8')) as { code: string }[];
      for (const d of expected) seen.add(d.code);
    }
    const checkStage = Object.keys(rules).filter((id) => !isLater(id) && !NOT_IN_FIXTURES.includes(id));
    expect([...seen].sort()).toEqual(checkStage.sort());
  });
});
