// Eleventy is okr-handbook's last stage: `handbook build` hands it finished pages
// (validated, projected, rendered) and the plugin only lays them out and writes them.
import { handbookPlugin } from './lib/src/eleventy/plugin.js';

/** No template language ever runs on Markdown or HTML bodies; these can only be set from a config file in Eleventy 3. */
export const config = { markdownTemplateEngine: false, htmlTemplateEngine: false };

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(handbookPlugin);
}
