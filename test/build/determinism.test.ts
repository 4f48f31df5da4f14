import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';
import { build, makeRoot, readBytes } from './helpers.js';

afterAll(removeTempDirs);

/** Every file that differs between two trees (missing on one side, or other bytes). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!));
}

// DESIGN invariant 4. Two roots at different paths (no absolute path may reach the output),
// and the first root built twice: cold, then with the body cache of .cache/ warm.
describe.each(['public', 'internal'])('%s build of the canary handbook, twice', (audience) => {
  let first: Map<string, Buffer>;
  let warm: Map<string, Buffer>;
  let other: Map<string, Buffer>;
  beforeAll(async () => {
    const a = makeRoot({ fixture: 'canary' });
    const b = makeRoot({ fixture: 'canary' });
    const args = ['--today', '2031-06-15', '--audience', audience];
    const cold = await Promise.all([build(a, ...args, '--out', 'out-1'), build(b, ...args, '--out', 'out-1')]);
    const again = await build(a, ...args, '--out', 'out-2');
    expect([...cold, again].map((r) => r.code)).toEqual([0, 0, 0]);
    first = readBytes(join(a, 'out-1'));
    warm = readBytes(join(a, 'out-2'));
    other = readBytes(join(b, 'out-1'));
  });

  it('writes the same files with the same bytes from another root', () => {
    expect(first.size).toBeGreaterThan(5);
    expect(differences(first, other)).toEqual([]);
  });

  it('writes the same files with the same bytes with a warm body cache', () => {
    expect(differences(first, warm)).toEqual([]);
  });
});
