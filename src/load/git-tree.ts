import { posix, relative, sep } from 'node:path';
import { catFiles, git, type GitError } from './git.js';
import type { SourceFile } from './read.js';

/** Why the files at a revision cannot be read: the root is in no git repository, or git knows no such commit. */
export interface RevisionProblem {
  problem: string;
}

/**
 * The Markdown files of the content folder as they are in commit `ref`, read
 * like the working tree's (`readContent`): the same paths, the same bytes, so
 * the same loader validates both. Regular files only (no symbolic links, no
 * dot-folders), read through one `git cat-file --batch`.
 */
export async function readContentAt(root: string, contentDir: string, ref: string): Promise<SourceFile[] | RevisionProblem> {
  let prefix: string;
  try {
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  } catch (err) {
    if (isRefusal(err)) return { problem: `${root} is not in a git repository that git can read: ${(err as GitError).stderr?.trim() || (err as Error).message}` };
    throw err;
  }
  let commit: string;
  try {
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch (err) {
    if ((err as GitError).code === 1 || isRefusal(err)) return { problem: `--base ${ref} names no commit of the repository` };
    throw err;
  }
  const contentRel = relative(root, contentDir).split(sep).join('/');
  const listing = (await git(root, ['ls-tree', '-r', '-z', '--full-name', commit, '--', contentRel === '' ? '.' : contentRel])).toString('utf8');
  const full = posix.join(prefix, contentRel);
  const files = listing
    .split('\0')
    .flatMap((entry) => {
      const match = /^(\d+) blob [0-9a-f]+\t(.*)$/s.exec(entry);
      return match && (match[1] === '100644' || match[1] === '100755') ? [match[2]!] : [];
    })
    .filter((path) => path.toLowerCase().endsWith('.md') && !path.includes('\n'))
    .map((path) => ({ path, contentPath: posix.relative(full, path) }))
    .filter(({ contentPath }) => !contentPath.startsWith('..') && !contentPath.split('/').some((seg) => seg.startsWith('.')))
    .sort((a, b) => (a.contentPath < b.contentPath ? -1 : a.contentPath > b.contentPath ? 1 : 0));
  if (files.length === 0) return [];
  const blobs = await catFiles(root, files.map((f) => `${commit}:${f.path}`));
  return files.map(({ path, contentPath }, i) => ({ file: posix.relative(prefix, path), contentPath, bytes: new Uint8Array(blobs[i] ?? Buffer.alloc(0)) }));
}

/** git missing, or git refusing the folder (not a repository, dubious ownership). */
function isRefusal(err: unknown): boolean {
  const e = err as GitError;
  return e.code === 'ENOENT' || e.code === 128;
}
