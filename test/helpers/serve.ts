import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** A `handbook serve` running in a real subprocess. */
export interface Served {
  /** Where it serves, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout, from `from` on, matches `pattern`; fails after `timeoutMs`. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<string>;
  /** Sends a signal (SIGINT: Ctrl-C) and resolves with the exit code once the process ends. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `handbook serve --port 0 …` and resolves once it listens. */
export async function startServe(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [join(REPO, 'bin/handbook.js'), 'serve', '--port', '0', ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    waiters.forEach((w) => w());
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout.slice(from));
        if (!match) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(match[0]);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`handbook serve did not print ${pattern} in ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`));
      }, timeoutMs);
      waiters.add(check);
      void exited.then(() => {
        if (waiters.has(check)) reject(new Error(`handbook serve exited; stdout:\n${stdout}\nstderr:\n${stderr}`));
      });
      check();
    });
  const origin = (await waitFor(/Serving the \w+ site at (http:\/\/\S+?)\//)).replace(/^.* at /, '').replace(/\/$/, '');
  return {
    origin,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor,
    stop: (signal = 'SIGINT') => {
      child.kill(signal);
      return exited;
    },
  };
}
