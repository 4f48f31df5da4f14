import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputChangedError, OutputReuse } from '../../src/output/reuse.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

/** A previous build's output with one page, as `build` leaves it: made in staging, sealed, swapped in, recorded. */
async function previousBuild(): Promise<{ cache: string; out: string; root: string }> {
  const root = tempDir();
  const cache = join(root, '.cache');
  const out = join(root, 'dist');
  const staging = join(root, 'staging-1');
  mkdirSync(join(staging, 'a'), { recursive: true });
  writeFileSync(join(staging, 'a/index.html'), '<p>page a</p>');
  const reuse = await OutputReuse.open(cache, 'public', out, true);
  reuse.record('page:a', 'key-a', ['a/index.html']);
  reuse.seal(staging, 'canaries-1');
  renameSync(staging, out);
  expect(await reuse.save()).toBeUndefined();
  return { cache, out, root };
}

describe('taking a page from the last build', () => {
  it('is allowed for the same key and an untouched file, and skips its scan for the same values only', async () => {
    const { cache, out, root } = await previousBuild();
    const reuse = await OutputReuse.open(cache, 'public', out, true);
    expect([reuse.reusable('page:a', 'key-a'), reuse.reusable('page:a', 'key-b'), reuse.reusable('page:b', 'key-a')]).toEqual([true, false, false]);
    reuse.take('page:a', join(root, 'staging-2'));
    expect([...reuse.scannedFiles('canaries-1')]).toEqual(['a/index.html']);
    expect([...reuse.scannedFiles('canaries-2')]).toEqual([]);
    expect(() => reuse.seal(join(root, 'staging-2'), 'canaries-1')).not.toThrow();
  });

  it('is refused for a file edited since, and not offered to another output folder or without the cache', async () => {
    const { cache, out } = await previousBuild();
    expect((await OutputReuse.open(cache, 'public', join(out, '..', 'elsewhere'), true)).reusable('page:a', 'key-a')).toBe(false);
    expect((await OutputReuse.open(cache, 'public', out, false)).reusable('page:a', 'key-a')).toBe(false);
    expect((await OutputReuse.open(cache, 'internal', out, true)).reusable('page:a', 'key-a')).toBe(false);
    writeFileSync(join(out, 'a/index.html'), '<p>page A</p>');
    expect((await OutputReuse.open(cache, 'public', out, true)).reusable('page:a', 'key-a')).toBe(false);
  });

  it('fails when another process rewrites the file after it was taken, before the output is sealed', async () => {
    const { cache, out, root } = await previousBuild();
    const reuse = await OutputReuse.open(cache, 'public', out, true);
    expect(reuse.reusable('page:a', 'key-a')).toBe(true);
    reuse.take('page:a', join(root, 'staging-2'));
    writeFileSync(join(out, 'a/index.html'), '<p>7301.25, unscanned</p>');
    expect(() => reuse.seal(join(root, 'staging-2'), 'canaries-1')).toThrow(OutputChangedError);
  });

  it('fails when another process removes the file between the check and the take', async () => {
    const { cache, out, root } = await previousBuild();
    const reuse = await OutputReuse.open(cache, 'public', out, true);
    expect(reuse.reusable('page:a', 'key-a')).toBe(true);
    rmSync(join(out, 'a/index.html'));
    expect(() => reuse.take('page:a', join(root, 'staging-2'))).toThrow(OutputChangedError);
  });
});
