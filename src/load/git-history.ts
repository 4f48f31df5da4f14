import { execFile, spawn } from 'node:child_process';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { normalisePermalink, urlForContentPath } from '../pages/url.js';
import { splitFrontMatter } from './split.js';
import { parseYaml } from './yaml.js';

const run = promisify(execFile);

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

/** What execFile rejects with: `code` is the exit code, or an errno string when git could not start. */
type GitError = Error & { code?: number | string; stderr?: string };

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
  // The C locale keeps git's messages in English, the only way to tell its refusals apart.
  const git = async (args: string[], cwd = contentDir) => (await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } })).stdout;
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
  const texts = await catFiles(contentDir, changed.map((c) => `${base}:${prefix}${c.path}`));
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

/** The texts of git objects (`ref:path`) by one `git cat-file --batch`; `undefined` for one git does not have. */
function catFiles(cwd: string, names: readonly string[]): Promise<(string | undefined)[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited ${code}: ${stderr.trim()}`));
      const out = Buffer.concat(chunks);
      const texts: (string | undefined)[] = [];
      let at = 0;
      for (let n = 0; n < names.length; n++) {
        const eol = out.indexOf(0x0a, at);
        const header = out.subarray(at, eol).toString();
        at = eol + 1;
        const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
        if (size === undefined) {
          texts.push(undefined);
          continue;
        }
        texts.push(out.subarray(at, at + Number(size)).toString('utf8'));
        at += Number(size) + 1;
      }
      resolve(texts);
    });
    child.stdin.end(names.map((name) => `${name}\n`).join(''));
  });
}
