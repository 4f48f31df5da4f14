import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The date (YYYY-MM-DD, UTC) of the last commit that touched each file under
 * `root`, by root-relative path, from one `git log` call. Empty when `root` is
 * not in a git repository or git is missing: "Last updated" is then omitted,
 * never replaced by today's date, so builds stay deterministic.
 */
export async function lastCommitDates(root: string): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  let stdout: string;
  let prefix: string;
  try {
    prefix = (await run('git', ['rev-parse', '--show-prefix'], { cwd: root })).stdout.trim();
    stdout = (await run('git', ['log', '--format=@%ct', '--name-only', '--no-renames', '--', '.'], { cwd: root, maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: unknown; stderr?: string };
    if (e.code === 'ENOENT' || /not a git repository/i.test(e.stderr ?? '')) return dates;
    throw err;
  }
  let date = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('@')) date = new Date(Number(line.slice(1)) * 1000).toISOString().slice(0, 10);
    else if (line !== '' && line.startsWith(prefix)) {
      const file = line.slice(prefix.length);
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
