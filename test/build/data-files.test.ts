import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { buildInCwd, filesWith, listFiles, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

// THREATS 10: in a plain Eleventy project, _data/, *.11tydata.* and a config file in the
// working directory all add to the data cascade. The fixture has each of them; every
// script writes EXECUTED-<name> next to itself if it ever runs.
let root: string;
let result: CliResult;
let site: Map<string, string>;

beforeAll(async () => {
  root = makeRoot({ fixture: 'data-files' });
  result = await buildInCwd(root);
  site = readTexts(join(root, 'dist'));
});

describe('Eleventy data files in a handbook root (built from inside the root)', () => {
  it('builds', () => {
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^✔ 1 file checked: no problems\nBuilt \d+ pages \(public\) into /);
  });

  it('runs none of them', () => {
    const executed = listFiles(root).filter((f) => f.includes('EXECUTED'));
    expect(executed).toEqual([]);
  });

  it('lets none of their data or permalinks into the site', () => {
    for (const text of ['7701.113', '7702.227', '7703.331', 'canary-data-file-title', 'canary-data-file-site-title', 'canary-computed-title', 'canary-permalink']) {
      expect({ text, files: filesWith(site, text) }).toEqual({ text, files: [] });
    }
    expect(existsSync(join(root, 'dist/canary-permalink'))).toBe(false);
    expect(site.get('index.html')).toContain('<h1>Data files</h1>');
  });

  it('copies none of them, and nothing from content/, into the site', () => {
    expect(readdirSync(join(root, 'dist')).filter((f) => /data|eleventy|content|\.md$|\.js$/.test(f))).toEqual([]);
    expect(listFiles(join(root, 'dist')).filter((f) => /11tydata|_data|\.md$/.test(f))).toEqual([]);
  });
});
