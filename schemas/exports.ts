import { z } from 'zod';
import { IsoDate } from './common.js';
import { KeyResultSchema } from './key-result.js';
import { KpiSchema } from './kpi.js';
import { OkrSchema } from './okr.js';
import { PersonSchema } from './people.js';
import { AUDIENCES, internal } from './visibility.js';

/**
 * The shape of `okrs.json` and `kpis.json`, the data files at the root of
 * each audience's site. Each record is the front matter's, with the owner as
 * a person instead of an id and a few facts the site computes; internal
 * fields (`x-internal` in the JSON Schema) are in the internal audience's
 * files only, unless an approval publishes them. `version` changes only when
 * a field is removed or changes meaning: fields may be added.
 */
export const EXPORT_VERSION = 1;

const Owner = PersonSchema.optional().meta({ description: 'Who owns it: the person `owner:` names, with their name and forge handle.' });
const Where = z.string().meta({ description: 'Where it is defined in the site: its page\'s URL and anchor as the site serves them, under its base path, such as /company/goals/#grow (/handbook/company/goals/#grow for a site at /handbook/).' });
const Status = z.enum(['on-track', 'needs-attention', 'at-risk']);

/** Progress as the internal site shows it. */
export const ProgressSchema = z
  .strictObject({
    percent: z.number().min(0).max(100).meta({ description: 'How far from start to target, 0 to 100, rounded.' }),
    status: Status.meta({ description: 'Progress against the time elapsed: on track, needs attention or at risk.' }),
  })
  .meta({ title: 'Progress', description: 'Progress from start to target against the time elapsed, as the internal site shows it.' });

export const KeyResultExportSchema = KeyResultSchema.extend({
  owner: Owner,
  progress: internal(ProgressSchema.optional().meta({ description: 'From start to target against the time elapsed; internal audience only.' })),
}).meta({ title: 'Exported key result', description: 'A key result as its front matter says (internal fields only where the audience may see them), with its owner and progress.' });

export const OkrExportSchema = OkrSchema.extend({
  owner: Owner,
  key_results: z.array(KeyResultExportSchema).meta({ description: 'Its key results, as written (none: an empty list).' }),
  url: Where,
  phase: z.enum(['current', 'future', 'past']).meta({ description: 'Where its timeframe stands on `today`.' }),
  period: z.string().regex(/^\d{4}-q[1-4]$/).meta({ description: 'The quarter of its due date (`2022-q3`): its archive page is /okrs/2022-q3/.' }),
  progress: internal(ProgressSchema.extend({ status: Status.meta({ description: 'The worst status of its key results.' }) }).meta({ title: 'Objective progress', description: "An OKR's progress, rolled up from its key results'." }).optional().meta({ description: 'Rolled up: the weighted mean of its key results\' progress, and the worst of their statuses; internal audience only.' })),
  score: internal(z.number().min(0).max(1).optional().meta({ description: 'Rolled up: the weighted mean of its key results\' scores, to two decimals; internal audience only.' })),
}).meta({ title: 'Exported OKR', description: 'An OKR as its front matter says (internal fields only where the audience may see them), with its owner, where the site shows it, its phase and quarter, and its roll-ups.' });

export const KpiExportSchema = KpiSchema.extend({
  owner: Owner,
  url: Where,
  health_state: internal(z.enum(['healthy', 'below', 'above']).optional().meta({ description: 'The latest value against the expected range (`health`); internal audience only.' })),
}).meta({ title: 'Exported KPI', description: 'A KPI as its front matter says (internal fields only where the audience may see them), with its owner, where the site shows it and its health.' });

const Header = {
  version: z.literal(EXPORT_VERSION).meta({ description: 'The version of this shape.' }),
  audience: z.enum(AUDIENCES).meta({ description: 'Which site this file belongs to: the public one holds no unpublished internal value.' }),
  today: IsoDate.meta({ description: 'The day OKR phases, progress and approvals were judged on (`--today`).' }),
};

/** `okrs.json`: every OKR of the site, in page order. */
export const OkrsExportSchema = z.strictObject({ ...Header, okrs: z.array(OkrExportSchema).meta({ description: 'Every OKR of the site, in page order.' }) }).meta({ title: 'okrs.json', description: 'Every OKR of one audience\'s site, with its key results, in page order.' });

/** `kpis.json`: every KPI of the site, north star first. */
export const KpisExportSchema = z.strictObject({ ...Header, kpis: z.array(KpiExportSchema).meta({ description: 'Every KPI of the site, the north-star metric first.' }) }).meta({ title: 'kpis.json', description: 'Every KPI of one audience\'s site, the north-star metric first.' });

/** Both files, for their reference (docs/exports.md): one field per file. */
export const ExportFilesSchema = z
  .strictObject({
    'okrs.json': OkrsExportSchema.meta({ description: 'At the site\'s root (`/okrs.json`, under its base path): every OKR of one audience\'s site, with its key results, in page order.' }),
    'kpis.json': KpisExportSchema.meta({ description: 'At the site\'s root (`/kpis.json`, under its base path): every KPI of one audience\'s site, the north-star metric first.' }),
  })
  .meta({ title: 'Exports', description: 'The data files at the root of each audience\'s site; `handbook schema --exports` prints their JSON Schema.' });

export type OkrsExport = z.infer<typeof OkrsExportSchema>;
export type KpisExport = z.infer<typeof KpisExportSchema>;
