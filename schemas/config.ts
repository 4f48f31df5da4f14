import { z } from 'zod';
import { Slug, Text } from './common.js';
import { type Person, PersonSchema } from './people.js';

/** The Markdown parsers `markdown.parser` chooses from. */
export const MARKDOWN_PARSERS = ['comrak', 'remark'] as const;
export type MarkdownParserName = (typeof MARKDOWN_PARSERS)[number];

const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).meta({ title: 'URL' });

/** An approver: a person of `people` (`{ id: alice }`), or someone named here (`{ id: ceo, name: Chief Executive Officer }`). */
export const ApproverSchema = z
  .strictObject({
    id: Slug.meta({ description: "The id a record's `publish.approved_by` names: a person's id from `people`, or an id of its own when `name` is given." }),
    name: Text.optional().meta({ description: 'Who it is, e.g. a role; without it, `id` must be a person of `people`, whose name is used.' }),
  })
  .meta({ title: 'Approver', description: 'Someone who may approve publishing internal values.' });

/** handbook.config.yaml at the repository root, as written. Every key but `site.title` is optional. */
export const ConfigSchema = z
  .strictObject({
    site: z
      .strictObject({
        title: Text.meta({ description: "The handbook's name: in the header, the footer and every page's title." }),
        url: HttpUrl.optional().meta({ description: 'The absolute base URL of the public site, for canonical links and the sitemap (none without it).', examples: ['https://handbook.example.com'] }),
        repo: HttpUrl.optional().meta({ description: 'The repository of the handbook, for "Edit this page" links (GitHub or GitLab).', examples: ['https://github.com/example/handbook'] }),
        branch: z.string().min(1).default('main').meta({ description: 'The branch "Edit this page" links open.' }),
      })
      .meta({ description: 'How the site presents itself.' }),
    people: z
      .array(PersonSchema)
      .default([])
      .meta({ description: 'The people who own pages, OKRs, key results and KPIs (`owner:`), and who may approve publishing.', examples: [[{ id: 'alice', name: 'Alice Example', handle: 'alice' }]] }),
    people_file: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'A YAML file (relative to the config file) with more people, listed as `people:` lists them; for a long list kept apart or generated.', examples: ['people.yaml'] }),
    approvers: z
      .array(ApproverSchema)
      .default([])
      .meta({ description: "Who may approve publishing internal values (a record's `publish:` block); an approval by anyone else publishes nothing.", examples: [[{ id: 'ceo', name: 'Chief Executive Officer' }]] }),
    pages: z
      .strictObject({
        extra_keys: z.array(z.string()).default([]).meta({ description: 'Page-level front-matter keys the schema does not know that reach layouts (as `hb.extra`) instead of being dropped with a warning.', examples: [['subcategory']] }),
      })
      .default({ extra_keys: [] })
      .meta({ description: 'What pages may carry besides the keys of the front-matter schema.' }),
    links: z
      .strictObject({
        broken: z.enum(['error', 'warn']).default('error').meta({ description: 'Whether a link to a page or anchor that does not exist (or to a draft) is an error or a warning; `warn` while migrating a handbook.' }),
      })
      .default({ broken: 'error' })
      .meta({ description: 'Links inside the site.' }),
    okrs: z
      .strictObject({
        max_current: z.number().int().min(0).default(3).meta({ description: 'How many OKRs may be current (today inside their timeframe) before a warning.' }),
        check_in_every_days: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ description: 'The check-in cadence: a key result of a current OKR whose last check-in is older than this many days is a `kr/stale-check-in` warning. None by default.', examples: [14] }),
      })
      .default({ max_current: 3 })
      .meta({ description: 'OKR policy.' }),
    nav: z
      .strictObject({
        generated: z.enum(['first', 'last']).default('last').meta({ description: 'Where the generated pages (OKR index, KPI index, …) go in the sidebar: `first` or `last` among the top-level sections, never among them.' }),
      })
      .default({ generated: 'last' })
      .meta({ description: 'The sidebar.' }),
    search: z
      .strictObject({
        shard_pages: z.number().int().min(1).default(1000).meta({ description: "Pages per search index shard: a build after an edit re-indexes only the shards whose pages changed; a reader's search loads one small index per shard." }),
      })
      .default({ shard_pages: 1000 })
      .meta({ description: 'The search index.' }),
    values: z
      .strictObject({
        dir: z.string().min(1).optional().meta({ description: 'A folder (relative to the root; `--values` overrides it) of YAML files holding internal fields by record id, kept out of content/: read by `check` and the internal build, never by the public one.', examples: ['../handbook-values'] }),
        in_content: z.enum(['error', 'warn', 'allow']).default('allow').meta({ description: 'What an internal value written in content/ is: an error, a warning, or allowed.' }),
      })
      .default({ in_content: 'allow' })
      .meta({ description: 'Internal values kept outside content/.' }),
    markdown: z
      .strictObject({
        parser: z.enum(MARKDOWN_PARSERS).default('comrak').meta({ description: 'How page bodies are parsed. `comrak` (the default): comrak, in Rust, compiled to WebAssembly, its trees turned into remark\'s, about 9× faster; where it cannot be loaded, remark parses and the CLI says so. `remark`: remark-parse with remark-gfm, the reference. Their trees differ only as the README\'s known differences say.' }),
      })
      .default({ parser: 'comrak' })
      .meta({ description: 'Markdown.' }),
  })
  .meta({ title: 'handbook.config.yaml', description: 'The configuration of a handbook, at the root of its repository. Every key but `site.title` is optional.' });

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
