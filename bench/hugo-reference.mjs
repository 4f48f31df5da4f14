// The Hugo reference: Debian's `hugo` over the same Markdown pages (each
// folder's index.md as Hugo's _index.md), with the layout of bench/hugo/.
//
//   node bench/hugo-reference.mjs SITE OUTPUT
//
// Prints the number of pages written. The bench runs it only where `hugo` is installed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const [site, output] = process.argv.slice(2);
if (!site || !output) throw new Error('usage: node bench/hugo-reference.mjs SITE OUTPUT');
const run = spawnSync('hugo', ['--source', site, '--destination', output, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (run.error) throw run.error;
if (run.status !== 0) process.exit(run.status ?? 1);
const pages = readdirSync(output, { recursive: true }).filter((f) => f.endsWith('.html')).length;
process.stdout.write(`${pages} pages\n`);
