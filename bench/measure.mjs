// Runs one Node script as a fresh child process and measures its wall time
// and peak resident memory. A fresh process per run is what a user (or CI)
// pays, module loading included, and keeps one run's heap out of the next.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
/** GNU time reports the peak RSS of the whole process tree; BSD time has no `-f`, so it is tried, not assumed. */
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
const IN_PROCESS = fileURLToPath(new URL('max-rss.mjs', import.meta.url));

/** How peak memory is measured on this machine, for the report. */
export const rssMethod = hasGnuTime ? 'GNU time %M (process tree)' : 'process.resourceUsage().maxRSS (main process and its threads)';

/**
 * Runs `node script ...args`; resolves to wall time (ms), peak RSS (MiB) and
 * stdout, or rejects with the tail of stderr when the exit code is not 0.
 */
export function measure(script, args) {
  const rssFile = join(tmpdir(), `handbook-bench-rss-${process.pid}`);
  const [command, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, script, ...args]]
    : [process.execPath, [IN_PROCESS, rssFile, script, ...args]];
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
        rmSync(rssFile, { force: true });
        const tail = `${stdout}${Buffer.concat(err).toString('utf8')}`.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`\`node ${[script, ...args].join(' ')}\` exited with ${code}:\n${tail}`));
        return;
      }
      // GNU time may prefix its figure with a note (e.g. about a signal): the figure is the last line.
      const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      rmSync(rssFile);
      resolve({ ms, rssMiB: kib / 1024, stdout });
    });
  });
}
