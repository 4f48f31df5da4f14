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
export const PageSchema = z
  .strictObject({
    title: Text.meta({ description: 'The page title: its heading, the browser tab, the sidebar and breadcrumbs.' }),
    weight: unprinted(z.number().int()).optional().meta({ description: 'Orders the page among its siblings in the sidebar, lower first; pages without a weight follow, by title.' }),
    layout: unprinted(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a layout name such as page' }))
      .optional()
      .meta({ description: 'A layout of layouts/ (`<name>.njk`, the shipped ones or your own). Default: page.' }),
    description: z.string().optional().meta({ description: 'One sentence: the meta description, and the summary search shows.' }),
    permalink: Permalink.optional().meta({ description: 'The URL to serve the page at instead of the one its path gives; absolute, and "/x/brand" means "/x/brand/".' }),
    redirect_from: z.array(Permalink).optional().meta({ description: 'URLs this page had before it moved: each keeps working, as a redirect to this page (and a line of `_redirects`).', examples: [['/old/path/']] }),
    draft: z.boolean().optional().meta({ description: 'Built for the internal audience only; a public page may not link to it.' }),
    owner: Owner.optional().meta({ description: 'The id of the person who owns this page (one directly responsible individual), from `people` in handbook.config.yaml.' }),
    okrs: z.array(OkrSchema).optional().meta({ description: 'The OKRs this page defines; shown where the body has a `:::okrs` line, else after the body, and on /okrs/.' }),
    kpis: z.array(KpiSchema).optional().meta({ description: 'The KPIs this page defines; shown where the body has a `:::kpis` line, else after the body, and on /kpis/.' }),
  })
  .meta({ title: 'Page front matter', description: 'The YAML front matter of a page of content/. Unknown top-level keys are a warning (listed in `pages.extra_keys` they reach layouts); unknown keys inside records are errors.' });

export type PageData = z.infer<typeof PageSchema>;
