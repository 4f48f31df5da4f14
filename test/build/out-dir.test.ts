import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';
import { build, makeRoot } from './helpers.js';

afterAll(removeTempDirs);

describe('--out pointing at the handbook\'s own sources', () => {
  // A build replaces its output folder whole, so it must never be the sources or the root.
  for (const out of ['content', '.']) {
    it(`--out ${out} is refused and content/ stays as it was`, async () => {
      const root = makeRoot({ fixture: 'canary' });
      const before = treeHash(join(root, 'content'));
      const result = await build(root, '--today', '2031-06-15', '--out', out);
      expect(existsSync(join(root, 'content')) && treeHash(join(root, 'content'))).toBe(before);
      expect(result.code).not.toBe(0);
    });
  }

  it('control: --out beside the sources builds there and leaves content/ alone', async () => {
    const root = makeRoot({ fixture: 'canary' });
    const before = treeHash(join(root, 'content'));
    expect((await build(root, '--today', '2031-06-15', '--out', 'site')).code).toBe(0);
    expect([treeHash(join(root, 'content')), existsSync(join(root, 'site/index.html'))]).toEqual([before, true]);
  });
});
