// The reference site: Eleventy's defaults (markdown-it) with the two settings
// that match okr-handbook's contract. Markdown bodies are not run through a
// template language, and these two can only be set from a config file.
export const config = { markdownTemplateEngine: false, htmlTemplateEngine: false };
