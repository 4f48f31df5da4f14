// `npm run bench`: okr-handbook against plain Eleventy on generated handbooks.
// See bench/README.md for the scenarios and options.
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { usageMethod } from './measure.mjs';
import { highlightCost } from './highlight-cost.mjs';
import { highlightShare, markdown, scaling, summarise, targets, withRatios } from './report.mjs';
import { prepareWorkspace, SCENARIOS } from './scenarios.mjs';

const USAGE = `usage: npm run bench -- [--pages 1000,10000] [--runs 3] [--only id,id] [--seed 1] [--tmp DIR] [--keep]
scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`;

function options() {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      seed: { type: 'string', default: '1' },
      tmp: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const pages = values.pages.split(',').map(Number);
  const runs = Number(values.runs);
  const only = values.only?.split(',');
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
  if (pages.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1 || unknown.length > 0) {
    throw new Error(`${unknown.length > 0 ? `unknown scenario ${unknown.join(', ')}\n` : ''}${USAGE}`);
  }
  return { pages, runs, scenarios: only ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS, seed: Number(values.seed), tmp: values.tmp, keep: values.keep };
}

/** tmpfs when there is one: on disk, writeback makes build timings swing by several seconds at 10,000 pages. */
async function baseDir(tmp) {
  const parent = tmp ?? (await writable('/dev/shm') ? '/dev/shm' : tmpdir());
  return mkdtemp(join(parent, 'handbook-bench-'));
}

async function writable(dir) {
  try {
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** One status line, rewritten in place; only for a person watching a terminal. */
const progress = process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : () => {};

const opts = options();
const base = await baseDir(opts.tmp);
const rows = [];
const highlighting = [];
try {
  for (const pages of opts.pages) {
    progress(`[${pages} pages] generating…`);
    const ws = await prepareWorkspace(base, pages, opts.seed);
    for (const scenario of opts.scenarios) {
      const measured = [];
      // Run 0 is the warm-up; for warm scenarios it is also what fills the cache.
      for (let run = 0; run <= opts.runs; run++) {
        progress(`[${pages} pages] ${scenario.id} ${run === 0 ? 'warm-up' : `run ${run}/${opts.runs}`}`);
        await scenario.before(ws, run);
        const result = await scenario.run(ws);
        await scenario.verify(ws, result);
        if (run > 0) measured.push(result);
      }
      await scenario.after?.(ws);
      rows.push(summarise(scenario, pages, measured));
    }
    progress(`[${pages} pages] highlighting, in process`);
    highlighting.push({ pages, ...(await highlightCost(ws.root)) });
    if (!opts.keep) await rm(ws.dir, { recursive: true, force: true });
  }
} finally {
  progress('');
  if (!opts.keep) await rm(base, { recursive: true, force: true });
}

const table = withRatios(rows);
const scaled = scaling(table);
const judged = targets(table, scaled);
const highlight = highlightShare(table, highlighting);
process.stdout.write(markdown(table, scaled, judged, highlight));

const out = fileURLToPath(new URL('.out/', import.meta.url));
await mkdir(out, { recursive: true });
const machine = { node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryMiB: Math.round(totalmem() / 2 ** 20) };
const json = { date: new Date().toISOString(), machine, runs: opts.runs, seed: opts.seed, usage: usageMethod, results: table, scaling: scaled, targets: judged, highlighting: highlight };
await writeFile(join(out, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
process.stdout.write(`\nJSON: ${join(out, 'latest.json')}${opts.keep ? `\nFiles kept in ${base}` : ''}\n`);
