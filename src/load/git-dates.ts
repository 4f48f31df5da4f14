import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { git as runGit, type GitError } from './git.js';

/** The last commit dates of files, and why some or all are missing when the build should tell the user. */
export interface CommitDates {
  /** YYYY-MM-DD (UTC), by root-relative path. */
  dates: Map<string, string>;
  /** One sentence for stderr, set when git has the files but cannot date them. */
  note?: string;
}

/**
 * The date (YYYY-MM-DD, UTC) of the last commit that touched each file under
 * `root`, by root-relative path, from one `git log` call. Empty when `root` is
 * not in a git repository or git is missing: "Last updated" is then omitted,
 * never replaced by today's date, so builds stay deterministic. A date git
 * cannot know is left out too, with a note; any other git failure is thrown.
 */
export async function lastCommitDates(root: string): Promise<CommitDates> {
  const git = async (args: string[]) => (await runGit(root, args)).toString('utf8');
  const dates = new Map<string, string>();
  let prefix: string;
  let shallowFile: string | undefined;
  try {
    const [showPrefix = '', isShallow, gitPath = ''] = (await git(['rev-parse', '--show-prefix', '--is-shallow-repository', '--git-path', 'shallow'])).split('\n');
    prefix = showPrefix;
    if (isShallow === 'true') shallowFile = resolve(root, gitPath);
  } catch (err) {
    const e = err as GitError;
    if (e.code === 'ENOENT' || /not a git repository/i.test(e.stderr ?? '')) return { dates };
    const dubious = /detected dubious ownership in repository at '([^']*)'/.exec(e.stderr ?? '');
    if (dubious) {
      // Git protects a user from hooks and config in a repository another user owns (a CI container, a shared
      // checkout); the site can still be built, only without dates, and the user learns how to allow it.
      const repo = dubious[1];
      return { dates, note: `git refuses to read the repository at ${repo} (detected dubious ownership: another user owns it): pages show no last-updated date; git config --global --add safe.directory ${repo} allows it` };
    }
    throw err;
  }
  let stdout: string;
  try {
    // Non-ASCII names as they are, not quoted and escaped as git prints them by default.
    stdout = await git(['-c', 'core.quotePath=false', 'log', '--format=@%ct %H', '--name-only', '--no-renames', '--', '.']);
  } catch (err) {
    // A fresh `git init` has no commit for HEAD to name; asked by exit code, not by git's wording, which varies by version.
    const hasHead = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
      () => true,
      (e: GitError) => e.code !== 1,
    );
    if (!hasHead) return { dates, note: 'git has no commits yet: pages show no last-updated date' };
    throw err;
  }
  // In a shallow clone the oldest fetched commits (the boundary) have no parents, so git lists every file of
  // their tree as changed there: a file whose last change is a boundary commit may really have changed long
  // before, and showing that commit's date would be wrong. Such files get no date.
  const boundary = new Set(shallowFile ? (await readFile(shallowFile, 'utf8')).split('\n').filter(Boolean) : []);
  const seen = new Set<string>();
  let undated = 0;
  let date = '';
  let atBoundary = false;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('@')) {
      const [time = '', hash = ''] = line.slice(1).split(' ');
      date = new Date(Number(time) * 1000).toISOString().slice(0, 10);
      atBoundary = boundary.has(hash);
    } else if (line !== '' && line.startsWith(prefix)) {
      const file = line.slice(prefix.length);
      if (seen.has(file)) continue;
      seen.add(file);
      if (!atBoundary) dates.set(file, date);
      // Markdown files are the pages; other files (static/, the config) show no date anyway.
      else if (file.toLowerCase().endsWith('.md')) undated++;
    }
  }
  if (undated === 0) return { dates };
  const pages = undated === 1 ? '1 page shows' : `${undated} pages show`;
  return { dates, note: `shallow clone: ${pages} no last-updated date; fetch full history (fetch-depth: 0) for them` };
}
