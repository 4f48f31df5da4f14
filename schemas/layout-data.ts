import { z } from 'zod';
import { KeyResultSchema } from './key-result.js';
import { KpiSchema } from './kpi.js';
import { OkrSchema } from './okr.js';
import { PersonSchema } from './people.js';
import { AUDIENCES } from './visibility.js';

/**
 * What layouts receive: each page as `hb`, the site as `site`. The types of
 * the views are made from these schemas, the layout reference (docs/layouts.md)
 * is generated from them, and a test parses every view of a real build with
 * them, so the three never disagree.
 */

const SitePath = z.string().meta({ title: 'URL' });
const Html = z.string().meta({ title: 'HTML' });

/** A heading of a page body: the table of contents lists these. */
export const HeadingSchema = z
  .strictObject({
    depth: z.number().int().min(1).max(6).meta({ description: 'Its level: 2 for `##`.' }),
    text: z.string().meta({ description: 'Its text, without markup.' }),
    id: z.string().meta({ description: "Its anchor: GitHub's slug of the text, with -1, -2 … for repeats on the page." }),
  })
  .meta({ title: 'Heading', description: 'A heading of the page.' });

/** Where a record's card goes in the body. */
export const RecordKindSchema = z.enum(['okr', 'kpi']);

/** A piece of a rendered body. */
export const BodyPartSchema = z
  .union([
    z.strictObject({ html: Html.meta({ description: 'Rendered, sanitised HTML of the body; print it with `| safe`.' }) }).meta({ title: 'HTML part', description: 'A run of the body.' }),
    z
      .strictObject({
        record: RecordKindSchema.meta({ description: 'Which list the record is in.' }),
        index: z.number().int().min(0).meta({ description: 'Its index in `hb.okrs` or `hb.kpis`.' }),
      })
      .meta({ title: 'Record part', description: 'The place of an OKR or KPI card (a `:::okrs` or `:::kpis` line, or after the body).' }),
  ])
  .meta({ title: 'Body part', description: 'A piece of the body: HTML, or the place of a record card.' });

const NavLinkSchema = z
  .strictObject({
    title: z.string().meta({ description: "The page's title." }),
    url: SitePath.meta({ description: "The page's URL." }),
  })
  .meta({ title: 'Page link', description: 'A link to a page.' });

/** A node of the sidebar: a page, or a section headed by its index page. */
export const NavNodeSchema = z
  .strictObject({
    title: z.string().meta({ description: 'The page\'s title, or the section\'s (its index page\'s, else its folder\'s name).' }),
    url: SitePath.meta({ description: "The page's URL; empty for a section without an index page." }),
    get children(): z.ZodArray<typeof NavNodeSchema> {
      return z.array(NavNodeSchema).meta({ description: 'Its pages and sections, ordered by weight then title; empty when folded.' });
    },
    folded: z.boolean().optional().meta({ description: 'True for a section shown folded: it has pages this sidebar leaves out.' }),
    open: z.boolean().optional().meta({ description: 'True for a section without an index page (`url` empty) on the way to the page: its disclosure is shown open.' }),
  })
  .meta({ title: 'Sidebar item', description: 'A page, or a section headed by its index page.' });

/** Where a page sits in the handbook. */
export const NavPlaceSchema = z
  .strictObject({
    breadcrumbs: z.array(NavLinkSchema).meta({ description: 'The pages from the home page down to the page\'s parent.' }),
    previous: NavLinkSchema.optional().meta({ description: 'The page before it in its section.' }),
    next: NavLinkSchema.optional().meta({ description: 'The page after it in its section.' }),
    sidebar: z.array(NavNodeSchema).meta({ description: 'The sidebar: the top level, with only the sections on the way to the page unfolded. Print it with `hb.nav.sidebar | navTree(hb.url) | safe`.' }),
  })
  .meta({ title: 'Navigation', description: 'Where the page sits: breadcrumbs, neighbours, sidebar.' });

const Status = z.enum(['on-track', 'needs-attention', 'at-risk']);

/** A key result's progress (internal site only). */
export const ProgressSchema = z
  .strictObject({
    fraction: z.number().min(0).max(1).meta({ description: 'How far the current value is from start towards target, 0 to 1 (clamped): what roll-ups average.' }),
    percent: z.number().min(0).max(100).meta({ description: 'The same, 0 to 100 and rounded: what readers see.' }),
    elapsedPercent: z.number().min(0).max(100).optional().meta({ description: 'The share of the timeframe elapsed, when its start is known.' }),
    status: Status.meta({ description: 'Progress against time: on track (keeps pace), needs attention, at risk.' }),
    statusText: z.string().meta({ description: 'The status in words, to show beside its colour.' }),
  })
  .meta({ title: 'Progress', description: "A key result's progress from start to target against the time elapsed (internal site only)." });

/** A KPI's health (internal site only). */
export const KpiHealthSchema = z
  .strictObject({
    state: z.enum(['healthy', 'below', 'above']).meta({ description: 'Where the latest value lies against the health range.' }),
    text: z.string().meta({ description: 'The state in words, with the range.' }),
    latest: z.number().meta({ description: 'The latest value: `current_value`, else the last check-in.' }),
  })
  .meta({ title: 'Health state', description: "A KPI's latest value against its health range (internal site only)." });

/** A small line chart of a history. */
export const SparklineSchema = z
  .strictObject({
    width: z.number().meta({ description: 'Width of the SVG view box.' }),
    height: z.number().meta({ description: 'Height of the SVG view box.' }),
    points: z.string().meta({ description: 'The `points` attribute of an SVG polyline.' }),
    text: z.string().meta({ description: 'The history in words, for screen readers and print.' }),
  })
  .meta({ title: 'Chart', description: 'A small line chart of a history (two check-ins or more), ready for an inline SVG.' });

/** An objective's progress, rolled up from its key results' (internal site only). */
export const ObjectiveProgressSchema = z
  .strictObject({
    percent: z.number().min(0).max(100).meta({ description: "The weighted mean (by `weight`) of its key results' progress, 0 to 100, rounded." }),
    status: Status.meta({ description: 'The worst status of its key results.' }),
    statusText: z.string().meta({ description: 'The status in words, to show beside its colour.' }),
    counted: z.number().int().min(0).meta({ description: 'How many of its key results have progress (start, target and current values).' }),
    total: z.number().int().min(0).meta({ description: 'How many key results it has.' }),
  })
  .meta({ title: 'Objective progress', description: "An OKR's progress rolled up from its key results' (internal site only)." });

/** A score as readers see it. */
export const GradeSchema = z
  .strictObject({
    score: z.number().min(0).max(1).meta({ description: 'The score, 0 to 1.' }),
    text: z.string().meta({ description: 'The score as printed (an objective\'s to two decimals).' }),
    band: z.enum(['delivered', 'fell-short', 'missed']).meta({ description: 'Its band: 0.7 to 1 delivered, 0.4 to 0.6 progress that fell short, below that no real progress.' }),
    bandText: z.string().meta({ description: 'The band in words, to show beside its colour.' }),
  })
  .meta({ title: 'Grade', description: "A key result's score (`score:`), with its band; shown where the audience may see the score." });

/** An objective's grade, rolled up from its key results' scores. */
export const ObjectiveGradeSchema = GradeSchema.extend({
  scored: z.number().int().min(0).meta({ description: 'How many of its key results have a score.' }),
  total: z.number().int().min(0).meta({ description: 'How many key results it has.' }),
}).meta({ title: 'Objective grade', description: "An OKR's score: the weighted mean of its key results' scores, to two decimals (internal site only)." });

/** An owner as layouts show them. */
export const OwnerViewSchema = PersonSchema.extend({
  profile: z.string().optional().meta({ description: "Their profile on the forge of `site.repo` (GitHub or GitLab), when they have a handle and the config a repository." }),
}).meta({ title: 'Owner', description: 'The person `owner:` names, from `people` in the config.' });

/** A link to another OKR, by its title. */
export const RecordLinkSchema = z
  .strictObject({
    title: z.string().meta({ description: "The OKR's title." }),
    href: SitePath.meta({ description: 'Its card: its page and anchor.' }),
  })
  .meta({ title: 'OKR link', description: 'A link to another OKR.' });

/** Where an OKR stands in the alignment tree. */
export const AlignmentSchema = z
  .strictObject({
    parent: RecordLinkSchema.optional().meta({ description: 'The OKR it is aligned to (`parent:`), when this site shows it.' }),
    children: z.array(RecordLinkSchema).meta({ description: 'The OKRs aligned to it, that this site shows.' }),
  })
  .meta({ title: 'Alignment', description: 'Where an OKR stands in the alignment tree of this site: its parent and its children.' });

/** A quarter, with its archive page. */
export const PeriodSchema = z
  .strictObject({
    id: z.string().meta({ description: 'The quarter, such as `2022-q3`.' }),
    title: z.string().meta({ description: 'The quarter in words, such as `2022 Q3`.' }),
    url: SitePath.meta({ description: 'Its archive page, such as `/okrs/2022-q3/`.' }),
  })
  .meta({ title: 'Quarter', description: 'A quarter: the period of the OKRs due in it, with its archive page.' });

/** The archive of the OKR index: every quarter an OKR is due in. */
export const ArchiveSchema = z
  .strictObject({
    id: z.string().meta({ description: "The anchor of the archive's heading on /okrs/." }),
    title: z.string().meta({ description: "The archive's heading." }),
    periods: z
      .array(PeriodSchema.extend({ count: z.number().int().min(1).meta({ description: 'How many OKRs are due in it.' }) }).meta({ title: 'Archived quarter', description: 'A quarter with its number of OKRs.' }))
      .meta({ description: 'Every quarter an OKR of this site is due in, most recent first.' }),
  })
  .meta({ title: 'Archive', description: 'The quarters of the OKR archive, each with its page.' });

const onIndex = (what: string) => `On ${what} only: `;

/** Who approved publishing a record's internal values, and when. */
export const ApprovalSchema = z
  .strictObject({
    by: z.string().meta({ description: "The approver's name, from `approvers` in the config." }),
    on: z.string().meta({ title: 'date', description: 'The day of the approval (`publish.approved_on`).' }),
  })
  .meta({ title: 'Approval', description: 'Who approved publishing some of its internal values, and when; only while the approval is valid.' });

const RecordKindNameSchema = z.enum(['OKR', 'key result', 'KPI']);

/** A key result as layouts receive it. */
export const KeyResultViewSchema = KeyResultSchema.extend({
  owner: OwnerViewSchema.optional().meta({ description: 'Who owns it.' }),
  kpiLink: z
    .strictObject({
      name: z.string().meta({ description: "The KPI's name." }),
      href: SitePath.meta({ description: "The KPI's card: its page and anchor." }),
      unit: z.string().optional().meta({ description: "The unit of the KPI's values, and so of the key result's." }),
    })
    .optional()
    .meta({ title: 'KPI link', description: 'The KPI it moves, when the site has that KPI.' }),
  approval: ApprovalSchema.optional().meta({ description: 'Who approved publishing some of its values, and when.' }),
  progress: ProgressSchema.optional().meta({ description: 'Its progress; internal site only, with start, target and current values.' }),
  grade: GradeSchema.optional().meta({ description: 'Its score, with its band, where the audience may see `score`.' }),
  chart: SparklineSchema.optional().meta({ description: 'Its history as a chart.' }),
}).meta({ title: 'Key result view', description: 'A key result as its front matter says (links made site URLs; internal fields only where the audience may see them), with what the site computes.' });

/** An OKR as layouts receive it. */
export const OkrViewSchema = OkrSchema.omit({ key_results: true })
  .extend({
    anchor: z.string().meta({ description: 'The id of its heading on the page.' }),
    phase: z.enum(['current', 'future', 'past']).meta({ description: 'Its timeframe against today.' }),
    phaseText: z.string().meta({ description: 'The phase in words.' }),
    owner: OwnerViewSchema.optional().meta({ description: 'Who owns it.' }),
    keyResults: z.array(KeyResultViewSchema).meta({ description: 'Its key results (`key_results` in the front matter).' }),
    alignment: AlignmentSchema.meta({ description: 'The OKR it is aligned to, and those aligned to it.' }),
    progress: ObjectiveProgressSchema.optional().meta({ description: "Rolled up from its key results' progress; internal site only." }),
    grade: ObjectiveGradeSchema.optional().meta({ description: "Rolled up from its key results' scores; internal site only." }),
    retrospectiveHtml: Html.optional().meta({ description: 'The retrospective rendered from Markdown, where the audience may see it; print it with `| safe`.' }),
    approval: ApprovalSchema.optional().meta({ description: 'Who approved publishing some of its values, and when.' }),
    headingLevel: z.number().int().min(1).max(6).optional().meta({ description: "The level of the OKR's heading where the page writes it (on /okrs/, one deeper for each parent above it, at most 6)." }),
    subheadingLevel: z.number().int().min(1).max(6).optional().meta({ description: "The level of the card's own headings (initiatives, key results): one below the OKR's heading." }),
    pageUrl: SitePath.optional().meta({ description: `${onIndex('/okrs/')}the page that defines it.` }),
    pageTitle: z.string().optional().meta({ description: `${onIndex('/okrs/')}that page's title.` }),
    pageAnchor: z.string().optional().meta({ description: `${onIndex('/okrs/')}its anchor on that page.` }),
  })
  .meta({ title: 'OKR view', description: 'An OKR as its front matter says (links made site URLs; internal fields only where the audience may see them), with its phase, owner, alignment, key results and roll-ups.' });

/** A KPI as layouts receive it. */
export const KpiViewSchema = KpiSchema.extend({
  anchor: z.string().meta({ description: 'The id of its heading on the page.' }),
  owner: OwnerViewSchema.optional().meta({ description: 'Who owns it.' }),
  definitionHtml: Html.meta({ description: 'The definition rendered from Markdown; print it with `| safe`.' }),
  healthState: KpiHealthSchema.optional().meta({ description: 'Its health; internal site only, with a health range and a value.' }),
  approval: ApprovalSchema.optional().meta({ description: 'Who approved publishing some of its values, and when.' }),
  chart: SparklineSchema.optional().meta({ description: 'Its history as a chart.' }),
  pageUrl: SitePath.optional().meta({ description: `${onIndex('/kpis/')}the page that defines it.` }),
  pageTitle: z.string().optional().meta({ description: `${onIndex('/kpis/')}that page's title.` }),
  pageAnchor: z.string().optional().meta({ description: `${onIndex('/kpis/')}its anchor on that page.` }),
}).meta({ title: 'KPI view', description: 'A KPI as its front matter says (links made site URLs; internal fields only where the audience may see them), with its rendered definition.' });

/** A group of the OKR index. */
export const OkrGroupSchema = z
  .strictObject({
    phase: z.enum(['current', 'future', 'past']).meta({ description: 'Which OKRs it holds.' }),
    title: z.string().meta({ description: 'Its heading.' }),
    id: z.string().meta({ description: "Its heading's anchor." }),
    okrs: z
      .array(OkrViewSchema.extend({ depth: z.number().int().min(0).meta({ description: 'How deep it sits below its parents in the group: 0 at the top.' }) }).meta({ title: 'Indexed OKR', description: 'An OKR of the index, with its depth in the alignment tree.' }))
      .meta({ description: 'Its OKRs, each below its parent (a tree, in order).' }),
  })
  .meta({ title: 'OKR group', description: 'Current, future or past OKRs on /okrs/.' });

/** A record whose approval published some of its internal values. */
export const PublishedRecordSchema = z
  .strictObject({
    kind: RecordKindNameSchema.meta({ description: 'What the record is.' }),
    title: z.string().meta({ description: 'Its name or title.' }),
    href: SitePath.meta({ description: 'Where it is shown: its page and anchor.' }),
    fields: z
      .array(z.strictObject({ name: z.string().meta({ description: 'The field.' }), value: z.string().meta({ description: 'Its published value in words.' }) }).meta({ title: 'Published value', description: 'A field the approval published.' }))
      .meta({ description: 'The values published.' }),
    approval: ApprovalSchema.meta({ description: 'Who approved it, and when.' }),
  })
  .meta({ title: 'Published record', description: 'A record whose approval published some of its internal values.' });

/** What the transparency page shows. */
export const TransparencySchema = z
  .strictObject({
    published: z.array(PublishedRecordSchema).meta({ description: 'Every record whose approval published values, with those values.' }),
    kept: z
      .array(
        z
          .strictObject({
            kind: RecordKindNameSchema.meta({ description: 'What the records are.' }),
            records: z.number().int().min(0).meta({ description: 'How many records keep internal values.' }),
            fields: z.number().int().min(0).meta({ description: 'How many internal fields they keep.' }),
          })
          .meta({ title: 'Kept internal', description: 'A kind of record and how much of it stays internal: counts only, never values.' }),
      )
      .meta({ description: 'Per kind of record, how many records and fields stay internal.' }),
    uncounted: z.boolean().optional().meta({ description: 'True when values also live in a values directory this site was built without: they are not counted.' }),
  })
  .meta({ title: 'Transparency', description: 'Published values and what stays internal.' });

/** What every page layout receives as `hb`. */
export const PageViewSchema = z
  .strictObject({
    layout: z.string().meta({ description: 'The layout it is laid out with (`layout:`, default page; `_okrs`, `_archive`, `_kpis`, `_transparency` and `_404` for the generated pages).' }),
    outputPath: z.string().meta({ description: 'Its file in the site, e.g. `company/index.html`.' }),
    url: SitePath.meta({ description: 'Its URL, e.g. `/company/`.' }),
    title: z.string().meta({ description: 'Its title.' }),
    description: z.string().optional().meta({ description: 'Its `description:`.' }),
    owner: OwnerViewSchema.optional().meta({ description: 'Who owns the page (`owner:`).' }),
    canonical: z.string().optional().meta({ description: 'Its absolute URL on `site.url`, when the config has one.' }),
    unlisted: z.boolean().optional().meta({ description: 'True for the 404 page: out of the sitemap and the search index.' }),
    parts: z.array(BodyPartSchema).meta({ description: 'The body, in pieces: HTML, and the places of OKR and KPI cards.' }),
    okrs: z.array(OkrViewSchema).meta({ description: 'The OKRs it defines.' }),
    kpis: z.array(KpiViewSchema).meta({ description: 'The KPIs it defines; on /kpis/ every KPI, the north star first.' }),
    groups: z.array(OkrGroupSchema).optional().meta({ description: `${onIndex('/okrs/')}every OKR, grouped by phase, each group a tree of aligned OKRs.` }),
    archive: ArchiveSchema.optional().meta({ description: `${onIndex('/okrs/ and the archive pages')}the quarters of the archive.` }),
    period: PeriodSchema.optional().meta({ description: `${onIndex('an archive page')}its quarter.` }),
    transparency: TransparencySchema.optional().meta({ description: `${onIndex('/transparency/')}every value published by approval, and what stays internal.` }),
    toc: z.array(HeadingSchema).meta({ description: '"On this page": its h2 and h3 headings, empty below two.' }),
    nav: NavPlaceSchema.meta({ description: 'Breadcrumbs, neighbours and sidebar.' }),
    editUrl: z.string().optional().meta({ description: '"Edit this page" on GitHub or GitLab, when the config has `site.repo`.' }),
    lastUpdated: z.string().meta({ title: 'date' }).optional().meta({ description: "The day of the last commit that changed the page's file (none without git history, or in a shallow clone)." }),
    draft: z.boolean().meta({ description: 'True for a draft (internal site only).' }),
    extra: z.record(z.string(), z.unknown()).meta({ description: 'Its page-level keys listed in `pages.extra_keys`.' }),
  })
  .meta({ title: 'hb', description: 'The page being laid out.' });

/** What every layout receives as `site`. */
export const SiteDataSchema = z
  .strictObject({
    title: z.string().meta({ description: '`site.title` of the config.' }),
    url: z.string().meta({ description: 'The absolute URL of this build: `site.url` of the config, or where `--base-url` puts it; empty when neither gives one.' }),
    base: z.string().meta({ description: 'The path the site is served under, such as `/handbook` (from `site.url` or `--base-url`); empty at a host\'s root. Write site paths through the `href` filter (`{{ \'/okrs/\' | href }}`), which puts it before them.' }),
    audience: z.enum(AUDIENCES).meta({ description: 'Who this build is for.' }),
    home: NavLinkSchema.meta({ description: 'The home page (content/index.md).' }),
  })
  .meta({ title: 'site', description: 'The site being built.' });

export type PageViewData = z.infer<typeof PageViewSchema>;
export type SiteData = z.infer<typeof SiteDataSchema>;

/** Everything a layout receives. */
export const LayoutDataSchema = z
  .strictObject({
    hb: PageViewSchema.meta({ description: 'The page being laid out.' }),
    site: SiteDataSchema.meta({ description: 'The site being built.' }),
  })
  .meta({ title: 'Layout data', description: 'The variables every layout receives.' });
