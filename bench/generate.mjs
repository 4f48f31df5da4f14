// A deterministic handbook generator: the same page count and seed give
// byte-identical files, so timings from different runs and machines compare.
//
//   node bench/generate.mjs --pages 1000 --out DIR [--seed 1]
//
// Every generated handbook passes `handbook check` with no diagnostic: links
// and anchors resolve, OKRs name existing KPIs, dates lie inside timeframes,
// and internal values never appear in prose (the public build's leak scan
// would otherwise stop the build).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

/** Plain lowercase words: headings made of two of them have predictable GitHub slugs. */
const WORDS = (
  'account action active agent alpha amber anchor answer apple arrow asset atlas audit autumn avenue badge ' +
  'balance banner basin beacon berry binder birch blade blossom border branch breeze bridge bucket budget ' +
  'cabin canvas canyon carbon castle cedar chalk channel charter circle clover coast comet copper coral ' +
  'cotton crane crystal current dawn delta desert design dialog dolphin domain harbor ember engine falcon ' +
  'feather fiber field flame forest fossil fountain garden garnet glacier granite gravel habit hazel helix ' +
  'horizon island ivory jasmine journal juniper kernel ladder lagoon lantern ledger lemon lever linen ' +
  'maple marble meadow mirror module mosaic nectar needle nickel noble oasis ocean olive orbit orchard ' +
  'palette panel pepper pilot pixel planet pocket prairie prism pulse quartz quill radar raven reef ' +
  'ribbon river rocket saddle sapphire signal silver sketch socket spark spiral spruce summit sunset ' +
  'tablet thistle thunder timber token topaz tower trail tunnel valley velvet vertex violet voyage ' +
  'walnut willow window winter yarrow zenith'
).split(' ');

const TEAMS = ['Data Team', 'Product', 'Engineering', 'Marketing', 'Sales', 'Support', 'Finance', 'People'];
const LANGUAGES = ['ts', 'yaml', 'sql', 'sh', 'python'];
const EXTERNAL = [
  (r) => `https://docs.example.com/${r.word()}/${r.word()}`,
  (r) => `https://en.wikipedia.org/wiki/${capitalise(r.word())}`,
  (r) => `https://github.com/example/${r.word()}-${r.word()}/issues`,
  (r) => `https://www.example.org/blog/${r.word()}?ref=handbook`,
];
/** The bench's "today": every OKR is past, every approval before it. */
export const BENCH_TODAY = '2025-06-30';

/** mulberry32: tiny, fast and good enough to make varied but reproducible text. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick, word: () => pick(WORDS) };
}

const capitalise = (w) => w[0].toUpperCase() + w.slice(1);
/** GitHub's slug of our headings: they are plain words, digits and spaces only. */
const slug = (text) => text.toLowerCase().replace(/ /g, '-');

/**
 * An internal value that can be found only where it was leaked: two decimals,
 * the last one not zero (so YAML, JavaScript and the leak scan all print it
 * the same way), while prose and tables carry integers only.
 */
function internalValue(r, lo, hi) {
  return Number(`${r.int(lo, hi)}.${r.int(0, 9)}${r.int(1, 9)}`);
}

/**
 * The shape of the handbook before any text: sections of 20–50 files, each
 * page's headings, and which pages hold KPIs and OKRs. Links need every
 * page's anchors before any body is written.
 */
function plan(total, r) {
  const pages = [{ contentPath: 'index.md', url: '/', title: 'Benchmark Handbook', kind: 'home' }];
  for (let left = total - 1, s = 1; left > 0; s++) {
    let size = Math.min(left, r.int(20, 50));
    if (left - size < 20) size = left;
    left -= size;
    const section = { name: `section-${s}`, title: `Section ${s} ${capitalise(r.word())}`, pages: [] };
    for (let p = 0; p < size; p++) {
      const index = p === 0;
      const page = {
        contentPath: index ? `${section.name}/index.md` : `${section.name}/page-${p}.md`,
        url: index ? `/${section.name}/` : `/${section.name}/page-${p}/`,
        // A hyphen, not a dot: `12.34` in a title could match an internal value in the leak scan.
        title: index ? section.title : `${capitalise(r.word())} ${capitalise(r.word())} ${s}-${p}`,
        kind: index ? 'section' : 'page',
        weight: p,
        section,
      };
      section.pages.push(page);
      pages.push(page);
    }
  }
  let kpiCount = 0;
  for (const page of pages) {
    const words = [...WORDS];
    page.headings = Array.from({ length: r.int(6, 7) }, (_, i) => {
      const [first] = words.splice(r.int(0, words.length - 1), 1);
      const text = `${capitalise(first)} ${capitalise(r.word())}`;
      return { text, depth: i % 3 === 1 ? 3 : 2, id: slug(text) };
    });
    page.kpis = page.kind === 'page' && r.next() < 0.05 ? Array.from({ length: r.int(1, 2) }, () => kpiRecord(r, ++kpiCount)) : [];
  }
  // Small handbooks may draw no KPI page, but key results need a KPI to name.
  if (kpiCount === 0) pages[1].kpis = [kpiRecord(r, ++kpiCount)];
  const kpiIds = pages.flatMap((p) => p.kpis.map((k) => k.id));
  pages.flatMap((p) => p.kpis)[0].north_star = true;
  let okrCount = 0;
  for (const page of pages) {
    page.okrs = page.kind === 'page' && r.next() < 0.1 ? Array.from({ length: r.int(1, 2) }, () => okrRecord(r, ++okrCount, kpiIds)) : [];
    page.anchors = [...page.headings.map((h) => h.id), ...page.kpis.map((k) => slug(k.name)), ...page.okrs.map((o) => slug(o.title))];
  }
  return pages;
}

function kpiRecord(r, n) {
  const min = internalValue(r, 100, 4000);
  const max = internalValue(r, 5000, 9000);
  return {
    id: `kpi-${n}`,
    name: `${capitalise(r.word())} ${capitalise(r.word())} Index ${n}`,
    definition: `How many ${r.word()} ${r.word()} events we see per week, counted once per project. See the [glossary](https://docs.example.com/glossary/${r.word()}).`,
    calculation: `https://git.example.com/data/models/kpi_${n}.sql`,
    unit: r.word(),
    direction: r.next() < 0.8 ? 'higher_is_better' : 'lower_is_better',
    health: { min, max },
    goal_value: internalValue(r, 5000, 9000),
    current_value: internalValue(r, 4000, 8000),
    history: ['2024-01-01', '2024-02-01', '2024-03-01'].map((date) => ({ date, value: internalValue(r, 4000, 8000) })),
    dashboard: `https://dashboards.example.com/kpi/${n}`,
  };
}

const QUARTERS = [['01-01', '03-31', ['01', '02', '03']], ['04-01', '06-30', ['04', '05', '06']], ['07-01', '09-30', ['07', '08', '09']], ['10-01', '12-31', ['10', '11', '12']]];

function okrRecord(r, n, kpiIds) {
  const year = r.int(2022, 2024);
  const [from, to, months] = r.pick(QUARTERS);
  const title = `Objective ${n} ${capitalise(r.word())} ${capitalise(r.word())}`;
  return {
    id: `okr-${n}`,
    title,
    scope: r.next() < 0.3 ? 'Company-Wide' : r.pick(TEAMS),
    objective: `We will make ${r.word()} ${r.word()} easier for every ${r.word()} team.`,
    label: `OKR: ${title}`,
    due: `${year}-${to}`,
    start: `${year}-${from}`,
    initiatives: [{ title: 'Issues list', url: `https://git.example.com/groups/example/-/issues?label_name[]=OKR-${n}` }],
    key_results: Array.from({ length: r.int(2, 3) }, (_, k) => {
      const start = internalValue(r, 100, 4000);
      return {
        id: `kr-${k + 1}`,
        title: `Grow the ${r.word()} ${r.word()}`,
        kpi: r.pick(kpiIds),
        issue: `https://git.example.com/example/meta/-/issues/${n * 10 + k}`,
        start_value: start,
        target_value: internalValue(r, 5000, 9000),
        current_value: internalValue(r, 4000, 5000),
        // Three decimals: two-decimal fractions such as 0.55 also occur in the shipped CSS, and the leak scan would stop the build.
        confidence: Number(`0.${r.int(10, 98)}${r.pick([1, 3, 7, 9])}`),
        history: months.slice(0, r.int(2, 3)).map((m, i) => ({ date: `${year}-${m}-${10 + i}`, value: internalValue(r, 100, 5000) })),
        dashboard: `https://dashboards.example.com/kr/${n}-${k + 1}`,
        // Every OKR is past on the bench's day, so each key result is graded; made without a draw, so the rest of the handbook stays as it was.
        score: Number(`0.${10 + ((n * 37 + k * 11) % 89)}${[1, 3, 7, 9][(n + k) % 4]}`),
        ...(r.next() < 0.2 ? { publish: { approved_by: 'ceo', approved_on: '2025-01-15', fields: ['current_value'] } } : {}),
      };
    }),
  };
}

/** Ten links from one page: mostly to other pages' anchors, written as editors do. */
function linksFrom(page, pages, r) {
  return Array.from({ length: 10 }, () => {
    const roll = r.next();
    const text = `${r.word()} ${r.word()}`;
    if (roll < 0.2) return `[${text}](${r.pick(EXTERNAL)(r)})`;
    if (roll < 0.3) return `[${text}](#${r.pick(page.anchors)})`;
    const target = r.pick(pages);
    const anchor = r.pick(target.anchors);
    if (roll < 0.5) return `[${text}](${relative(page, target)}#${anchor})`;
    if (roll < 0.6) return `[${text}](${target.url})`;
    // Jekyll-style, without the trailing slash; the home page has no such form.
    if (roll < 0.65 && target.url !== '/') return `[${text}](${target.url.slice(0, -1)}#${anchor})`;
    return `[${text}](${target.url}#${anchor})`;
  });
}

function relative(from, to) {
  const rel = posix.relative(posix.dirname(from.contentPath), to.contentPath);
  return rel === '' ? posix.basename(to.contentPath) : rel;
}

function sentence(r, links) {
  const words = Array.from({ length: r.int(7, 12) }, () => r.word());
  if (links.length > 0 && r.next() < 0.5) words.splice(r.int(1, words.length - 1), 0, links.shift());
  if (r.next() < 0.2) words.splice(r.int(1, words.length - 1), 0, `**${r.word()}**`);
  if (r.next() < 0.15) words.splice(r.int(1, words.length - 1), 0, `\`${r.word()}_${r.word()}\``);
  return `${capitalise(words.join(' '))}.`;
}

const paragraph = (r, links) => Array.from({ length: r.int(2, 3) }, () => sentence(r, links)).join(' ');

function table(r) {
  const rows = Array.from({ length: r.int(3, 4) }, () => `| ${capitalise(r.word())} | ${capitalise(r.word())} | ${r.int(1, 999)} |`);
  return ['| Area | Owner | Count |', '| --- | --- | ---: |', ...rows].join('\n');
}

function code(r) {
  const lang = r.pick(LANGUAGES);
  const lines = Array.from({ length: r.int(3, 5) }, () => `${r.word()}_${r.word()} = ${r.word()}(${r.int(1, 99)})`);
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

const list = (r, links) => Array.from({ length: r.int(3, 5) }, () => `- ${links.length > 0 && r.next() < 0.4 ? `${links.shift()}: ` : ''}${r.word()} ${r.word()} ${r.word()} ${r.word()}`).join('\n');

/** The Markdown body: headings with prose, lists, a table, a code block, records, and the page's ten links. */
function body(page, pages, r) {
  const links = linksFrom(page, pages, r);
  const blocks = [paragraph(r, links)];
  page.headings.forEach((heading, i) => {
    blocks.push(`${'#'.repeat(heading.depth)} ${heading.text}`, paragraph(r, links));
    if (i === 0 && page.kpis.length > 0) blocks.push(':::kpis');
    if (i === 1 && page.okrs.length > 0) blocks.push(':::okrs');
    if (i === 2) blocks.push(table(r));
    else if (i === 4) blocks.push(code(r));
    else if (i % 2 === 1) blocks.push(list(r, links));
  });
  if (page.kind === 'section') {
    blocks.push('## Pages In This Section', page.section.pages.slice(1).map((p) => `- [${p.title}](${relative(page, p)})`).join('\n'));
  }
  if (links.length > 0) blocks.push('## Related Pages', links.map((l) => `- ${l}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function frontMatter(page, r) {
  const data = {
    title: page.title,
    ...(page.kind === 'home' ? {} : { weight: page.weight }),
    description: `${capitalise(r.word())} ${r.word()} and ${r.word()}: how we work on it.`,
    ...(page.okrs.length > 0 ? { okrs: page.okrs } : {}),
    ...(page.kpis.length > 0 ? { kpis: page.kpis } : {}),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n`;
}

const CONFIG = `site:
  title: Benchmark Handbook
  url: https://handbook.example.com
  repo: https://github.com/example/handbook
  branch: main
approvers:
  - id: ceo
    name: Chief Executive Officer
`;

/** Every file of a handbook of `total` pages, by path below the handbook root, in write order. */
export function generateHandbook(total, seed = 1) {
  if (!Number.isInteger(total) || total < 2) throw new Error(`a handbook needs at least 2 pages, not ${total}`);
  const r = rng(seed);
  const pages = plan(total, r);
  const files = new Map([['handbook.config.yaml', CONFIG]]);
  for (const page of pages) files.set(`content/${page.contentPath}`, frontMatter(page, r) + body(page, pages, r));
  return files;
}

/** Writes a handbook into `dir` (replacing its content/ and config) and returns the content paths of its pages. */
export async function writeHandbook(dir, total, seed = 1) {
  const files = generateHandbook(total, seed);
  await rm(join(dir, 'content'), { recursive: true, force: true });
  const folders = new Set([...files.keys()].map((f) => join(dir, dirname(f))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const entries = [...files];
  // Bounded parallelism: one promise per file at 10,000 pages wastes memory for no speed.
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(entries.slice(i, i + 256).map(([file, text]) => writeFile(join(dir, file), text)));
  }
  return [...files.keys()].filter((f) => f.startsWith('content/'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) throw new Error('usage: node bench/generate.mjs --pages N --out DIR [--seed S]');
  const written = await writeHandbook(values.out, Number(values.pages), Number(values.seed));
  process.stdout.write(`${written.length} pages written to ${values.out}\n`);
}
