// Runs one Node script as a fresh child process and measures its wall time
// and peak resident memory. A fresh process per run is what a user (or CI)
// pays, module loading included, and keeps one run's heap out of the next.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
/** User and system CPU seconds, and peak RSS in KiB; `resource-usage.mjs` writes the same line. */
const FORMAT = '%U %S %M';
/** GNU time reports the whole process tree (Pagefind's binary included); BSD time has no `-f`, so it is tried, not assumed. */
const hasGnuTime = spawnSync(GNU_TIME, ['-f', FORMAT, 'true'], { stdio: 'ignore' }).status === 0;
const IN_PROCESS = fileURLToPath(new URL('resource-usage.mjs', import.meta.url));

/** How CPU time and peak memory are measured on this machine, for the report. */
export const usageMethod = hasGnuTime ? 'GNU time: the whole process tree, Pagefind included' : 'process.resourceUsage(): the Node process and its threads, not its child processes';

/**
 * Runs `node script ...args`; resolves to wall time (ms), CPU time (ms), peak
 * RSS (MiB) and stdout, or rejects with the tail of stderr when the exit code is not 0.
 */
export function measure(script, args) {
  const usageFile = join(tmpdir(), `handbook-bench-usage-${process.pid}`);
  const [command, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', FORMAT, '-o', usageFile, process.execPath, script, ...args]]
    : [process.execPath, [IN_PROCESS, usageFile, script, ...args]];
  // No colour and no TTY, so a progress bar in the tool under test stays quiet and costs nothing.
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const stdout = Buffer.concat(out).toString('utf8');
      if (code !== 0) {
        rmSync(usageFile, { force: true });
        const tail = `${stdout}${Buffer.concat(err).toString('utf8')}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`\`node ${[script, ...args].join(' ')}\` exited with ${code}:\n${tail}`));
        return;
      }
      // GNU time may prefix its figure with a note (e.g. about a signal): the figure is the last line.
      const [user, sys, kib] = readFileSync(usageFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      rmSync(usageFile);
      resolve({ ms, cpuMs: (user + sys) * 1000, rssMiB: kib / 1024, stdout });
    });
  });
}
