import { chownSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCommitDates } from '../../src/load/git-dates.js';
import { runCli } from '../helpers/cli.js';
import { listFiles } from '../helpers/files.js';
import { git } from '../helpers/git.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const page = (title: string, body = 'Body.') => `---\ntitle: ${title}\n---\n${body}\n`;

/** The "Last updated" date of each built page, by page file under dist/ (undefined when it shows none). */
function lastUpdated(root: string, files: string[]): Record<string, string | undefined> {
  return Object.fromEntries(
    files.map((f) => [f, /Last updated <time datetime="([^"]+)">/.exec(readFileSync(join(root, 'dist', f), 'utf8'))?.[1]]),
  );
}

/** Every HTML file of the build that mentions a last-updated date. */
function pagesWithDates(root: string): string[] {
  return listFiles(join(root, 'dist')).filter((f) => f.endsWith('.html') && readFileSync(join(root, 'dist', f), 'utf8').includes('Last updated'));
}

const built = (root: string) => `✔ 4 files checked: no problems\nBuilt 8 pages (public) into ${join(root, 'dist')}\n`;

/** A repository of four pages in three commits: a.md last changed in the first, b.md in the second, c.md in the third. */
function threeCommits(): string {
  const root = writeHandbook({ 'content/index.md': page('Home'), 'content/a.md': page('A'), 'content/b.md': page('B'), 'content/c.md': page('C') });
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '.']);
  git(root, ['commit', '-qm', 'first'], '2024-01-01T12:00:00Z');
  writeFileSync(join(root, 'content/b.md'), page('B', 'Changed.'));
  git(root, ['commit', '-qam', 'second'], '2024-02-01T12:00:00Z');
  writeFileSync(join(root, 'content/c.md'), page('C', 'Changed.'));
  git(root, ['commit', '-qam', 'third'], '2024-03-01T12:00:00Z');
  return root;
}

const PAGES = ['index.html', 'a/index.html', 'b/index.html', 'c/index.html'];

describe('handbook build and the last commit dates of git', () => {
  it('a full clone: every page shows the date of its last commit (the control for the shallow case)', async () => {
    const root = threeCommits();
    const result = await runCli(['build', '--root', root, '--no-cache']);
    expect(result).toEqual({ code: 0, stdout: built(root), stderr: '' });
    expect(lastUpdated(root, PAGES)).toEqual({ 'index.html': '2024-01-01', 'a/index.html': '2024-01-01', 'b/index.html': '2024-02-01', 'c/index.html': '2024-03-01' });
  });

  // Regression (fixed): `git log` fails with "does not have any commits yet" and the build died with a stack trace.
  it('a repository with no commit yet: the build succeeds, with one note and no dates', async () => {
    const root = writeHandbook({ 'content/index.md': page('Home'), 'content/a.md': page('A'), 'content/b.md': page('B'), 'content/c.md': page('C') });
    git(root, ['init', '-q']);
    const content = treeHash(join(root, 'content'));
    const result = await runCli(['build', '--root', root, '--no-cache']);
    expect(result).toEqual({ code: 0, stdout: built(root), stderr: 'handbook: git has no commits yet: pages show no last-updated date\n' });
    expect(pagesWithDates(root)).toEqual([]);
    expect(treeHash(join(root, 'content'))).toBe(content);
  });

  // Regression (fixed): a shallow clone's boundary commit lists every file of its tree as changed, so pages last changed
  // before it showed its date. With --depth 2 the boundary is the second commit: c.md (changed in the tip) keeps
  // its date; a.md (really changed in the first) and b.md (in the boundary itself, which cannot be told apart) show none.
  it('a shallow clone: pages whose last change is the boundary commit show no date, with one note', async () => {
    const origin = threeCommits();
    const parent = tempDir();
    git(parent, ['clone', '-q', '--depth', '2', `file://${origin}`, 'clone']);
    const root = join(parent, 'clone');
    expect(git(root, ['rev-parse', '--is-shallow-repository'])).toBe('true\n');
    const result = await runCli(['build', '--root', root, '--no-cache']);
    expect({ ...result, dates: lastUpdated(root, PAGES) }).toEqual({
      code: 0,
      stdout: built(root),
      stderr: 'handbook: shallow clone: 3 pages show no last-updated date; fetch full history (fetch-depth: 0) for them\n',
      dates: { 'index.html': undefined, 'a/index.html': undefined, 'b/index.html': undefined, 'c/index.html': '2024-03-01' },
    });
  });

  // Git refuses a repository owned by another user. As root, the checkout is given to `nobody` and the CLI runs as
  // root: that is git's real check (owner of the folder vs. the user running git), with no config to fake it;
  // the CLI's environment has no HOME and the test's git no system config, so no safe.directory can allow it.
  it.skipIf(process.getuid?.() !== 0)('a repository git refuses for its owner (dubious ownership): the build succeeds, with one note and no dates', async () => {
    const root = threeCommits();
    const chownAll = (dir: string) => {
      chownSync(dir, 65534, 65534);
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) chownAll(join(dir, e.name));
        else chownSync(join(dir, e.name), 65534, 65534);
      }
    };
    chownAll(root);
    const content = treeHash(join(root, 'content'));
    const result = await runCli(['build', '--root', root, '--no-cache']);
    expect(result).toEqual({
      code: 0,
      stdout: built(root),
      stderr: `handbook: git refuses to read the repository at ${root} (detected dubious ownership: another user owns it): pages show no last-updated date; git config --global --add safe.directory ${root} allows it\n`,
    });
    expect(pagesWithDates(root)).toEqual([]);
    expect(treeHash(join(root, 'content'))).toBe(content);
  });
});

describe('lastCommitDates', () => {
  // Regression (fixed): git quotes and escapes non-ASCII names by default (`"content/\303\274ber.md"`), so such pages had no date.
  it('dates files with non-ASCII names', async () => {
    const root = writeHandbook({ 'content/über.md': page('Über'), 'content/index.md': page('Home') });
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'first'], '2024-05-01T12:00:00Z');
    expect(await lastCommitDates(root)).toEqual({ dates: new Map([['content/index.md', '2024-05-01'], ['content/über.md', '2024-05-01']]) });
  });

  it('outside any repository: no dates and no note', async () => {
    expect(await lastCommitDates(tempDir())).toEqual({ dates: new Map() });
  });

  it('any other git failure is thrown, not taken for "no dates"', async () => {
    const root = threeCommits();
    // The tip's tree object gone: `git log --name-only` cannot diff it.
    const tree = git(root, ['rev-parse', 'HEAD^{tree}']).trim();
    rmSync(join(root, '.git/objects', tree.slice(0, 2), tree.slice(2)), { force: true });
    await expect(lastCommitDates(root)).rejects.toThrow(/unable to read tree/);
  });
});
