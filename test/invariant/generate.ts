import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';

/**
 * A seeded generator of small handbooks that exercise what makes the two
 * audiences differ: draft pages, OKRs and KPIs on drafts named like the public
 * ones (so the anchors of /okrs/ and /kpis/ differ between the two sites),
 * links between pages in every form the README allows, permalinks, nested
 * folders with and without an index.md.
 *
 * Every link is meant to be accepted by `handbook check` (links.broken: error)
 * AND to resolve in every site that has the page it is written on: a public
 * page is in both sites, a draft only in the internal one. The generator works
 * out every anchor itself (GitHub slugs, in document order; the OKR and KPI
 * indexes as README describes them), so it needs nothing from src/.
 *
 * Traps are the exceptions, one kind per handbook and only when asked for:
 * links `check` accepts (or only warns about) that the public site cannot
 * serve. They are what the product promises to catch or to build correctly.
 */

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same handbook on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** Links `check` lets through that the public site does not have (see the known bugs in the test file). */
export interface Traps {
  /** A public page links to a draft page: only a `link/to-draft` warning. */
  toDraft?: boolean;
  /**
   * A public page links to `/okrs/#growth-1` (or `/kpis/#uptime-1`): an anchor
   * that exists only because a draft OKR (KPI) of the same title takes the bare
   * slug in the internal index.
   */
  internalIndexAnchor?: boolean;
  /**
   * A KPI definition links to a heading of its own page with a bare `#fragment`:
   * right on the page, but the definition is also printed on /kpis/.
   */
  definitionFragment?: boolean;
}

export interface GeneratedHandbook {
  seed: number;
  /** Relative path → text: `handbook.config.yaml` and `content/**.md`. */
  files: Record<string, string>;
  /** One line for a test name: what the handbook holds. */
  summary: string;
}

// ---- vocabulary -------------------------------------------------------------

/** Folders pages go into (never `okrs`, `kpis` or `p`: the first two are generated pages, the last holds permalinks). */
const FOLDERS = ['company', 'data-team', 'engineering', 'engineering/platform', 'people', 'product/growth-lab'];
/** File names: none is the name of a folder, so `x.md` and `x/index.md` never meet at one URL. */
const NAMES = ['values', 'roadmap', 'hiring', 'onboarding', 'oncall', 'pricing', 'metrics', 'glossary', 'plan', 'retro', 'budget', 'security', 'vision', 'faq', 'rituals', 'tooling'];
/** Body headings: repeats (for -1 suffixes), non-ASCII and punctuation (for GitHub slugs), and OKR/KPI titles. */
const HEADINGS = ['Overview', 'Overview', 'How we work', 'Goals', 'Growth', 'Café & Co', 'Q&A: what’s next?', 'Metrics', 'FAQ', 'Uptime', 'Naïve plans', 'Current OKRs'];
/** OKR titles: "Growth" twice as likely, so drafts and public pages share it. None slugs like an index group heading or ends in a digit. */
const OKR_TITLES = ['Growth', 'Growth', 'Retention', 'Reliability', 'Hiring plan', 'Café expansion'];
const KPI_NAMES = ['Uptime', 'Uptime', 'Weekly active users', 'Net revenue retention', 'Time to hire'];

/** Timeframes around TODAY (2026-06-15 in invariant.ts), by the phase they have on that day. */
const PHASES: Record<'past' | 'current' | 'future', readonly { start?: string; due: string }[]> = {
  past: [{ start: '2025-07-01', due: '2025-12-31' }, { due: '2026-03-31' }, { start: '2025-01-01', due: '2025-06-30' }],
  current: [{ start: '2026-04-01', due: '2026-09-30' }, { due: '2026-12-31' }, { start: '2026-01-01', due: '2026-06-30' }],
  future: [{ start: '2026-10-01', due: '2027-03-31' }, { start: '2027-01-01', due: '2027-06-30' }],
};
type Phase = keyof typeof PHASES;

// ---- the model ----------------------------------------------------------------

interface OkrModel {
  id: string;
  title: string;
  phase: Phase;
  start?: string;
  due: string;
  /** Initiative URLs, filled in once every anchor is known. */
  initiatives: { title: string; url: string }[];
  keyResults: Record<string, unknown>[];
}

interface KpiModel {
  id: string;
  name: string;
  northStar: boolean;
  /** Markdown, filled in once every anchor is known. */
  definition: string;
  values?: { current_value: number; goal_value: number };
}

interface PageModel {
  /** Relative to content/. */
  file: string;
  dir: string;
  url: string;
  title: string;
  draft: boolean;
  permalink?: string;
  weight?: number;
  headings: string[];
  okrs: OkrModel[];
  kpis: KpiModel[];
  /** Where `:::okrs` goes: -1 above the first heading, i after heading i, null: no directive (records go at the end). */
  okrsAt: number | null;
  kpisAt: number | null;
  /** Every anchor of the page body, document order. */
  anchors: string[];
  /** The Markdown links of each paragraph: [0] before the first heading, [i + 1] after heading i. */
  paragraphs: string[][];
}

/** The anchors of an OKR index, as README describes /okrs/: "Current OKRs", then the current ones by due date and title, then future, then past (latest first). */
function okrIndexAnchors(okrs: readonly OkrModel[]): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const [phase, title] of [['current', 'Current OKRs'], ['future', 'Future OKRs'], ['past', 'Past OKRs']] as const) {
    ids.add(slugger.slug(title));
    const group = okrs.filter((o) => o.phase === phase).sort((a, b) => (phase === 'past' ? cmp(b.due, a.due) : cmp(a.due, b.due)) || cmp(a.title, b.title));
    for (const o of group) ids.add(slugger.slug(o.title));
  }
  return ids;
}

/** The anchors of a KPI index: one heading per KPI. The set does not depend on their order (no name ends in a digit). */
function kpiIndexAnchors(kpis: readonly KpiModel[]): Set<string> {
  const slugger = new GithubSlugger();
  return new Set(kpis.map((k) => slugger.slug(k.name)));
}

function urlOf(file: string, permalink: string | undefined): string {
  if (permalink !== undefined) {
    if (permalink.endsWith('/')) return permalink;
    if (permalink.endsWith('/index.html')) return permalink.slice(0, -'index.html'.length);
    return /\.[a-z]+$/.test(permalink) ? permalink : `${permalink}/`;
  }
  const noExt = file.slice(0, -'.md'.length);
  const dir = posix.basename(noExt) === 'index' ? posix.dirname(noExt) : noExt;
  return dir === '.' ? '/' : `/${dir}/`;
}

/** Anchors in document order, exactly as a page is written out by `pageText`. */
function computeAnchors(page: PageModel): void {
  const slugger = new GithubSlugger();
  const anchors: string[] = [];
  const okrAnchors: string[] = [];
  const kpiAnchors: string[] = [];
  const records = (at: number) => {
    if (page.okrsAt === at) for (const o of page.okrs) okrAnchors.push(push(o.title));
    if (page.kpisAt === at) for (const k of page.kpis) kpiAnchors.push(push(k.name));
  };
  const push = (text: string) => {
    const id = slugger.slug(text);
    anchors.push(id);
    return id;
  };
  records(-1);
  page.headings.forEach((h, i) => {
    push(h);
    records(i);
  });
  if (page.okrsAt === null) for (const o of page.okrs) push(o.title);
  if (page.kpisAt === null) for (const k of page.kpis) push(k.name);
  page.anchors = anchors;
}

function pageText(page: PageModel): string {
  const fm: Record<string, unknown> = { title: page.title };
  if (page.weight !== undefined) fm.weight = page.weight;
  if (page.permalink !== undefined) fm.permalink = page.permalink;
  if (page.draft) fm.draft = true;
  if (page.okrs.length) {
    fm.okrs = page.okrs.map((o) => ({
      id: o.id,
      title: o.title,
      scope: 'Company-Wide',
      objective: `We will make ${o.title.toLowerCase()} visible.`,
      label: `OKR: ${o.title} (${o.id})`,
      ...(o.start !== undefined ? { start: o.start } : {}),
      due: o.due,
      ...(o.initiatives.length ? { initiatives: o.initiatives } : {}),
      ...(o.keyResults.length ? { key_results: o.keyResults } : {}),
    }));
  }
  if (page.kpis.length) {
    fm.kpis = page.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      ...(k.northStar ? { north_star: true } : {}),
      definition: k.definition,
      calculation: `https://example.com/calc/${k.id}.sql`,
      ...(k.values ?? {}),
    }));
  }
  const blocks: string[] = [];
  const para = (i: number) => {
    const links = page.paragraphs[i] ?? [];
    blocks.push(links.length ? `Read ${links.join(', ')}.` : 'Nothing to link here.');
  };
  const directives = (at: number) => {
    if (page.okrsAt === at) blocks.push(':::okrs');
    if (page.kpisAt === at) blocks.push(':::kpis');
  };
  para(0);
  directives(-1);
  page.headings.forEach((h, i) => {
    blocks.push(`## ${h}`);
    para(i + 1);
    directives(i);
  });
  return `---\n${stringify(fm, { aliasDuplicateObjects: false, lineWidth: 0 })}---\n\n${blocks.join('\n\n')}\n`;
}

/** A decimal with three places in [lo, hi): long enough for the leak scan, unlikely anywhere else in a page. */
function value(rng: Rng, lo = 1000, hi = 9999): number {
  return (rng.int(lo, hi) * 1000 + rng.int(101, 999)) / 1000;
}

// ---- the generator ------------------------------------------------------------

export function generateHandbook(seed: number, traps: Traps = {}): GeneratedHandbook {
  const rng = new Rng(seed);
  const pages: PageModel[] = [];
  const usedFiles = new Set<string>();
  const newPage = (file: string, title: string): PageModel => {
    usedFiles.add(file);
    const page: PageModel = { file, dir: posix.dirname(file) === '.' ? '' : posix.dirname(file), url: '', title, draft: false, headings: [], okrs: [], kpis: [], okrsAt: null, kpisAt: null, anchors: [], paragraphs: [] };
    pages.push(page);
    return page;
  };

  // Pages: the home page always (without it every layout's home link is broken: a case of its own), then 2–14 more.
  newPage('index.md', 'Home');
  const count = rng.int(3, 15);
  let permalinks = 0;
  while (pages.length < count) {
    const dir = rng.chance(0.2) ? '' : rng.pick(FOLDERS);
    const index = dir !== '' && rng.chance(0.35) ? `${dir}/index.md` : undefined;
    const file = index && !usedFiles.has(index) ? index : `${dir ? `${dir}/` : ''}${rng.pick(NAMES)}.md`;
    if (usedFiles.has(file)) continue;
    const base = posix.basename(file, '.md');
    const page = newPage(file, base === 'index' ? `${posix.basename(dir)} section` : `${base[0]!.toUpperCase()}${base.slice(1)} (${dir || 'top'})`);
    page.draft = rng.chance(0.3);
    if (base !== 'index' && rng.chance(0.2)) {
      const slug = `${base}-${++permalinks}`;
      page.permalink = rng.pick([`/p/${slug}/`, `/p/${slug}`, `/p/${slug}.html`, `/p/${slug}/index.html`]);
    }
    if (rng.chance(0.4)) page.weight = rng.int(1, 5);
  }
  const others = pages.slice(1);
  if (!others.some((p) => p.draft)) rng.pick(others).draft = true;
  if (!others.some((p) => !p.draft)) rng.pick(others).draft = false;
  const drafts = pages.filter((p) => p.draft);
  const publics = pages.filter((p) => !p.draft);
  for (const page of pages) {
    page.url = urlOf(page.file, page.permalink);
    page.headings = Array.from({ length: rng.int(1, 4) }, () => rng.pick(HEADINGS));
  }

  // KPIs: 2–5, on any page; the first two are both "Uptime", one on a draft and one on a public page.
  const kpis: { kpi: KpiModel; page: PageModel }[] = [];
  const kpiCount = rng.int(2, 5);
  const northStar = rng.chance(0.4) ? rng.int(0, kpiCount - 1) : -1;
  for (let k = 0; k < kpiCount; k++) {
    const page = k === 0 ? rng.pick(drafts) : k === 1 ? rng.pick(publics) : rng.pick(pages);
    const name = k < 2 ? 'Uptime' : rng.pick(KPI_NAMES);
    const kpi: KpiModel = { id: `kpi-${k + 1}`, name, northStar: k === northStar, definition: '' };
    if (rng.chance(0.5)) kpi.values = { current_value: value(rng), goal_value: value(rng) };
    page.kpis.push(kpi);
    kpis.push({ kpi, page });
  }

  // OKRs: 2–6; the first two are a draft "Growth" that is current and a public "Growth" that
  // is past, so the internal /okrs/ says #growth (the draft's) and #growth-1 (the public one's).
  const okrs: { okr: OkrModel; page: PageModel }[] = [];
  const okrCount = rng.int(2, 6);
  for (let o = 0; o < okrCount; o++) {
    const page = o === 0 ? rng.pick(drafts) : o === 1 ? rng.pick(publics) : rng.pick(pages);
    const phase: Phase = o === 0 ? 'current' : o === 1 ? 'past' : rng.pick(['past', 'current', 'future'] as const);
    const title = o < 2 ? 'Growth' : rng.pick(OKR_TITLES);
    const when = rng.pick(PHASES[phase]);
    const okr: OkrModel = { id: `okr-${o + 1}`, title, phase, due: when.due, ...(when.start !== undefined ? { start: when.start } : {}), initiatives: [], keyResults: [] };
    const krCount = rng.int(0, 3);
    for (let r = 0; r < krCount; r++) {
      // Any KPI, a draft's too: a public key result naming a draft's KPI is valid front matter.
      const { kpi } = rng.pick(kpis);
      const kr: Record<string, unknown> = { id: `kr-${r + 1}`, title: `Move ${kpi.name} (${r + 1})`, kpi: kpi.id, issue: `https://example.com/issues/${o + 1}${r + 1}` };
      if (rng.chance(0.5)) Object.assign(kr, { start_value: value(rng), target_value: value(rng, 10_000, 19_999), current_value: value(rng) });
      okr.keyResults.push(kr);
    }
    page.okrs.push(okr);
    okrs.push({ okr, page });
  }

  // Directives: above the first heading, after a heading, or none (records then close the page).
  for (const page of pages) {
    const at = () => (rng.chance(0.3) ? null : rng.int(-1, page.headings.length - 1));
    if (page.okrs.length) page.okrsAt = at();
    if (page.kpis.length) page.kpisAt = at();
    computeAnchors(page);
  }

  // The generated indexes, per site.
  const internalOkr = okrIndexAnchors(okrs.map((o) => o.okr));
  const publicOkr = okrIndexAnchors(okrs.filter((o) => !o.page.draft).map((o) => o.okr));
  const internalKpi = kpiIndexAnchors(kpis.map((k) => k.kpi));
  const publicKpi = kpiIndexAnchors(kpis.filter((k) => !k.page.draft).map((k) => k.kpi));
  const both = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x));

  /** A fragment, percent-encoded now and then when it is not ASCII (check and browsers decode it). */
  const fragment = (id: string) => (/[^\x20-\x7e]/.test(id) && rng.chance(0.5) ? encodeURIComponent(id) : id);
  /** A link from `from` to page `to` (maybe to one of its anchors), in a form the README allows. */
  const pageLink = (from: PageModel, to: PageModel, absoluteOnly = false): string => {
    const hash = to.anchors.length && rng.chance(0.5) ? `#${fragment(rng.pick(to.anchors))}` : '';
    const forms = ['slash', 'bare', ...(absoluteOnly ? [] : ['md', 'md', 'relative', 'self'])];
    switch (rng.pick(forms)) {
      case 'bare':
        return `${to.url === '/' || !to.url.endsWith('/') ? to.url : to.url.slice(0, -1)}${hash}`;
      case 'md': {
        const rel = posix.relative(from.dir || '.', to.file);
        return `${rel.startsWith('.') || !rng.chance(0.3) ? rel : `./${rel}`}${hash}`;
      }
      case 'relative': {
        // `./x` or `../a/x`: the file without `.md` (README: `./x`), for pages other than indexes.
        if (posix.basename(to.file) === 'index.md') return `${to.url}${hash}`;
        const rel = posix.relative(from.dir || '.', to.file.slice(0, -'.md'.length));
        return `${rel.startsWith('.') ? rel : `./${rel}`}${hash}`;
      }
      case 'self':
        if (to === from && hash) return hash;
        return `${to.url}${hash}`;
      default:
        return `${to.url}${hash}`;
    }
  };
  /** Pages a link on `from` may lead to: any page from a draft (the internal site has them all), public pages only from a public page. */
  const targetsFrom = (from: PageModel) => (from.draft ? pages : publics);
  const indexLink = (from: PageModel, kind: 'okrs' | 'kpis'): string => {
    const [internal, pub] = kind === 'okrs' ? [internalOkr, publicOkr] : [internalKpi, publicKpi];
    const ids = from.draft ? [...internal] : both(internal, pub);
    return ids.length && rng.chance(0.8) ? `/${kind}/#${fragment(rng.pick(ids))}` : rng.pick([`/${kind}/`, `/${kind}`]);
  };

  for (const page of pages) {
    page.paragraphs = Array.from({ length: page.headings.length + 1 }, () =>
      Array.from({ length: rng.int(0, 3) }, () => {
        const roll = rng.int(0, 9);
        const url = roll < 7 ? pageLink(page, roll === 0 ? page : rng.pick(targetsFrom(page))) : indexLink(page, roll < 9 ? 'okrs' : 'kpis');
        return `[link ${roll}](${url})`;
      }),
    );
  }
  // Front matter links: initiatives lead to pages (absolute site paths only: the schema's Link), on every OKR card and on /okrs/.
  for (const { okr, page } of okrs) {
    for (let i = rng.int(0, 2); i > 0; i--) okr.initiatives.push(rng.chance(0.3) ? { title: `Board ${i}`, url: `https://example.com/boards/${okr.id}-${i}` } : { title: `Initiative ${i}`, url: pageLink(page, rng.pick(targetsFrom(page)), true) });
  }
  // KPI definitions are Markdown, printed on their page and on /kpis/: links to other pages only
  // (never a bare `#fragment`: that is the definitionFragment trap). A public page always has one
  // other public page to link to, and a draft has every page.
  for (const { kpi, page } of kpis) {
    const targets = targetsFrom(page).filter((p) => p !== page);
    kpi.definition = rng.chance(0.6) ? `Share of the thing, as [defined here](${pageLink(page, rng.pick(targets))}).` : 'Share of the thing, measured weekly.';
  }

  // Traps, each on a public page (the home page is public and always there).
  const trapNotes: string[] = [];
  const home = pages[0]!;
  if (traps.toDraft) {
    const draft = drafts[0]!;
    home.paragraphs[0]!.push(`[a draft](${draft.url})`);
    trapNotes.push(`public ${home.url} → draft ${draft.url}`);
  }
  if (traps.internalIndexAnchor) {
    // The draft "Growth" is current and the public one past: internal /okrs/ has #growth-1, public /okrs/ does not.
    // Of the anchors only the internal index has, the one whose slug the public index also has
    // without the suffix (`growth-1` beside `growth`): a public OKR's anchor shifted by a draft's.
    const shifted = (internal: Set<string>, pub: Set<string>) => {
      const only = [...internal].filter((id) => !pub.has(id));
      return only.find((id) => pub.has(id.replace(/-\d+$/, ''))) ?? only[0];
    };
    for (const [kind, anchor] of [['okrs', shifted(internalOkr, publicOkr)], ['kpis', shifted(internalKpi, publicKpi)]] as const) {
      if (anchor === undefined) continue;
      home.paragraphs[0]!.push(`[the public one](/${kind}/#${anchor})`);
      trapNotes.push(`public ${home.url} → /${kind}/#${anchor}`);
    }
  }
  if (traps.definitionFragment) {
    const { kpi, page } = kpis.find((k) => !k.page.draft) ?? kpis[0]!;
    const anchor = page.anchors.find((a) => !page.kpis.some((k) => new GithubSlugger().slug(k.name) === a)) ?? page.anchors[0]!;
    kpi.definition = `Minutes up over minutes, see [the method](#${anchor}).`;
    trapNotes.push(`${kpi.id} definition on ${page.url} → #${anchor}`);
  }

  const files: Record<string, string> = {
    'handbook.config.yaml': stringify({ site: { title: `Generated ${seed}`, ...(rng.chance(0.5) ? { url: 'https://handbook.example.com' } : {}) } }),
  };
  for (const page of pages) files[`content/${page.file}`] = pageText(page);
  const summary = [
    `${pages.length} pages (${drafts.length} drafts, ${pages.filter((p) => p.permalink).length} permalinks)`,
    `${okrs.length} OKRs (${okrs.filter((o) => o.page.draft).length} on drafts)`,
    `${kpis.length} KPIs (${kpis.filter((k) => k.page.draft).length} on drafts)`,
    trapNotes.length ? `trap: ${trapNotes.join('; ')}` : 'no trap',
  ].join(', ');
  return { seed, files, summary };
}
