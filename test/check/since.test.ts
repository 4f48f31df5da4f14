import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const page = (front: string, body = 'Text.') => `---\n${front}\n---\n\n${body}\n`;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Ed', GIT_AUTHOR_EMAIL: 'ed@example.com', GIT_COMMITTER_NAME: 'Ed', GIT_COMMITTER_EMAIL: 'ed@example.com' } });
const write = (root: string, file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

/**
 * A real repository: `main` holds six pages; the working tree (a branch of
 * it) renames one page without a redirect, renames one with `redirect_from`,
 * deletes one, gives one a new permalink, and edits one without moving it.
 */
function repository(): string {
  const root = writeHandbook({
    'handbook.config.yaml': 'site:\n  title: Moves\n',
    'content/index.md': page('title: Home'),
    'content/company/goals.md': page('title: Goals', '## Why\n\nBecause.'),
    'content/company/values.md': page('title: Values'),
    'content/company/history.md': page('title: History'),
    'content/team.md': page('title: Team\npermalink: /people/'),
    'content/notes.md': page('title: Notes'),
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'The handbook');
  git(root, 'checkout', '-qb', 'reorganise');
  for (const dir of ['strategy', 'culture']) mkdirSync(join(root, 'content', dir));
  git(root, 'mv', 'content/company/goals.md', 'content/strategy/goals.md');
  git(root, 'mv', 'content/company/values.md', 'content/culture/values.md');
  write(root, 'content/culture/values.md', page('title: Values\nredirect_from:\n  - /company/values/'));
  git(root, 'rm', '-q', 'content/company/history.md');
  write(root, 'content/team.md', page('title: Team\npermalink: /our-team/'));
  write(root, 'content/notes.md', page('title: Notes', 'More text.'));
  return root;
}

describe('handbook check --since REF', () => {
  const root = repository();

  it('reports every URL of REF that is gone without a redirect, on the page it became, with the line to add', async () => {
    const before = treeHash(root);
    const result = await checkJson(root, ['--since', 'main']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: '' });
    expect(result.diagnostics).toEqual([
      {
        file: 'content/company/history.md',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'page/moved-without-redirect',
        message: '`/company/history/` existed at `main`; this file was deleted, and no `redirect_from` lists its URL',
        hint: 'add `redirect_from: [/company/history/]` to the page that replaces it',
      },
      {
        file: 'content/strategy/goals.md',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'page/moved-without-redirect',
        message: 'this page was `/company/goals/` at `main` (as content/company/goals.md); no page is there now, and no `redirect_from` lists it',
        hint: 'add `redirect_from: [/company/goals/]` to this page\'s front matter',
      },
      {
        file: 'content/team.md',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'page/moved-without-redirect',
        message: 'this page was `/people/` at `main`; no page is there now, and no `redirect_from` lists it',
        hint: 'add `redirect_from: [/people/]` to this page\'s front matter',
      },
    ]);
    expect(treeHash(root)).toBe(before);
  });

  it('passes once each old URL is in a redirect_from, the deleted page\'s on the page that replaces it', async () => {
    const fixed = tempDir();
    execFileSync('cp', ['-a', `${root}/.`, fixed]);
    write(fixed, 'content/strategy/goals.md', page('title: Goals\nredirect_from: [/company/goals/]'));
    write(fixed, 'content/team.md', page('title: Team\npermalink: /our-team/\nredirect_from:\n  - /people/'));
    write(fixed, 'content/culture/values.md', page('title: Values\nredirect_from:\n  - /company/values/\n  - /company/history/'));
    const result = await checkJson(fixed, ['--since', 'main']);
    expect({ code: result.code, diagnostics: result.diagnostics }).toEqual({ code: 0, diagnostics: [] });
  });

  it('points into an existing redirect_from list, against any ref', async () => {
    const committed = tempDir();
    execFileSync('cp', ['-a', `${root}/.`, committed]);
    git(committed, 'add', '-A');
    git(committed, 'commit', '-qm', 'Reorganise');
    git(committed, 'mv', 'content/culture/values.md', 'content/values.md');
    const result = await checkJson(committed, ['--since', 'HEAD']);
    const moved = (result.diagnostics as { file: string; line: number; column: number; hint: string }[]).filter((d) => d.file === 'content/values.md');
    expect(moved).toEqual([expect.objectContaining({ line: 3, column: 1, hint: 'add `- /culture/values/` to this page\'s `redirect_from` list' })]);
    // Against main, the same move is fine: /company/values/ is redirected, /culture/values/ did not exist there.
    expect((await checkJson(committed, ['--since', 'main'])).diagnostics).toEqual((await checkJson(root, ['--since', 'main'])).diagnostics);
  });

  it('reads REF where the work left it: pages the target branch gained or moved since are not the work\'s', async () => {
    const ahead = tempDir();
    execFileSync('cp', ['-a', `${root}/.`, ahead]);
    git(ahead, 'stash', '-u', '-q');
    git(ahead, 'checkout', '-q', 'main');
    write(ahead, 'content/later.md', page('title: Later'));
    git(ahead, 'mv', 'content/notes.md', 'content/journal.md');
    write(ahead, 'content/journal.md', page('title: Notes\nredirect_from: [/notes/]'));
    git(ahead, 'add', '-A');
    git(ahead, 'commit', '-qm', 'Main moves on');
    git(ahead, 'checkout', '-q', 'reorganise');
    git(ahead, 'stash', 'pop', '-q');
    expect((await checkJson(ahead, ['--since', 'main'])).diagnostics).toEqual((await checkJson(root, ['--since', 'main'])).diagnostics);
  });

  it('is a usage error for a ref git does not know, or outside a repository', async () => {
    const unknown = await checkJson(root, ['--since', 'no-such-branch']);
    expect({ code: unknown.code, stdout: unknown.stdout }).toEqual({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^handbook: --since no-such-branch: git knows no commit of that name/);
    const plain = writeHandbook({ 'content/index.md': page('title: Home') });
    rmSync(join(plain, '.git'), { recursive: true, force: true });
    const outside = await checkJson(plain, ['--since', 'main']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^handbook: --since needs a git repository/);
  });
});
