import type { Config } from '../../schemas/config.js';
import type { Kpi } from '../../schemas/kpi.js';
import type { Okr } from '../../schemas/okr.js';
import { type Audience, AUDIENCES } from '../../schemas/visibility.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Outline } from '../markdown/outline.js';
import { type People, peopleById } from '../okrs/owners.js';
import { type ArchivePage, archivePages, EXPORTS, GENERATED_PAGES, kpiIndex, type KpiIndex, okrIndex, type OkrIndex, type Placed, TRANSPARENCY_HEADINGS } from '../pages/generated.js';
import type { Page } from '../pages/page.js';
import { publishedFields } from '../../schemas/publish.js';
import { secretFinder } from '../disclosure/find.js';
import { collectSecrets, type Secret } from '../disclosure/secrets.js';
import { checkAlignment } from './alignment.js';
import { checkApprovals } from './approvals.js';
import { checkCheckIns } from './check-ins.js';
import { checkDisclosures, type HitMemo, rememberedFinder, type StaticFile } from './disclosures.js';
import { checkLayouts } from './layouts.js';
import { checkLinks } from './links.js';
import { checkMigration } from './migration.js';
import { checkOwners } from './owners.js';
import type { PageIndex } from './page-index.js';
import { checkRecords } from './records.js';
import { checkScores } from './scores.js';
import { checkTimeframes } from './timeframes.js';
import { checkValues } from './values.js';

/** What the handbook-wide pass needs: validated pages, their outlines, and facts about the project. */
export interface LinkInput {
  pages: readonly Page[];
  /** Outline of each page body, by `page.file`. */
  outlines: ReadonlyMap<string, Outline>;
  config: Config;
  /** YYYY-MM-DD. */
  today: string;
  layouts: readonly string[];
  /** Every file of the shipped layouts: what the site prints whatever the handbook holds. */
  layoutText: string;
  /** The files of static/, read when there are internal values to look for. */
  readStatic: () => readonly StaticFile[];
  /** The disclosure search's hits of earlier runs, when there is a cache. */
  found?: HitMemo;
  /** The page index from `indexPages`. */
  index: PageIndex;
}

/** One audience's site as links and layouts see it: its pages, its generated indexes and every anchor. */
export interface AudienceSite {
  /** The content pages this audience's site has (drafts only in the internal one). */
  pages: readonly Page[];
  /** Their URLs. */
  urls: ReadonlySet<string>;
  /** The OKRs of those pages, in page order. */
  okrs: readonly Placed<Okr>[];
  okrIndex: OkrIndex;
  /** A page per quarter an OKR of this site is due in, most recent first. */
  archives: ArchivePage[];
  kpiIndex: KpiIndex;
  /** The anchors of every page of this site, generated pages included, by URL. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The handbook as one linked whole: every page, URL and record reachable in O(1), and each audience's site. */
export interface Handbook {
  pages: readonly Page[];
  index: PageIndex;
  /** Outline of each page body, by `page.file`. */
  outlines: ReadonlyMap<string, Outline>;
  /** Every OKR by id, at its first definition. */
  okrs: ReadonlyMap<string, Placed<Okr>>;
  /** Every KPI by id, at its first definition. */
  kpis: ReadonlyMap<string, Placed<Kpi>>;
  /** The people of the config, by id. */
  people: People;
  /** What each audience's site holds: the one source for the checks and the views. */
  sites: Readonly<Record<Audience, AudienceSite>>;
  /** Every distinctive unpublished internal value: what no public text or output may hold. */
  secrets: readonly Secret[];
}

/**
 * The second phase: once every file has passed its schema, checks what only the
 * whole handbook can tell (uniqueness, references, owners, alignment, timeframes,
 * check-ins, scores, approvals, links)
 * and derives each audience's site once.
 */
export function linkHandbook(input: LinkInput): { handbook: Handbook; diagnostics: Diagnostic[] } {
  const { pages, outlines, config, today, index } = input;
  const okrs: Placed<Okr>[] = [];
  const okrsById = new Map<string, Placed<Okr>>();
  const kpis = new Map<string, Placed<Kpi>>();
  const anchors = new Map<string, ReadonlySet<string>>();
  for (const page of pages) {
    const outline = outlines.get(page.file);
    anchors.set(page.url, new Set(outline?.headings.map((h) => h.id)));
    (page.data.okrs ?? []).forEach((record, i) => {
      const placed = { record, pageUrl: page.url, anchor: outline?.recordAnchors.okr[i] ?? '' };
      okrs.push(placed);
      if (!okrsById.has(record.id)) okrsById.set(record.id, placed);
    });
    (page.data.kpis ?? []).forEach((record, i) => {
      if (!kpis.has(record.id)) kpis.set(record.id, { record, pageUrl: page.url, anchor: outline?.recordAnchors.kpi[i] ?? '' });
    });
  }
  const site = (audience: Audience): AudienceSite => {
    const visible = pages.filter((p) => audience === 'internal' || !p.data.draft);
    // A site without a home page of its own (none, or a draft) gets a generated one.
    const urls = new Set(['/', ...visible.map((p) => p.url)]);
    const pageUrls = new Set(visible.map((p) => p.url));
    const visibleOkrs = okrs.filter((o) => pageUrls.has(o.pageUrl));
    const okrIdx = okrIndex(visibleOkrs, today);
    const archives = archivePages(visibleOkrs);
    const kpiIdx = kpiIndex([...kpis.values()].filter((k) => pageUrls.has(k.pageUrl)));
    const own = new Map([...anchors].filter(([url]) => pageUrls.has(url)));
    if (!own.has('/')) own.set('/', new Set());
    own.set(GENERATED_PAGES.okrs.url, new Set(okrIdx.headings.map((h) => h.id)));
    own.set(GENERATED_PAGES.kpis.url, new Set(kpiIdx.headings.map((h) => h.id)));
    own.set(GENERATED_PAGES.transparency.url, new Set(TRANSPARENCY_HEADINGS.map((h) => h.id)));
    for (const archive of archives) own.set(archive.period.url, new Set(archive.headings.map((h) => h.id)));
    for (const file of Object.values(EXPORTS)) own.set(file.url, new Set());
    return { pages: visible, urls, okrs: visibleOkrs, okrIndex: okrIdx, archives, kpiIndex: kpiIdx, anchors: own };
  };
  const sites = Object.fromEntries(AUDIENCES.map((a) => [a, site(a)])) as Record<Audience, AudienceSite>;

  const people = peopleById(config.people);
  const complete = index.unvalidated.size === 0;
  const secrets = collectSecrets(pages, config, today, input.layoutText);
  const published = publishedFields({ approvers: config.approvers, today });
  const diagnostics = [
    ...checkLayouts(pages, input.layouts),
    ...checkRecords(pages, complete),
    ...checkOwners(pages, config.people),
    ...checkAlignment(pages, complete),
    ...checkValues(pages),
    ...checkTimeframes(pages, config, today),
    ...checkCheckIns(pages, config, people, today),
    ...checkScores(pages, people, today),
    ...checkApprovals(pages, config, today),
    ...checkLinks(pages, outlines, index, sites, { config, today }),
    ...checkMigration(pages, outlines),
    ...(secrets.length > 0 ? checkDisclosures(pages, input.readStatic(), input.found ? rememberedFinder(secrets, secretFinder(secrets), input.found) : secretFinder(secrets), published) : []),
  ];
  return { handbook: { pages, index, outlines, okrs: okrsById, kpis, people, sites, secrets }, diagnostics };
}
