import { z } from 'zod';
import { Slug, Text } from './common.js';
import { type Person, PersonSchema } from './people.js';

const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** An approver: a person of `people` (`{ id: alice }`), or someone named here (`{ id: ceo, name: Chief Executive Officer }`). */
export const ApproverSchema = z.strictObject({
  id: Slug.meta({ description: 'What `publish.approved_by` names: a person\'s id from `people`, or an id of its own when `name` is given.' }),
  name: Text.optional().meta({ description: 'The approver\'s name; without it, `id` must be a person of `people`, whose name is used.' }),
});

/** handbook.config.yaml at the repository root, as written. Every key but `site.title` is optional. */
export const ConfigSchema = z.strictObject({
  site: z.strictObject({
    title: Text,
    /** Absolute base URL, used for canonical links and the sitemap. */
    url: HttpUrl.optional(),
    /** Repository for "Edit this page" links. */
    repo: HttpUrl.optional(),
    branch: z.string().min(1).default('main'),
  }),
  people: z.array(PersonSchema).default([]).meta({ description: 'The people who own pages, OKRs, key results and KPIs (`owner:`), and who may approve publishing.' }),
  people_file: z.string().min(1).optional().meta({ description: 'A YAML file (relative to the config file) with more people, listed as `people:` lists them; for a long list kept apart or generated.' }),
  approvers: z.array(ApproverSchema).default([]).meta({ description: 'Who may approve publishing internal values (`publish.approved_by`).' }),
  pages: z.strictObject({ extra_keys: z.array(z.string()).default([]) }).default({ extra_keys: [] }),
  links: z
    .strictObject({ broken: z.enum(['error', 'warn']).default('error') })
    .default({ broken: 'error' }),
  okrs: z
    .strictObject({
      max_current: z.number().int().min(0).default(3),
      check_in_every_days: z.number().int().min(1).optional().meta({ description: 'The check-in cadence: a key result of a current OKR whose last check-in is older than this many days is a `kr/stale-check-in` warning. None by default.' }),
    })
    .default({ max_current: 3 }),
  /** The sidebar: the generated pages (OKR index, KPI index, …) go `first` or `last` among the top-level sections, never among them. */
  nav: z.strictObject({ generated: z.enum(['first', 'last']).default('last') }).default({ generated: 'last' }),
  /**
   * Pages per search index shard. A build after an edit re-indexes only the shards
   * whose pages changed; a reader's search loads one small index per shard.
   */
  search: z.strictObject({ shard_pages: z.number().int().min(1).default(1000) }).default({ shard_pages: 1000 }),
  /**
   * Internal values kept outside content/. `dir` (relative to the root; `--values`
   * overrides it) holds YAML files of internal fields by record id, read by
   * `check` and the internal build, never by the public one. `in_content` says
   * what an internal value written in content/ is: an error, a warning, or allowed.
   */
  values: z
    .strictObject({ dir: z.string().min(1).optional(), in_content: z.enum(['error', 'warn', 'allow']).default('allow') })
    .default({ in_content: 'allow' }),
});

/** The config as written in the file. */
export type ConfigFile = z.infer<typeof ConfigSchema>;

/** An approver with the name to show. */
export interface Approver {
  id: string;
  name: string;
}

/** The config every stage reads: people from the config and its people file together, approvers with their names. */
export type Config = Omit<ConfigFile, 'people' | 'approvers'> & { people: Person[]; approvers: Approver[] };

/** The configuration used when a handbook has no handbook.config.yaml. */
export const DEFAULT_CONFIG: Config = { ...ConfigSchema.parse({ site: { title: 'Handbook' } }), people: [], approvers: [] };
