// How long a page's own edit takes to reach a browser under `handbook serve`:
// from the write of the file to the page's HTML, with the edit in it, fetched
// after the server told the page to reload (the event a browser reloads on).
//
//   node bench/serve.mjs --root DIR --page content/x.md [--path /x/] [--edits 5] [--today YYYY-MM-DD] [--log FILE]
//
// Prints each edit's latency, the build time serve reported, the CPU time the
// serve process and the Pagefind processes it ended spent on it (Linux), and
// the load average, as JSON on stdout. The first build is not counted.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { root: { type: 'string' }, page: { type: 'string' }, path: { type: 'string' }, edits: { type: 'string', default: '5' }, today: { type: 'string', default: '2025-06-30' }, log: { type: 'string' } },
});
if (!values.root || !values.page) throw new Error('usage: node bench/serve.mjs --root DIR --page content/x.md [--path /x/] [--edits 5]');
const file = join(values.root, values.page);
const path = values.path ?? `/${values.page.replace(/^content\//, '').replace(/(index)?\.md$/, '')}`;
const original = readFileSync(file, 'utf8');

const child = spawn(process.execPath, [new URL('../bin/handbook.js', import.meta.url).pathname, 'serve', '--root', values.root, '--port', '0', '--today', values.today], { stdio: ['ignore', 'pipe', 'inherit'] });
let stdout = '';
const waiters = [];
child.stdout.setEncoding('utf8').on('data', (chunk) => {
  stdout += chunk;
  for (const w of waiters.splice(0)) w();
});
/** CPU seconds of the serve process, its threads, and the children it has waited for (utime, stime, cutime, cstime of /proc/PID/stat). */
const cpuSeconds = () => {
  const stat = `/proc/${child.pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').slice(readFileSync(stat, 'utf8').lastIndexOf(')') + 2).split(' ');
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
};
const waitFor = (pattern, from) =>
  new Promise((resolve) => {
    const check = () => {
      const match = pattern.exec(stdout.slice(from));
      if (match) resolve(match);
      else waiters.push(check);
    };
    check();
  });

try {
  const origin = (await waitFor(/at (http:\/\/\S+?)\//, 0))[1];
  const started = performance.now();
  await waitFor(/Built \d+ pages in (\d+) ms \(first build\)/, 0);
  const firstBuild = Math.round(performance.now() - started);

  // The event stream a page holds open.
  const events = await fetch(`${origin}/__handbook/events?build=1`);
  const reader = events.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const nextReload = async () => {
    for (;;) {
      const at = buffer.indexOf('event: reload\n');
      if (at !== -1) {
        buffer = buffer.slice(at + 14);
        return;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += value;
    }
  };

  const runs = [];
  for (let i = 0; i < Number(values.edits); i++) {
    const marker = `Bench edit ${Date.now()}-${i}`;
    const from = stdout.length;
    const reload = nextReload();
    const cpuBefore = cpuSeconds();
    const wrote = performance.now();
    appendFileSync(file, `\n${marker}.\n`);
    await reload;
    const html = await (await fetch(`${origin}${path}`)).text();
    const latency = performance.now() - wrote;
    if (!html.includes(marker)) throw new Error(`${path} does not show the edit after the reload`);
    const built = Number((await waitFor(/Built \d+ pages in (\d+) ms/, from))[1]);
    const cpu = cpuBefore === undefined ? undefined : Number((cpuSeconds() - cpuBefore).toFixed(2));
    runs.push({ latencyMs: Math.round(latency), buildMs: built, cpuSeconds: cpu, load1: Number(loadavg()[0].toFixed(2)) });
    // Let the machine settle between edits, as an editor's typing would.
    await new Promise((r) => setTimeout(r, 500));
  }
  await reader.cancel();
  const sorted = runs.map((r) => r.latencyMs).sort((a, b) => a - b);
  console.log(JSON.stringify({ root: values.root, page: values.page, firstBuildMs: firstBuild, runs, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted.at(-1) }, null, 2));
} finally {
  child.kill('SIGINT');
  writeFileSync(file, original);
  // What serve printed, to read a slow edit's build by.
  if (values.log) writeFileSync(values.log, stdout);
}
