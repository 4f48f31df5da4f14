import type { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { KpisExportSchema, OkrsExportSchema, EXPORT_VERSION } from '../../schemas/exports.js';
import type { Audience } from '../../schemas/visibility.js';
import { EXPORTS, periodOf } from '../pages/generated.js';
import { withBase } from '../pages/url.js';
import { project } from '../project/project.js';
import { optional } from '../optional.js';
import type { KrProgress } from './progress.js';
import type { SiteViews } from './views.js';

/** A data file of the site: where it goes, the schema of its shape, and its data. */
export interface SiteExport {
  url: string;
  schema: z.ZodType;
  data: unknown;
}

/**
 * `okrs.json` and `kpis.json` of one audience's site, made from the views the
 * pages show (so a roll-up is the one the page prints), then passed through
 * the projection with their own schemas: an allowlist of the documented
 * shape that, for the public, keeps out every unpublished internal field.
 * A record's `url` is where the site serves it: under its base path.
 */
export function siteExports(views: Pick<SiteViews, 'okrs' | 'kpis'>, context: { audience: Audience; today: string; config: Pick<Config, 'approvers'>; base?: string }): SiteExport[] {
  const at = (pageUrl: string, anchor: string) => withBase(context.base ?? '', `${pageUrl}#${anchor}`);
  const header = { version: EXPORT_VERSION, audience: context.audience, today: context.today };
  const progress = (p: Pick<KrProgress, 'percent' | 'status'> | undefined) => optional('progress', p && { percent: p.percent, status: p.status });
  const okrs = views.okrs.map((okr) => ({
    ...okr,
    key_results: okr.keyResults.map((kr) => ({ ...kr, ...progress(kr.progress) })),
    url: at(okr.pageUrl, okr.pageAnchor),
    period: periodOf(okr.due).id,
    ...progress(okr.progress),
    ...optional('score', okr.grade?.score),
  }));
  const kpis = views.kpis.map((kpi) => ({ ...kpi, url: at(kpi.pageUrl, kpi.pageAnchor), ...optional('health_state', kpi.healthState?.state) }));
  return [
    { url: EXPORTS.okrs.url, schema: OkrsExportSchema, data: project(OkrsExportSchema, { ...header, okrs }, context) },
    { url: EXPORTS.kpis.url, schema: KpisExportSchema, data: project(KpisExportSchema, { ...header, kpis }, context) },
  ];
}
