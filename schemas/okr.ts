import { z } from 'zod';
import { IsoDate, Link, Slug, Text } from './common.js';
import { KeyResultSchema } from './key-result.js';

/** The prefix issue trackers use for OKR labels. */
export const OKR_LABEL_PREFIX = 'OKR: ';

/** An initiative: a link to an issue list or board. */
export const InitiativeSchema = z
  .strictObject({
    title: Text.meta({ description: 'The link text.' }),
    url: Link.meta({ description: 'An http(s) URL or a site path.' }),
  })
  .meta({ title: 'Initiative', description: 'A link to the work behind an OKR: an issue list, a board, an epic.' });

/** An objective with its key results. Definitions are public. */
export const OkrSchema = z
  .strictObject({
    id: Slug.meta({ description: 'A slug, unique in the handbook.' }),
    title: Text.meta({ description: "The OKR's heading; its anchor is the GitHub slug of the title." }),
    scope: Text.meta({ description: 'Who owns it: `Company-Wide`, a department or a team.' }),
    objective: Text.meta({ description: 'What will be achieved, in a sentence or two.' }),
    label: z
      .string()
      .refine((label) => label.startsWith(OKR_LABEL_PREFIX) && label.length > OKR_LABEL_PREFIX.length, {
        error: `label must start with "${OKR_LABEL_PREFIX}"`,
        params: { rule: 'okr/label-format' },
      })
      .meta({ description: `The label issue trackers use for its work, unique in the handbook; starts with "${OKR_LABEL_PREFIX}".` }),
    due: IsoDate.meta({ description: 'The last day of its timeframe, YYYY-MM-DD.' }),
    start: IsoDate.optional().meta({ description: 'The first day of its timeframe, YYYY-MM-DD, before `due`. With `due` and today it makes the OKR current, future or past.' }),
    initiatives: z.array(InitiativeSchema).optional().meta({ description: 'Links to the work behind it.' }),
    key_results: z.array(KeyResultSchema).optional().meta({ description: 'How it is measured.' }),
  })
  .meta({ title: 'OKR', description: 'An objective with its key results. Its definition is public; key-result values are internal unless published.' });

export type Okr = z.infer<typeof OkrSchema>;
