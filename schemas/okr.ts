import { z } from 'zod';
import { IsoDate, Link, Markdown, Slug, Text } from './common.js';
import { KeyResultSchema } from './key-result.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** The prefix issue trackers use for OKR labels. */
export const OKR_LABEL_PREFIX = 'OKR: ';

/** An initiative: a link to an issue list or board. */
export const InitiativeSchema = z.strictObject({ title: Text, url: Link });

/** An objective with its key results. Definitions are public; the retrospective is internal by default. */
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
  owner: Owner.optional(),
  parent: Slug.optional().meta({ description: 'The id of the OKR this one is aligned to (a team OKR under a company OKR); `/okrs/` shows it below its parent.' }),
  initiatives: z.array(InitiativeSchema).optional(),
  key_results: z.array(KeyResultSchema).optional(),
  retrospective: internal(Markdown.optional().meta({ description: 'What the team learned, written at the end of the period (Markdown); shown on the OKR and in its quarter\'s archive.' })),
  publish: PublishSchema.optional(),
});

export type Okr = z.infer<typeof OkrSchema>;
