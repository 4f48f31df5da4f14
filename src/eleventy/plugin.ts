import { resolve, sep } from 'node:path';
import { withBase } from '../pages/url.js';
import { navTreeHtml } from '../view/nav-html.js';
import type { NavNode } from '../view/navigation.js';

/** What Eleventy needs of a page to lay it out: the rest is the layout's (`hb`). */
export interface EleventyPage {
  /** Name of the layout file in layouts/, without `.njk`. */
  layout: string;
  /** Where to write it, relative to the output folder, e.g. `company/index.html`. */
  outputPath: string;
}

/** Everything one build hands to Eleventy: finished pages, validated, projected, rendered and guarded. */
export interface EleventyBuild<P extends EleventyPage = EleventyPage> {
  /** Site-wide data for every layout (title, navigation, …). */
  site: Record<string, unknown>;
  /** The path the site is served under (`/handbook`; `''` at a host's root): the `href` filter puts it before site paths. */
  base: string;
  pages: P[];
}

const PAGES_KEY = 'handbookPages_';

/** Raised when a page would be written outside the output folder. */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
  constructor(readonly target: string) {
    super(`refusing to write ${target}: it is outside the output folder`);
  }
}

/** Where `runEleventy` leaves the plugin's options on Eleventy's config object, out of the data cascade. */
export const HANDBOOK_OPTIONS = Symbol.for('okr-handbook.eleventy-options');

/** Options of the plugin; the runner fills them in. */
export interface HandbookPluginOptions {
  build: EleventyBuild;
  /** The folder Eleventy writes to (absolute). */
  outDir: string;
  /** The layouts folder (absolute); the only place Nunjucks may load templates from. */
  layoutsDir: string;
}

/** The subset of Eleventy's config API the plugin uses. */
export interface EleventyConfig {
  [HANDBOOK_OPTIONS]?: HandbookPluginOptions;
  setDynamicPermalinks(enabled: boolean): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  addGlobalData(name: string, data: unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  amendLibrary(name: 'njk', fn: (env: { loaders: { searchPaths?: string[] }[]; addFilter(name: string, fn: (...args: never[]) => unknown): void }) => void): void;
  addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
}

/**
 * okr-handbook inside Eleventy. Eleventy only applies Nunjucks layouts (autoescape
 * on) to finished pages and writes files: no template language runs on page
 * bodies, permalinks are never templated, there is no data folder and no content
 * folder. One paginated template per layout keeps Eleventy's per-page work small.
 */
export function handbookPlugin(eleventyConfig: EleventyConfig): void {
  const options = eleventyConfig[HANDBOOK_OPTIONS];
  if (!options) throw new Error('the okr-handbook Eleventy plugin runs inside `handbook build`, which hands it the finished pages');
  const { build, outDir, layoutsDir } = options;
  eleventyConfig.setDynamicPermalinks(false);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setTemplateFormats(['html']);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Nunjucks also searches the working directory by default; layouts come from one folder only.
  eleventyConfig.amendLibrary('njk', (env) => {
    for (const loader of env.loaders) if (Array.isArray(loader.searchPaths)) loader.searchPaths = loader.searchPaths.filter((p) => resolve(p) === resolve(layoutsDir));
    // On Nunjucks itself: Eleventy would time each of its thousands of calls, and warn on stderr of the time they take.
    env.addFilter('navTree', (nodes: readonly NavNode[], current: string) => navTreeHtml(nodes, current, build.base));
    // Not `url`: Eleventy adds its own filter of that name after this, over it.
    env.addFilter('href', (url: unknown) => (typeof url === 'string' ? withBase(build.base, url) : url));
  });

  const byLayout = new Map<string, EleventyPage[]>();
  for (const page of build.pages) byLayout.set(page.layout, [...(byLayout.get(page.layout) ?? []), page]);
  eleventyConfig.addGlobalData('site', build.site);

  for (const [layout, pages] of [...byLayout].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = `${PAGES_KEY}${layout.replace(/-/g, '_')}`;
    eleventyConfig.addGlobalData(key, pages);
    eleventyConfig.addTemplate(`handbook-${layout}.html`, '', {
      layout: `${layout}.njk`,
      // The template body is empty and never templated; pages arrive as data (`hb`).
      templateEngineOverride: 'html',
      eleventyExcludeFromCollections: true,
      pagination: { data: key, size: 1, alias: 'hb', addAllPagesToCollections: false },
      // With dynamic permalinks off, a computed permalink needs a static placeholder to replace.
      permalink: '/__okr_handbook_placeholder__/index.html',
      eleventyComputed: { permalink: (data: { hb: EleventyPage }) => `/${data.hb.outputPath}` },
    });
  }

  const root = resolve(outDir) + sep;
  eleventyConfig.addTransform('okr-handbook-output-inside', function (content) {
    const target = this.page.outputPath;
    if (target !== false && !resolve(target).startsWith(root)) throw new OutputPathError(target);
    return content;
  });
}
