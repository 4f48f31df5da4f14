// What the bench measures, and the state each run starts from. Every scenario
// runs its command as a fresh process (see measure.mjs) and checks that the
// command did the whole job, so a fast run that built nothing never counts.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TODAY, writeHandbook } from './generate.mjs';
import { measure } from './measure.mjs';

const CLI = fileURLToPath(new URL('../bin/handbook.js', import.meta.url));
const REFERENCE = fileURLToPath(new URL('eleventy-reference.mjs', import.meta.url));
const HUGO = fileURLToPath(new URL('hugo-reference.mjs', import.meta.url));
const HUGO_SITE = fileURLToPath(new URL('hugo/', import.meta.url));
/** Hugo is a peer only where it is installed (Debian's package `hugo`). */
const hasHugo = spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

/**
 * The folders of one page count: the handbook, its site, and a copy of its
 * pages for the reference. The copy is taken before any warm scenario edits a
 * page, so Eleventy always sees the generated text.
 */
export async function prepareWorkspace(base, pages, seed) {
  const dir = join(base, `pages-${pages}`);
  const ws = { dir, pages, root: join(dir, 'handbook'), site: join(dir, 'site'), plainRoot: join(dir, 'handbook-plain'), plainSite: join(dir, 'site-plain'), refIn: join(dir, 'reference-in'), refOut: join(dir, 'reference-out'), searchOut: join(dir, 'reference-search-out'), hugoSite: join(dir, 'hugo'), hugoOut: join(dir, 'hugo-out') };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const written = await writeHandbook(ws.root, pages, seed);
  await cp(join(ws.root, 'content'), ws.refIn, { recursive: true });
  if (hasHugo) await writeHugoSite(ws.refIn, ws.hugoSite, written);
  await writePlainTwin(ws.root, ws.plainRoot, written);
  // A page from the middle: neither the first file read nor the last.
  ws.edited = join(ws.root, written[Math.floor(written.length / 2)]);
  ws.original = await readFile(ws.edited, 'utf8');
  return ws;
}

/**
 * The same handbook with every code block in a language no highlighter knows
 * (same length, same Markdown otherwise): a cold build of it costs what one of
 * the handbook costs, highlighting aside.
 */
async function writePlainTwin(root, twin, files) {
  await cp(root, twin, { recursive: true });
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map(async (file) => writeFile(join(twin, file), (await readFile(join(root, file), 'utf8')).replace(/^```[\w-]+$/gm, (fence) => `\`\`\`${'x'.repeat(fence.length - 3)}`))));
  }
}

/** The pages as a Hugo site: Hugo takes a folder's index.md for a leaf bundle, and the pages beside it for its resources. */
async function writeHugoSite(pages, site, files) {
  await cp(HUGO_SITE, site, { recursive: true });
  await cp(pages, join(site, 'content'), { recursive: true });
  for (const file of files.filter((f) => f.endsWith('/index.md') || f === 'content/index.md')) {
    await rename(join(site, file), join(site, file.replace(/index\.md$/, '_index.md')));
  }
}

const dropCache = (ws) => rm(join(ws.root, '.cache'), { recursive: true, force: true });

/** One page edited as an editor would: a new paragraph, different on every run so the cache never has it. */
const editOnePage = (ws, run) => writeFile(ws.edited, `${ws.original}\nThis paragraph was added by bench run ${run + 1} to change one page.\n`);
const restorePage = (ws) => writeFile(ws.edited, ws.original);

const check = (ws) => measure(CLI, ['check', '--root', ws.root, '--format', 'json', '--today', BENCH_TODAY]);
const build = (ws) => measure(CLI, ['build', '--root', ws.root, '--out', ws.site, '--today', BENCH_TODAY]);

function noDiagnostics(ws, result) {
  if (result.stdout.trim() !== '[]') throw new Error(`handbook check reported diagnostics at ${ws.pages} pages:\n${result.stdout.slice(0, 2000)}`);
}

async function allPagesIn(folder, ws) {
  const html = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.html')).length;
  if (html < ws.pages) throw new Error(`${folder} holds ${html} HTML files for ${ws.pages} pages`);
}

/**
 * In run order: each warm scenario finds the cache its cold twin left behind.
 * `before` runs untimed before every run (the warm-up included).
 */
export const SCENARIOS = [
  { id: 'check-cold', title: 'handbook check, cold', before: dropCache, run: check, verify: noDiagnostics },
  { id: 'check-warm', title: 'handbook check, warm (1 page edited)', before: editOnePage, run: check, verify: noDiagnostics, after: restorePage },
  {
    id: 'build-cold',
    title: 'handbook build public, cold',
    before: (ws) => Promise.all([dropCache(ws), rm(ws.site, { recursive: true, force: true })]),
    run: build,
    verify: (ws) => allPagesIn(ws.site, ws),
  },
  { id: 'build-warm', title: 'handbook build public, warm (1 page edited)', before: editOnePage, run: build, verify: (ws) => allPagesIn(ws.site, ws), after: restorePage },
  {
    id: 'build-cold-plain',
    title: 'handbook build public, cold, code in no known language (nothing highlighted)',
    before: (ws) => Promise.all([rm(join(ws.plainRoot, '.cache'), { recursive: true, force: true }), rm(ws.plainSite, { recursive: true, force: true })]),
    run: (ws) => measure(CLI, ['build', '--root', ws.plainRoot, '--out', ws.plainSite, '--today', BENCH_TODAY]),
    verify: (ws) => allPagesIn(ws.plainSite, ws),
  },
  {
    id: 'eleventy',
    title: 'plain Eleventy 3 + markdown-it (reference)',
    before: (ws) => rm(ws.refOut, { recursive: true, force: true }),
    run: (ws) => measure(REFERENCE, [ws.refIn, ws.refOut]),
    verify: (ws) => allPagesIn(ws.refOut, ws),
  },
  {
    id: 'eleventy-pagefind',
    title: 'Eleventy 3 + markdown-it + Pagefind (reference)',
    before: (ws) => rm(ws.searchOut, { recursive: true, force: true }),
    run: (ws) => measure(REFERENCE, [ws.refIn, ws.searchOut, '--pagefind']),
    verify: async (ws, result) => {
      await allPagesIn(ws.searchOut, ws);
      if (!/ (\d+) indexed/.test(result.stdout) || Number(/ (\d+) indexed/.exec(result.stdout)[1]) < ws.pages) throw new Error(`Pagefind indexed too few pages: ${result.stdout}`);
    },
  },
  ...(hasHugo
    ? [
        {
          id: 'hugo',
          title: "Hugo (Debian's) + Goldmark (reference)",
          before: (ws) => rm(ws.hugoOut, { recursive: true, force: true }),
          run: (ws) => measure(HUGO, [ws.hugoSite, ws.hugoOut]),
          verify: (ws) => allPagesIn(ws.hugoOut, ws),
        },
      ]
    : []),
];

/** The references, each measured in the same run, by id: every scenario gets a ratio to each. */
export const PEERS = ['eleventy', 'eleventy-pagefind', ...(hasHugo ? ['hugo'] : [])];

