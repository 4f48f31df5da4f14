import { z } from 'zod';
import { Permalink, Text } from './common.js';
import { KpiSchema } from './kpi.js';
import { OkrSchema } from './okr.js';
import { Owner } from './people.js';
import { unprinted } from './visibility.js';

/**
 * The front matter of every page. Unknown top-level keys are not part of this
 * schema: the validator reports them as warnings (or passes the ones listed in
 * `pages.extra_keys`) before the rest is checked strictly.
 */
export const PageSchema = z.strictObject({
  title: Text,
  weight: unprinted(z.number().int()).optional(),
  layout: unprinted(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a layout name such as page' })).optional(),
  description: z.string().optional(),
  permalink: Permalink.optional(),
  /** URLs this page had before it moved: each keeps working, as a redirect to this page. */
  redirect_from: z.array(Permalink).optional(),
  draft: z.boolean().optional(),
  owner: Owner.optional(),
  okrs: z.array(OkrSchema).optional(),
  kpis: z.array(KpiSchema).optional(),
});

export type PageData = z.infer<typeof PageSchema>;
