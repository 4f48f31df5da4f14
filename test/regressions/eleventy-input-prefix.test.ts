import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { listFiles, readTree } from '../helpers/files.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const FIXTURE = join(REPO, 'test/fixtures/build/markup');

/** What the build prints: the fixture's raw HTML, which check warns of (5 elements), then the build. */
const built = (out: string) => new RegExp(`\\n⚠ 1 file checked: 0 errors, 5 warnings\\nBuilt 5 pages \\(public\\) into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`);

/** Copies the markup fixture to `dir` and builds it from there (the working directory, as a user runs it). */
async function buildIn(dir: string, tmp: string) {
  cpSync(FIXTURE, dir, { recursive: true });
  const content = treeHash(join(dir, 'content'));
  const result = await runCli(['build', '--root', dir, '--no-cache'], { cwd: dir, env: { TMPDIR: tmp } });
  return { result, content };
}

// Regression (fixed): Eleventy 3 turns template paths relative to the working directory by cutting it off as a string
// prefix (TemplatePath.relativePath in @11ty/eleventy-utils), so with the working directory D/okr, the input
// folder D/okr-handbook-eleventy-XXXXXX lost its template from the render order and the build failed with
// "entry._pages is not iterable".
describe('a project in a folder whose path is a prefix of Eleventy’s temporary input folder', () => {
  it('builds: D/okr with TMPDIR=D writes the same files as a build elsewhere', async () => {
    const reference = tempDir();
    const elsewhere = await buildIn(join(reference, 'handbook'), reference);
    expect(elsewhere.result).toEqual({ code: 0, stdout: expect.stringMatching(built(join(reference, 'handbook/dist'))), stderr: '' });

    const d = tempDir();
    const root = join(d, 'okr');
    const { result, content } = await buildIn(root, d);
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(built(join(root, 'dist'))), stderr: '' });
    expect(readTree(join(root, 'dist'))).toEqual(readTree(join(reference, 'handbook/dist')));
    expect(listFiles(join(root, 'dist'))).toContain('index.html');
    expect(treeHash(join(root, 'content'))).toBe(content);
    // The temporary input folder is gone again.
    expect(readdirSync(d)).toEqual(['okr']);
  });

  it('builds when the working directory is any string prefix of it (a folder named like the first letters of TMPDIR)', async () => {
    const d = tempDir();
    const root = join(d, 'o');
    mkdirSync(join(d, 'other'));
    const { result, content } = await buildIn(root, join(d, 'other'));
    expect(result).toEqual({ code: 0, stdout: expect.stringMatching(built(join(root, 'dist'))), stderr: '' });
    expect(listFiles(join(root, 'dist'))).toContain('index.html');
    expect(treeHash(join(root, 'content'))).toBe(content);
  });
});
