import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { build, leftovers, makeRoot } from './helpers.js';

afterAll(removeTempDirs);

const MESSAGE = 'expected an absolute path such as /company/goals/ (letters, digits, - _ . ~; no "..", no scheme)';
const HINT = '`permalink` has a fixed form; `handbook schema` shows it';
const invalid = (file: string, endColumn: number) => ({ file, line: 3, column: 12, endLine: 3, endColumn, severity: 'error', code: 'schema/invalid-format', path: 'permalink', message: MESSAGE, hint: HINT });
/** The file every traversal permalink of the fixture aims at. */
const TARGET = join('/tmp', 'okr-handbook-traversal-canary.html');

describe('THREATS 13: permalinks that leave the site', () => {
  it('are schema errors, one per form, pointing at the value', async () => {
    const root = makeRoot({ fixture: 'permalink-traversal' });
    expect((await checkJson(root)).diagnostics).toEqual([
      invalid('content/absolute-dot-dot.md', 75),
      invalid('content/dot-dot.md', 74),
      invalid('content/encoded-lower.md', 79),
      invalid('content/encoded-upper.md', 70),
    ]);
  });

  it('stop the build before anything is written, inside or outside the root', async () => {
    expect(existsSync(TARGET)).toBe(false);
    const root = makeRoot({ fixture: 'permalink-traversal' });
    const result = await build(root);
    expect(result.code).toBe(1);
    for (const file of ['absolute-dot-dot', 'dot-dot', 'encoded-lower', 'encoded-upper']) expect(result.stdout).toContain(`content/${file}.md:3:12  error  ${MESSAGE}  schema/invalid-format\n  path: permalink\n`);
    expect(result.stdout.endsWith('✖ 5 files checked: 4 errors, 0 warnings\n')).toBe(true);
    expect([existsSync(join(root, 'dist')), existsSync(TARGET), leftovers(root)]).toEqual([false, false, []]);
  });
});

describe('THREATS 10: a templated permalink', () => {
  it('is a schema error: permalinks are never templated, so no value can reach a URL or the sitemap', async () => {
    const root = makeRoot({ fixture: 'permalink-templated' });
    expect((await checkJson(root)).diagnostics).toEqual([invalid('content/templated.md', 27)]);
    const result = await build(root);
    expect(result.code).toBe(1);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
