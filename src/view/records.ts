import type { z } from 'zod';
import { type Approval, approvalOf, type NamedApprovals } from './transparency.js';
import { type KeyResult, KeyResultSchema } from '../../schemas/key-result.js';
import { type Kpi, KpiSchema } from '../../schemas/kpi.js';
import type { AlignmentSchema, KeyResultViewSchema, KpiViewSchema, OkrViewSchema, OwnerViewSchema, RecordLinkSchema } from '../../schemas/layout-data.js';
import { type Okr, OkrSchema } from '../../schemas/okr.js';
import type { Audience } from '../../schemas/visibility.js';
import type { People } from '../okrs/owners.js';
import { okrPhase, type OkrPhase } from '../okrs/timeframe.js';
import { optional } from '../optional.js';
import { kpiHealth, krProgress } from './progress.js';
import { grade, objectiveGrade, objectiveProgress } from './rollup.js';
import { sparkline } from './sparkline.js';

/** Turns a link as written into the URL the site serves (site links canonicalised, external ones unchanged). */
export type Href = (url: string) => string;

/** Where a KPI is defined, for key results that link to it. */
export type KpiTarget = (id: string) => { name: string; href: string; unit?: string } | undefined;

/** A link to another record, by its title. */
export type RecordLink = z.infer<typeof RecordLinkSchema>;

/** Where an OKR stands in the alignment tree of this audience's site. */
export type Alignment = z.infer<typeof AlignmentSchema>;

/** An owner as layouts show them: the person, and their forge profile when the site's repository says which forge. */
export type OwnerView = z.infer<typeof OwnerViewSchema>;

/** What a layout needs to show a key result; built from projected data only. */
export type KeyResultView = z.infer<typeof KeyResultViewSchema>;

/** What a layout needs to show an OKR. */
export type OkrView = z.infer<typeof OkrViewSchema>;

/** What a layout needs to show a KPI. */
export type KpiView = z.infer<typeof KpiViewSchema>;

/** Shared inputs of every view. */
export interface ViewContext {
  audience: Audience;
  today: string;
  href: Href;
  kpiTarget: KpiTarget;
  /** The owner with this id, as shown. */
  owner: (id: string | undefined) => OwnerView | undefined;
  /** What approvals are judged against, with the approvers' names. */
  approvals: NamedApprovals;
}

const PHASE_TEXT: Record<OkrPhase, string> = { current: 'Current', future: 'Future', past: 'Past' };

/**
 * The view of a projected OKR. Progress and the roll-ups are computed for the
 * internal audience only; a score shows wherever the projection kept it.
 */
export function okrView(okr: Okr, anchor: string, ctx: ViewContext, more: { alignment: Alignment; retrospectiveHtml?: string | undefined }): OkrView {
  const phase = okrPhase(okr, ctx.today);
  const { key_results: krs = [], owner, ...rest } = okr;
  const keyResults = krs.map((kr) => keyResultView(kr, okr, ctx));
  const view: OkrView = {
    ...rest,
    ...(rest.initiatives ? { initiatives: rest.initiatives.map((i) => ({ ...i, url: ctx.href(i.url) })) } : {}),
    anchor,
    phase,
    phaseText: PHASE_TEXT[phase],
    ...optional('owner', ctx.owner(owner)),
    keyResults,
    alignment: more.alignment,
    ...optional('retrospectiveHtml', okr.retrospective === undefined ? undefined : more.retrospectiveHtml),
  };
  const approval = approvalOf(okr, ctx.approvals, OkrSchema);
  if (approval) view.approval = approval;
  if (ctx.audience === 'internal') {
    const progress = objectiveProgress(keyResults);
    if (progress) view.progress = progress;
    const rolled = objectiveGrade(keyResults.map((kr) => ({ weight: kr.weight, score: kr.score })));
    if (rolled) view.grade = rolled;
  }
  return view;
}

function keyResultView(kr: KeyResult, okr: Okr, ctx: ViewContext): KeyResultView {
  const { owner, ...rest } = kr;
  const view: KeyResultView = { ...rest, ...optional('owner', ctx.owner(owner)) };
  const approval = approvalOf(kr, ctx.approvals, KeyResultSchema);
  if (approval) view.approval = approval;
  const target = ctx.kpiTarget(kr.kpi);
  if (target) view.kpiLink = target;
  for (const key of ['issue', 'blocked_by', 'dashboard'] as const) {
    const url = kr[key];
    if (url !== undefined) view[key] = ctx.href(url);
  }
  if (ctx.audience === 'internal' && kr.start_value !== undefined && kr.target_value !== undefined && kr.current_value !== undefined && kr.start_value !== kr.target_value) {
    const start = okr.start ?? kr.history?.[0]?.date;
    view.progress = krProgress({ start: kr.start_value, target: kr.target_value, current: kr.current_value }, { ...(start !== undefined ? { start } : {}), due: kr.due ?? okr.due }, ctx.today);
  }
  if (kr.score !== undefined) view.grade = grade(kr.score);
  const chart = kr.history && sparkline(kr.history);
  if (chart) view.chart = chart;
  return view;
}

/** The view of a projected KPI. Health is computed for the internal audience only. */
export function kpiView(kpi: Kpi, anchor: string, definitionHtml: string, ctx: ViewContext): KpiView {
  const { owner, ...rest } = kpi;
  const view: KpiView = { ...rest, anchor, ...optional('owner', ctx.owner(owner)), definitionHtml, calculation: ctx.href(kpi.calculation) };
  if (kpi.dashboard !== undefined) view.dashboard = ctx.href(kpi.dashboard);
  const approval = approvalOf(kpi, ctx.approvals, KpiSchema);
  if (approval) view.approval = approval;
  const latest = kpi.current_value ?? kpi.history?.[kpi.history.length - 1]?.value;
  if (ctx.audience === 'internal' && kpi.health && latest !== undefined) view.healthState = kpiHealth(kpi.health, latest);
  const chart = kpi.history && sparkline(kpi.history);
  if (chart) view.chart = chart;
  return view;
}

/** An owner lookup for views: the person, with their profile on the forge of `repo` (GitHub or GitLab, self-hosted too) when they have a handle. */
export function ownerLookup(people: People, repo: string | undefined): ViewContext['owner'] {
  const forge = repo ? new URL(repo).origin : undefined;
  return (id) => {
    const person = id === undefined ? undefined : people.get(id);
    if (!person) return undefined;
    return forge && person.handle !== undefined ? { ...person, profile: `${forge}/${person.handle}` } : { ...person };
  };
}

/**
 * Every record a page view shows, with the schema it was validated by and
 * where it sits in the view: what the guard walks. The view renames a few
 * keys (`keyResults`), so this is the one place that knows its shape.
 */
export function viewRecords(view: { okrs: readonly OkrView[]; kpis: readonly KpiView[]; groups?: readonly { okrs: readonly OkrView[] }[] }): { schema: z.ZodObject; record: object; where: string }[] {
  const okrs = [...view.okrs.map((okr, i) => ({ okr, where: `okrs[${i}]` })), ...(view.groups ?? []).flatMap((g, j) => g.okrs.map((okr, i) => ({ okr, where: `groups[${j}].okrs[${i}]` })))];
  return [
    ...okrs.flatMap(({ okr, where }) => [{ schema: OkrSchema, record: okr, where }, ...okr.keyResults.map((kr, r) => ({ schema: KeyResultSchema, record: kr, where: `${where}.keyResults[${r}]` }))]),
    ...view.kpis.map((kpi, k) => ({ schema: KpiSchema, record: kpi, where: `kpis[${k}]` })),
  ];
}
