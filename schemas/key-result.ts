import { z } from 'zod';
import { HistoryEntry, IsoDate, Link, Slug, Text, Value } from './common.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** A key result: a KPI goal inside an OKR. Values are internal by default. */
export const KeyResultSchema = z
  .strictObject({
    id: Slug.meta({ description: 'A slug, unique within its OKR.' }),
    title: Text.meta({ description: 'What will be true when the key result is met.' }),
    kpi: Slug.meta({ description: 'The id of the KPI this key result moves, defined on any page.' }),
    owner: Owner.optional().meta({ description: 'The id of the person who owns this key result (one directly responsible individual), from `people` in handbook.config.yaml.' }),
    weight: z.number().positive().default(1).meta({ description: "How much this key result counts in its objective's progress and score (weighted means); 1 unless given." }),
    issue: Link.optional().meta({ description: 'The issue that tracks the work: an http(s) URL or a site path.' }),
    due: IsoDate.optional().meta({ description: "The day it is due, YYYY-MM-DD, no later than its OKR's. Default: the OKR's due date." }),
    blocked_by: Link.optional().meta({ description: 'The issue that blocks it, if one does.' }),
    start_value: internal(Value.optional().meta({ description: "The KPI's value when the key result started." })),
    target_value: internal(Value.optional().meta({ description: 'The value to reach; it must differ from `start_value`, which gives the direction.' })),
    current_value: internal(Value.optional().meta({ description: 'The latest value; the internal site shows progress from start to target against the time elapsed.' })),
    confidence: internal(z.number().min(0).max(1).optional().meta({ description: "The owner's confidence of reaching the target, from 0 to 1." })),
    history: internal(z.array(HistoryEntry).optional().meta({ description: 'Check-ins, oldest first, inside the timeframe; drawn as a chart.' })),
    dashboard: internal(Link.optional().meta({ description: 'Where the live value is: a dashboard URL.' })),
    score: internal(z.number().min(0).max(1).optional().meta({ description: "The grade at the end of the period, from 0 to 1 (0.6 to 0.7 is the sweet spot of an ambitious key result). A past OKR's key result without one is a `kr/missing-score` warning." })),
    publish: PublishSchema.optional().meta({ description: 'An approval that publishes some of the internal fields above.' }),
  })
  .meta({ title: 'Key result', description: 'A goal inside an OKR, measured by a KPI. Its values are internal unless published.' });

export type KeyResult = z.infer<typeof KeyResultSchema>;
