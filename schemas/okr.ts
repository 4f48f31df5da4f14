import { z } from 'zod';
import { IsoDate, Link, Markdown, Slug, Text } from './common.js';
import { KeyResultSchema } from './key-result.js';
import { Owner } from './people.js';
import { PublishSchema } from './publish.js';
import { internal } from './visibility.js';

/** The prefix issue trackers use for OKR labels. */
export const OKR_LABEL_PREFIX = 'OKR: ';

/** An initiative: a link to an issue list or board. */
export const InitiativeSchema = z
  .strictObject({
    title: Text.meta({ description: 'The link text.' }),
    url: Link.meta({ description: 'An http(s) URL or a site path.' }),
  })
  .meta({ title: 'Initiative', description: 'A link to the work behind an OKR: an issue list, a board, an epic.' });

/** An objective with its key results. Definitions are public; the retrospective is internal by default. */
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
    owner: Owner.optional().meta({ description: 'The id of the person who owns this OKR (one directly responsible individual), from `people` in handbook.config.yaml.' }),
    parent: Slug.optional().meta({ description: 'The id of the OKR this one is aligned to (a team OKR under a company OKR); `/okrs/` shows it below its parent.' }),
    initiatives: z.array(InitiativeSchema).optional().meta({ description: 'Links to the work behind it.' }),
    key_results: z.array(KeyResultSchema).optional().meta({ description: 'How it is measured.' }),
    retrospective: internal(Markdown.optional().meta({ description: "What the team learned, written at the end of the period (Markdown); shown on the OKR and in its quarter's archive." })),
    publish: PublishSchema.optional().meta({ description: 'An approval that publishes some of the internal fields above.' }),
  })
  .meta({ title: 'OKR', description: 'An objective with its key results. Its definition is public; key-result values are internal unless published.' });

export type Okr = z.infer<typeof OkrSchema>;
