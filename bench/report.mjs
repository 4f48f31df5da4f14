// Turns raw run timings into the figures the bench reports: a Markdown table
// with the ratio of every scenario to each reference, the per-page scaling and
// the targets, plus the same data as JSON.
import { availableParallelism } from 'node:os';
import { PEERS } from './scenarios.mjs';

/** What each reference is called in the table. */
const PEER_NAMES = { eleventy: 'Eleventy', 'eleventy-pagefind': 'Eleventy + Pagefind', hugo: 'Hugo' };

/** The targets, as ratios to a reference at the same page count: a cold build is set against a site with search, as ours has. */
const RATIO_TARGETS = [
  { scenario: 'check-cold', peer: 'eleventy', max: 1.0 },
  { scenario: 'check-warm', peer: 'eleventy', max: 0.25 },
  { scenario: 'build-cold', peer: 'eleventy-pagefind', max: 1.5 },
  { scenario: 'build-warm', peer: 'eleventy', max: 0.5 },
];
const RSS_TARGET_MIB = 768;
/** Time per page at the largest page count may exceed that at the smallest by this much. */
const SCALING_TARGET = 1.2;
/** The page count the targets are defined at. */
const TARGET_PAGES = 10_000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One row of results: the median wall and CPU time of the measured runs and the
 * highest peak RSS among them. CPU time shows how much of the wall time other
 * processes on a shared machine took, and how much parallelism the tool used.
 */
export function summarise(scenario, pages, runs) {
  const medianMs = median(runs.map((r) => r.ms));
  return {
    scenario: scenario.id,
    title: scenario.title,
    pages,
    runsMs: runs.map((r) => Math.round(r.ms)),
    medianMs: Math.round(medianMs),
    medianCpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
    pagesPerSecond: Math.round((pages / medianMs) * 1000),
    peakRssMiB: Math.round(Math.max(...runs.map((r) => r.rssMiB))),
  };
}

/** Adds each row's ratio to each reference at the same page count (null where that reference was not run). */
export function withRatios(rows) {
  return rows.map((row) => {
    const ratios = Object.fromEntries(
      PEERS.map((peer) => {
        const reference = rows.find((r) => r.scenario === peer && r.pages === row.pages);
        return [peer, reference ? Number((row.medianMs / reference.medianMs).toFixed(2)) : null];
      }),
    );
    return { ...row, ratios };
  });
}

/** Time per page at the largest page count over that at the smallest, per scenario. */
export function scaling(rows) {
  const counts = [...new Set(rows.map((r) => r.pages))].sort((a, b) => a - b);
  if (counts.length < 2) return [];
  const [small, large] = [counts[0], counts.at(-1)];
  return [...new Set(rows.map((r) => r.scenario))].flatMap((scenario) => {
    const a = rows.find((r) => r.scenario === scenario && r.pages === small);
    const b = rows.find((r) => r.scenario === scenario && r.pages === large);
    if (!a || !b) return [];
    const perPage = (r) => r.medianMs / r.pages;
    return [{ scenario, small, large, msPerPageSmall: Number(perPage(a).toFixed(3)), msPerPageLarge: Number(perPage(b).toFixed(3)), factor: Number((perPage(b) / perPage(a)).toFixed(2)) }];
  });
}

/** Each issue-6 target judged at the largest page count measured; unmeasured targets are left out. */
export function targets(rows, scaled) {
  const pages = Math.max(...rows.map((r) => r.pages));
  const at = rows.filter((r) => r.pages === pages);
  const out = [];
  for (const { scenario, peer, max } of RATIO_TARGETS) {
    const ratio = at.find((r) => r.scenario === scenario)?.ratios[peer];
    if (ratio != null) out.push({ target: `${scenario} ≤ ${max.toFixed(2)}× ${PEER_NAMES[peer]}`, value: `${ratio.toFixed(2)}×`, met: ratio <= max });
  }
  const ours = at.filter((r) => !PEERS.includes(r.scenario));
  if (ours.length > 0) {
    const peak = Math.max(...ours.map((r) => r.peakRssMiB));
    out.push({ target: `peak RSS ≤ ${RSS_TARGET_MIB} MiB`, value: `${peak} MiB`, met: peak <= RSS_TARGET_MIB });
  }
  const build = scaled.find((s) => s.scenario === 'build-cold');
  if (build) out.push({ target: `build-cold time per page at ${build.large} ≤ ${SCALING_TARGET}× that at ${build.small}`, value: `${build.factor.toFixed(2)}×`, met: build.factor <= SCALING_TARGET });
  return { pages, definedAt: TARGET_PAGES, results: out };
}

/** Highlighting may cost at most this share of a cold build (issue 13). */
const HIGHLIGHT_TARGET = 0.1;

/**
 * What highlighting costs a cold build, per page count, two ways: measured in
 * process (every code block highlighted, plus loading Prism once in each of
 * the threads that render bodies), as a share of the cold build's CPU time;
 * and the cold build's wall and CPU time less those of its twin whose code is
 * in no known language (noisier: the difference of two whole builds).
 */
export function highlightShare(rows, measured) {
  return measured.map((m) => {
    const cold = rows.find((r) => r.scenario === 'build-cold' && r.pages === m.pages);
    const plain = rows.find((r) => r.scenario === 'build-cold-plain' && r.pages === m.pages);
    // Bodies are rendered in up to 4 worker threads from 400 pages on (src/bodies), else in the main thread.
    const threads = m.pages >= 400 ? Math.min(availableParallelism(), 4) : 1;
    const cpuMs = m.highlightMs + m.loadMs * threads;
    return {
      ...m,
      threads,
      cpuMs,
      share: cold ? Number((cpuMs / cold.medianCpuMs).toFixed(3)) : null,
      versusPlain: cold && plain ? { wallMs: cold.medianMs - plain.medianMs, cpuMs: cold.medianCpuMs - plain.medianCpuMs, wallShare: Number(((cold.medianMs - plain.medianMs) / cold.medianMs).toFixed(3)) } : null,
    };
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const percent = (share) => `${(share * 100).toFixed(1)} %`;

/** The report printed on stdout. */
export function markdown(rows, scaled, judged, highlight = []) {
  const lines = [
    `| scenario | pages | median wall | pages/s | peak RSS (MiB) | ${PEERS.map((p) => `× ${PEER_NAMES[p]}`).join(' | ')} | median CPU |`,
    `| --- | ---: | ---: | ---: | ---: | ${PEERS.map(() => '---: | ').join('')}---: |`,
    ...rows.map((r) => `| ${r.title} | ${r.pages} | ${seconds(r.medianMs)} | ${r.pagesPerSecond} | ${r.peakRssMiB} | ${PEERS.map((p) => (r.ratios[p] == null ? '–' : `${r.ratios[p].toFixed(2)}×`)).join(' | ')} | ${seconds(r.medianCpuMs)} |`),
  ];
  if (scaled.length > 0) {
    lines.push('', `Time per page at ${scaled[0].large} pages vs ${scaled[0].small} (target for build-cold: ≤ ${SCALING_TARGET}×):`, '');
    for (const s of scaled) lines.push(`- ${s.scenario}: ${s.msPerPageLarge.toFixed(2)} ms vs ${s.msPerPageSmall.toFixed(2)} ms per page → ${s.factor.toFixed(2)}×`);
  }
  lines.push('', `Targets at ${judged.pages} pages${judged.pages === judged.definedAt ? '' : ` (they are defined at ${judged.definedAt})`}:`, '');
  for (const t of judged.results) lines.push(`- [${t.met ? 'x' : ' '}] ${t.target}: ${t.value}${t.met ? '' : ' (not met)'}`);
  if (highlight.length > 0) lines.push('', `Highlighting code in a cold build (target: ≤ ${percent(HIGHLIGHT_TARGET)} of it):`, '');
  for (const h of highlight) {
    const share = h.share == null ? '' : `, ${percent(h.share)} of build-cold's CPU time${h.share <= HIGHLIGHT_TARGET ? '' : ' (not met)'}`;
    const twin = h.versusPlain ? `; build-cold less its unhighlighted twin: ${seconds(h.versusPlain.wallMs)} wall (${percent(h.versusPlain.wallShare)}), ${seconds(h.versusPlain.cpuMs)} CPU` : '';
    lines.push(`- ${h.pages} pages: ${h.blocks} code blocks in ${h.highlightMs} ms, Prism loaded in ${h.loadMs} ms × ${h.threads} thread(s) → ${seconds(h.cpuMs)}${share}${twin}`);
  }
  return `${lines.join('\n')}\n`;
}
