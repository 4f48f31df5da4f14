// The references the bench compares with: plain Eleventy 3 and markdown-it over
// the same Markdown pages, with a minimal Nunjucks layout (base + page), and,
// with --pagefind, the Pagefind index a team would add to that site for search.
//
//   node bench/eleventy-reference.mjs INPUT OUTPUT [--pagefind]
//
// Prints the number of pages written, so the bench can tell a run that did the
// work from one that silently did nothing.
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import Eleventy from '@11ty/eleventy';

const [input, output, flag] = process.argv.slice(2);
if (!input || !output || (flag !== undefined && flag !== '--pagefind')) throw new Error('usage: node bench/eleventy-reference.mjs INPUT OUTPUT [--pagefind]');
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
if (flag === '--pagefind') {
  // As Pagefind's docs have it for a built site: index the folder, write the bundle beside the pages.
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  const { errors, page_count: indexed } = await index.addDirectory({ path: output });
  if (errors.length > 0) throw new Error(errors.join('\n'));
  await index.writeFiles({ outputPath: join(output, 'pagefind') });
  await pagefind.close();
  process.stdout.write(`${templates.length} pages, ${indexed} indexed\n`);
} else process.stdout.write(`${templates.length} pages\n`);
