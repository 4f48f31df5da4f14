import { spawn } from 'node:child_process';

/** What a failed git call rejects with: `code` is git's exit code, or an errno string (`ENOENT`) when git could not start. */
export type GitError = Error & { code?: number | string; stderr?: string };

/**
 * Runs git in `cwd` and resolves with its standard output; `input` is written
 * to its standard input. The C locale keeps git's messages in English, the
 * only way to tell its refusals apart. A non-zero exit rejects with a
 * `GitError` holding git's exit code and standard error.
 */
export function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], { cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString('utf8');
      reject(Object.assign(new Error(`git ${args[0] ?? ''} failed${stderr ? `: ${stderr.trim()}` : ''}`), { code: code ?? undefined, stderr }) satisfies GitError);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
