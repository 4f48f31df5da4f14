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

/**
 * The contents of git objects (`<rev>:<path>` each) from one
 * `git cat-file --batch`, in order; `undefined` for a name git has no object
 * for (a path the revision does not hold).
 */
export async function catFiles(cwd: string, names: readonly string[]): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return [];
  const out = await git(cwd, ['cat-file', '--batch'], names.map((name) => `${name}\n`).join(''));
  const objects: (Buffer | undefined)[] = [];
  let at = 0;
  for (let n = 0; n < names.length; n++) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new Error('git cat-file printed fewer objects than it was asked for');
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    // `<oid> <type> <size>`, then the object and a newline; `<name> missing` (or ambiguous) alone.
    const size = /^[0-9a-f]+ \S+ (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      objects.push(undefined);
      continue;
    }
    objects.push(out.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return objects;
}
