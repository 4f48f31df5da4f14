import { z } from 'zod';
import { HistoryEntry, Link, Markdown, Slug, Text, Value } from './common.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** The expected range of a health metric; a latest value outside it raises an alarm. */
export const HealthSchema = z
  .strictObject({
    min: Value.meta({ description: 'The lowest healthy value.' }),
    max: Value.meta({ description: 'The highest healthy value; not below `min`.' }),
  })
  .meta({ title: 'Health range', description: 'The range a healthy value lies in; the internal site raises an alarm outside it.' });

/** A KPI: its definition and calculation are public, its values internal by default. */
export const KpiSchema = z
  .strictObject({
    id: Slug.meta({ description: 'A slug, unique in the handbook; key results name it in `kpi`.' }),
    name: Text.meta({ description: "The KPI's heading; its anchor is the GitHub slug of the name." }),
    north_star: z.boolean().optional().meta({ description: 'The one north-star metric of the handbook: listed first on /kpis/. At most one KPI may say true.' }),
    owner: Owner.optional().meta({ description: 'The id of the person who owns this KPI (one directly responsible individual), from `people` in handbook.config.yaml.' }),
    definition: Markdown.meta({ description: 'What the metric measures and why it matters, in Markdown (links are checked).' }),
    calculation: Link.meta({ description: 'Where the calculation logic is written down: an http(s) URL (a query, a notebook) or a site path.' }),
    unit: z.string().optional().meta({ description: 'The unit of its values, e.g. `%` or `plugins per project`.' }),
    direction: z.enum(['higher_is_better', 'lower_is_better']).default('higher_is_better').meta({ description: 'Which way is better.' }),
    health: internal(HealthSchema.optional().meta({ description: 'The range a healthy value lies in; the internal site raises an alarm outside it.' })),
    goal_value: internal(Value.optional().meta({ description: 'The value aimed at.' })),
    current_value: internal(Value.optional().meta({ description: 'The latest value (else the last check-in of `history`).' })),
    history: internal(z.array(HistoryEntry).optional().meta({ description: 'Check-ins, oldest first; drawn as a chart.' })),
    dashboard: internal(Link.optional().meta({ description: 'Where the live value is: a dashboard URL.' })),
    publish: PublishSchema.optional().meta({ description: 'An approval that publishes some of the internal fields above.' }),
  })
  .meta({ title: 'KPI', description: 'A key performance indicator: its definition and calculation are public, its values internal unless published.' });

export type Kpi = z.infer<typeof KpiSchema>;
