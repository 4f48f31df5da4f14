import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH as MIN_CANARY_LENGTH } from '../../src/disclosure/secrets.js';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { build, FIXTURES, leftovers, makeRoot, PACKAGE_LAYOUTS, readTexts } from './helpers.js';

afterAll(removeTempDirs);

const HINT = 'remove it from the layout or data that prints it, or publish it with a `publish` approval';

describe('the leak scan: a custom layout with internal values typed into it, over a previous build', () => {
  // No projection can stop a value that is not data: only the scan of the finished output can.
  let root: string;
  let before: string;
  let result: CliResult;
  beforeAll(async () => {
    root = makeRoot({ fixture: 'canary' });
    expect((await build(root, '--today', '2031-06-15')).code).toBe(0);
    before = treeHash(join(root, 'dist'));
    cpSync(PACKAGE_LAYOUTS, join(root, 'layouts'), { recursive: true });
    cpSync(join(FIXTURES, 'layout-hardcoded/layouts'), join(root, 'layouts'), { recursive: true });
    result = await build(root, '--today', '2031-06-15', '--format', 'json');
  });

  it('fails the build with build/leak at the value\'s source, naming its field path and the output file', () => {
    expect([result.code, result.stderr]).toEqual([1, '']);
    const diagnostics = JSON.parse(result.stdout) as { severity: string; code: string }[];
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      { file: 'content/goals.md', line: 22, column: 22, severity: 'error', code: 'build/leak', path: 'okrs[0].key_results[0].start_value', message: 'internal value `7301.113` of key result `raise-song-rate` of OKR `grow-the-flock` appears in the public page `/goals/` (output file `goals/index.html`); nothing was published', hint: HINT },
      // URL-encoded in a link: still found.
      { file: 'content/metrics.md', line: 18, column: 16, severity: 'error', code: 'build/leak', path: 'kpis[0].dashboard', message: 'internal value `https://canary.example.com/dash-kpi-7408` of KPI `song-rate` appears in the public page `/metrics/` (output file `metrics/index.html`); nothing was published', hint: HINT },
    ]);
    // The body's template syntax, which check warns of, and nothing else.
    expect(new Set(diagnostics.filter((d) => d.severity !== 'error').map((d) => d.code))).toEqual(new Set(['body/template-syntax']));
  });

  it('leaves the previous dist/ untouched and no staging folder', () => {
    expect(treeHash(join(root, 'dist'))).toBe(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('does not scan an internal build: the values belong there', async () => {
    const internal = await build(root, '--today', '2031-06-15', '--audience', 'internal', '--out', 'dist-internal');
    expect(internal.code).toBe(0);
    expect(readTexts(join(root, 'dist-internal')).get('goals/index.html')).toContain('<p>Started at 7301.113</p>');
  });
});

describe('short internal values', () => {
  // README rule: values shorter than MIN_CANARY_LENGTH are not distinctive, so the scan skips
  // them and only the projection and its guard protect them.
  it(`are shorter than MIN_CANARY_LENGTH (${MIN_CANARY_LENGTH}) in the fixture`, () => {
    expect(MIN_CANARY_LENGTH).toBe(4);
    for (const v of ['30', '1.6', '45']) expect(v.length).toBeLessThan(MIN_CANARY_LENGTH);
  });

  it('do not make the scan cry wolf when the same text is in the prose and the CSS', async () => {
    const root = makeRoot({ fixture: 'short-values' });
    const result = await build(root);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^✔ 1 file checked: no problems\nBuilt \d+ pages \(public\) into /);
    const site = readTexts(join(root, 'dist'));
    // The texts really are in the output, as whole tokens …
    expect(site.get('index.html')).toContain('every 30 days');
    expect(site.get('assets/site.css')).toMatch(/line-height: ?1\.6\b/);
    // … and the values themselves were projected away: no "Goal" or "Expected range" entry.
    expect(site.get('index.html')).not.toMatch(/Goal|Expected range/);
  });

  // Shipped assets and Pagefind's runtime are copied unchanged: their numbers are not the handbook's.
  it('do not make the scan cry wolf when an internal value is also a number in the shipped CSS', async () => {
    const root = makeRoot({ fixture: 'css-values' });
    const result = await build(root);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const site = readTexts(join(root, 'dist'));
    expect(site.get('assets/site.css')).toMatch(/\b0\.55\b/);
    expect([...site].filter(([file, text]) => !file.startsWith('assets/') && /\b0\.55\b/.test(text)).map(([file]) => file)).toEqual([]);
  });
});
