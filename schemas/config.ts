import { z } from 'zod';
import { Slug, Text } from './common.js';

/** The Markdown parsers `markdown.parser` chooses from. */
export const MARKDOWN_PARSERS = ['comrak', 'remark'] as const;
export type MarkdownParserName = (typeof MARKDOWN_PARSERS)[number];

const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** handbook.config.yaml at the repository root. Every key but `site.title` is optional. */
export const ConfigSchema = z.strictObject({
  site: z.strictObject({
    title: Text,
    /** Absolute base URL, used for canonical links and the sitemap. */
    url: HttpUrl.optional(),
    /** Repository for "Edit this page" links. */
    repo: HttpUrl.optional(),
    branch: z.string().min(1).default('main'),
  }),
  approvers: z.array(z.strictObject({ id: Slug, name: Text })).default([]),
  pages: z.strictObject({ extra_keys: z.array(z.string()).default([]) }).default({ extra_keys: [] }),
  links: z
    .strictObject({ broken: z.enum(['error', 'warn']).default('error') })
    .default({ broken: 'error' }),
  okrs: z.strictObject({ max_current: z.number().int().min(0).default(3) }).default({ max_current: 3 }),
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
  /**
   * How page bodies are parsed. `comrak` (the default): comrak, in Rust,
   * compiled to WebAssembly, its trees turned into remark's, about 9× faster;
   * where it cannot be loaded, remark parses and the CLI says so. `remark`:
   * remark-parse with remark-gfm, the reference. Their trees differ only as
   * the README's known differences say.
   */
  markdown: z.strictObject({ parser: z.enum(MARKDOWN_PARSERS).default('comrak') }).default({ parser: 'comrak' }),
});

export type Config = z.infer<typeof ConfigSchema>;

/** The configuration used when a handbook has no handbook.config.yaml. */
export const DEFAULT_CONFIG: Config = ConfigSchema.parse({ site: { title: 'Handbook' } });
