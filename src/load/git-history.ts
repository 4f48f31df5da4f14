import { relative, sep } from 'node:path';
import { normalisePermalink, urlForContentPath } from '../pages/url.js';
import { catFiles, git as runGit, type GitError } from './git.js';
import { splitFrontMatter } from './split.js';
import { parseYaml } from './yaml.js';

/** A page of the content folder at a git ref whose URL may be gone: its file was deleted, renamed or changed since. */
export interface PastPage {
  /** Its URL at the ref (its permalink then, or its path). */
  url: string;
  /** Its path at the ref, relative to the root. */
  file: string;
  /** What git's rename detection says it is now (the same file when it was only changed): root- and content-relative paths. */
  now?: { file: string; contentPath: string };
}

/** The pages at `ref` whose URL may have changed since, or why git cannot tell. */
export type History = { ref: string; pages: PastPage[] } | { problem: string };

/**
 * The pages of the content folder at git ref `ref` that were deleted, renamed
 * or changed between it and the working tree, from one `git diff` with
 * rename detection and one `git cat-file` for their texts then. `ref` is read
 * where the work left it (its merge base with HEAD), as a pull request's diff
 * is: a page the target branch gained meanwhile is not one the working tree
 * deleted. A file that is unchanged keeps its URL, so it is not listed. Files
 * git does not track yet are not seen: a page moved to an untracked file
 * counts as deleted.
 */
export async function pagesSince(root: string, contentDir: string, ref: string): Promise<History> {
  const git = async (args: string[]) => (await runGit(contentDir, args)).toString('utf8');
  let prefix: string;
  try {
    prefix = (await git(['rev-parse', '--show-prefix'])).trim();
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  } catch (err) {
    const e = err as GitError;
    if (e.code === 'ENOENT') return { problem: '--since needs git, which is not installed' };
    if (/not a git repository/i.test(e.stderr ?? '')) return { problem: `--since needs a git repository, and ${contentDir} is not in one` };
    if (e.code === 1) return { problem: `--since ${ref}: git knows no commit of that name (in CI, fetch the target branch first, e.g. git fetch origin main)` };
    throw err;
  }
  // From where the work left REF: pages REF gained since (on the target branch, say) are no concern of the working tree.
  const base = (await git(['merge-base', '--end-of-options', ref, 'HEAD']).catch(() => ref)).trim();
  const fields = (await git(['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', base, '--', '.'])).split('\0');
  const changed: { status: string; path: string; now?: string }[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    const path = fields[i++]!;
    const renamed = status.startsWith('R') ? fields[i++]! : undefined;
    if (!path.toLowerCase().endsWith('.md')) continue;
    if (status === 'D') changed.push({ status, path });
    else if (renamed !== undefined) changed.push({ status, path, now: renamed });
    else if (status === 'M' || status === 'T') changed.push({ status, path, now: path });
  }
  const texts = (await catFiles(contentDir, changed.map((c) => `${base}:${prefix}${c.path}`))).map((bytes) => bytes?.toString('utf8'));
  const contentPrefix = relative(root, contentDir).split(sep).join('/');
  const fromRoot = (contentPath: string) => (contentPrefix === '' ? contentPath : `${contentPrefix}/${contentPath}`);
  const pages = changed.map((c, i): PastPage => ({
    url: pastUrl(c.path, texts[i]),
    file: fromRoot(c.path),
    ...(c.now !== undefined && c.now.toLowerCase().endsWith('.md') ? { now: { file: fromRoot(c.now), contentPath: c.now } } : {}),
  }));
  return { ref, pages };
}

/** A page's URL from its path and text: its permalink when its front matter has a valid one, else its path's. */
function pastUrl(contentPath: string, text: string | undefined): string {
  const split = text === undefined ? undefined : splitFrontMatter(contentPath, text);
  const parsed = split && !('diagnostic' in split) ? parseYaml(contentPath, split.yaml) : undefined;
  const data = parsed && !('diagnostics' in parsed) ? parsed.data : undefined;
  const permalink = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).permalink : undefined;
  return typeof permalink === 'string' && permalink.startsWith('/') ? normalisePermalink(permalink) : urlForContentPath(contentPath);
}
