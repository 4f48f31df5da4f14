import { z } from 'zod';
import { HistoryEntry, IsoDate, Link, Slug, Text, Value } from './common.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** A key result: a KPI goal inside an OKR. Values are internal by default. */
export const KeyResultSchema = z.strictObject({
  id: Slug,
  title: Text,
  kpi: Slug,
  owner: Owner.optional(),
  weight: z.number().positive().default(1).meta({ description: 'How much this key result counts in its objective\'s progress and score (weighted means); 1 unless given.' }),
  issue: Link.optional(),
  due: IsoDate.optional(),
  blocked_by: Link.optional(),
  start_value: internal(Value.optional()),
  target_value: internal(Value.optional()),
  current_value: internal(Value.optional()),
  confidence: internal(z.number().min(0).max(1).optional()),
  history: internal(z.array(HistoryEntry).optional()),
  dashboard: internal(Link.optional()),
  score: internal(z.number().min(0).max(1).optional().meta({ description: 'The grade at the end of the period, from 0 to 1 (0.6 to 0.7 is the sweet spot of an ambitious key result). A past OKR\'s key result without one is a `kr/missing-score` warning.' })),
  publish: PublishSchema.optional(),
});

export type KeyResult = z.infer<typeof KeyResultSchema>;
