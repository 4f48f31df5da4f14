import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { build, FIXTURES, leftovers, makeRoot, PACKAGE_LAYOUTS } from './helpers.js';

afterAll(removeTempDirs);

/** The layout of the fixture calls an undefined function on /data-team/kpis/ only: Nunjucks throws there. */
const throwingLayouts = (root: string) => {
  cpSync(PACKAGE_LAYOUTS, join(root, 'layouts'), { recursive: true });
  cpSync(join(FIXTURES, 'layout-throws/layouts'), join(root, 'layouts'), { recursive: true });
};

const expectedStdout = (_root: string) =>
  'layouts/page.njk:7:48  error  Unable to call `explode`, which is undefined or falsey  build/layout-error\n' +
  '  hint: fix the layout; nothing was written (layouts cannot read files or start processes: they get the page and site data)\n\n✖ 5 files checked: 1 error, 0 warnings\n';

describe('THREATS 14 / Done when: a layout that throws on one page, with a previous build in dist/', () => {
  let root: string;
  let before: string;
  let result: CliResult;
  beforeAll(async () => {
    root = makeRoot('sample');
    expect((await build(root)).code).toBe(0);
    before = treeHash(join(root, 'dist'));
    throwingLayouts(root);
    result = await build(root);
  });

  it('exits 1 with a build/layout-error naming the layout and Nunjucks\' message', () => {
    expect(result).toEqual({ code: 1, stdout: expectedStdout(root), stderr: '' });
  });

  it('leaves dist/ exactly as it was, byte for byte', () => {
    expect(treeHash(join(root, 'dist'))).toBe(before);
  });

  it('removes its staging folder', () => {
    expect(leftovers(root)).toEqual([]);
  });

  // Nunjucks counts lines from 0 and after the front matter Eleventy removed; the file's line is 7.
  it('points at the layout file and line', () => {
    expect(result.stdout).toMatch(/^layouts\/page\.njk:7:\d+ /);
  });
});

describe('a layout that throws on the first build of a root', () => {
  it('writes no dist/ at all and leaves nothing beside it', async () => {
    const root = makeRoot('sample');
    throwingLayouts(root);
    const result = await build(root);
    expect(result).toEqual({ code: 1, stdout: expectedStdout(root), stderr: '' });
    expect([existsSync(join(root, 'dist')), leftovers(root)]).toEqual([false, []]);
  });
});
