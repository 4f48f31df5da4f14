// The reference the bench compares with: plain Eleventy 3 and markdown-it over
// the same Markdown pages, with a minimal Nunjucks layout (base + page).
//
//   node bench/eleventy-reference.mjs INPUT OUTPUT
//
// Prints the number of pages written, so the bench can tell a run that did the
// work from one that silently did nothing.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import Eleventy from '@11ty/eleventy';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node bench/eleventy-reference.mjs INPUT OUTPUT');
const here = fileURLToPath(new URL('reference/', import.meta.url));

const eleventy = new Eleventy(input, output, {
  quietMode: true,
  configPath: `${here}eleventy.config.mjs`,
  config(cfg) {
    // Eleventy reads includes relative to the input folder; the layouts stay in the repo.
    cfg.setIncludesDirectory(relative(input, here));
    cfg.setUseGitIgnore(false);
    cfg.addGlobalData('layout', 'page.njk');
  },
});
eleventy.disableLogger();
const [, templates] = await eleventy.write();
process.stdout.write(`${templates.length} pages\n`);
