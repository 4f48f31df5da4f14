import { z } from 'zod';
import { HistoryEntry, IsoDate, Link, Slug, Text, Value } from './common.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** A key result: a KPI goal inside an OKR. Values are internal by default. */
export const KeyResultSchema = z.strictObject({
  id: Slug,
  title: Text,
  kpi: Slug,
  issue: Link.optional(),
  due: IsoDate.optional(),
  blocked_by: Link.optional(),
  start_value: internal(Value.optional()),
  target_value: internal(Value.optional()),
  current_value: internal(Value.optional()),
  confidence: internal(z.number().min(0).max(1).optional()),
  history: internal(z.array(HistoryEntry).optional()),
  dashboard: internal(Link.optional()),
  publish: PublishSchema.optional(),
});

export type KeyResult = z.infer<typeof KeyResultSchema>;
