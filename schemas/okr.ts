import { z } from 'zod';
import { IsoDate, Link, Slug, Text } from './common.js';
import { KeyResultSchema } from './key-result.js';

/** The prefix issue trackers use for OKR labels. */
export const OKR_LABEL_PREFIX = 'OKR: ';

/** An initiative: a link to an issue list or board. */
export const InitiativeSchema = z.strictObject({ title: Text, url: Link });

/** An objective with its key results. Definitions are public. */
export const OkrSchema = z.strictObject({
  id: Slug,
  title: Text,
  scope: Text,
  objective: Text,
  label: z.string().refine((label) => label.startsWith(OKR_LABEL_PREFIX) && label.length > OKR_LABEL_PREFIX.length, {
    error: `label must start with "${OKR_LABEL_PREFIX}"`,
    params: { rule: 'okr/label-format' },
  }),
  due: IsoDate,
  start: IsoDate.optional(),
  initiatives: z.array(InitiativeSchema).optional(),
  key_results: z.array(KeyResultSchema).optional(),
});

export type Okr = z.infer<typeof OkrSchema>;
