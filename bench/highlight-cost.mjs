// The cost of highlighting code in a cold build, measured in this process on
// the very code blocks of a generated handbook: what the renderer's Prism pass
// (lib/src/render/highlight.js) does to each block, and the time to load
// Prism, which every thread that renders bodies pays once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** A fenced block as the generator writes it: its language, then its lines. */
const FENCE = /^```([\w-]+)\n([\s\S]*?)\n```$/gm;

/** The code blocks of every page under `content`, as the renderer's tree holds them before the highlighter runs. */
async function codeBlocks(content) {
  const files = (await readdir(content, { recursive: true })).filter((f) => f.endsWith('.md'));
  const blocks = [];
  for (const file of files) {
    for (const [, language, code] of (await readFile(join(content, file), 'utf8')).matchAll(FENCE)) blocks.push({ language, code: `${code}\n` });
  }
  return blocks;
}

const tree = ({ language, code }) => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: [`language-${language}`] }, children: [{ type: 'text', value: code }] }] }],
});

/** Milliseconds to load the highlighter (Prism and its languages) and, the median of `rounds`, to highlight every block once. */
export async function highlightCost(root, rounds = 5) {
  const blocks = await codeBlocks(join(root, 'content'));
  const loadStart = performance.now();
  const { rehypeHighlight } = await import('../lib/src/render/highlight.js');
  const loadMs = performance.now() - loadStart;
  const highlight = rehypeHighlight();
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const trees = blocks.map(tree);
    const start = performance.now();
    for (const t of trees) highlight(t);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { blocks: blocks.length, loadMs: Math.round(loadMs), highlightMs: Math.round(times[Math.floor(times.length / 2)]) };
}
