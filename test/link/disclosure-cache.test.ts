import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { REPO } from '../helpers/cli.js';

afterAll(removeTempDirs);

const FIXTURE = join(REPO, 'test/fixtures/link/leak-public-text');
const checkCached = async (root: string) => JSON.parse((await runCli(['check', '--root', root, '--format', 'json'])).stdout) as { line: number; cause?: { line: number } }[];

// The disclosure search remembers its hits by text (.cache/okr-handbook/disclosures.json).
describe('the disclosure search, remembered', () => {
  it('reports from the cache exactly what it reports without it', async () => {
    const root = tempDir();
    cpSync(FIXTURE, root, { recursive: true });
    const uncached = JSON.parse((await runCli(['check', '--root', root, '--format', 'json', '--no-cache'])).stdout) as unknown[];
    expect(uncached.length).toBeGreaterThan(3);
    expect([await checkCached(root), await checkCached(root)]).toEqual([uncached, uncached]);
  });

  it('names the internal value where it now is when only its place changed, and finds a new text at once', async () => {
    const root = tempDir();
    cpSync(FIXTURE, root, { recursive: true });
    const before = await checkCached(root);
    const file = join(root, 'content/index.md');
    // A line more above the records: every internal value moves down one line; the texts searched stay the same.
    writeFileSync(file, readFileSync(file, 'utf8').replace('kpis:\n', '# The goals of the year.\nkpis:\n'));
    const after = await checkCached(root);
    expect(after.map((d) => [d.line, d.cause?.line])).toEqual(before.map((d) => [d.line > 4 ? d.line + 1 : d.line, d.cause ? d.cause.line + 1 : undefined]));
    writeFileSync(file, readFileSync(file, 'utf8').replace('for the numbers.', 'for the numbers, 1734 so far.'));
    expect((await checkCached(root)).length).toBe(after.length + 1);
  });
});
