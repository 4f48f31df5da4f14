import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here, as a user of the package would run it. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What one run of `handbook` gave back. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run the CLI; `env` is laid over a minimal environment that has NO_COLOR=1. */
export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as another user, to make permission errors real when the tests run as root. */
  uid?: number;
  gid?: number;
}

/**
 * Runs `node bin/handbook.js …` in a real subprocess. The environment is built
 * from scratch so a developer's FORCE_COLOR or CI variables cannot change output.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/handbook.js'), ...args], {
      cwd: options.cwd ?? REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs `handbook check --root ROOT --format json --no-cache` and parses the report.
 * Without the cache, a check writes nothing at all, which the fixture tests assert.
 */
export async function checkJson(root: string, extraArgs: readonly string[] = [], options: CliOptions = {}): Promise<CliResult & { diagnostics: unknown }> {
  const result = await runCli(['check', '--root', root, '--format', 'json', '--no-cache', ...extraArgs], options);
  return { ...result, diagnostics: result.stdout === '' ? undefined : JSON.parse(result.stdout) };
}
