import { z } from 'zod';
import { HistoryEntry, Link, Markdown, Slug, Text, Value } from './common.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** The expected range of a health metric; a latest value outside it raises an alarm. */
export const HealthSchema = z.strictObject({ min: Value, max: Value });

/** A KPI: its definition and calculation are public, its values internal by default. */
export const KpiSchema = z.strictObject({
  id: Slug,
  name: Text,
  north_star: z.boolean().optional(),
  owner: Owner.optional(),
  definition: Markdown,
  calculation: Link,
  unit: z.string().optional(),
  direction: z.enum(['higher_is_better', 'lower_is_better']).default('higher_is_better'),
  health: internal(HealthSchema.optional()),
  goal_value: internal(Value.optional()),
  current_value: internal(Value.optional()),
  history: internal(z.array(HistoryEntry).optional()),
  dashboard: internal(Link.optional()),
  publish: PublishSchema.optional(),
});

export type Kpi = z.infer<typeof KpiSchema>;
