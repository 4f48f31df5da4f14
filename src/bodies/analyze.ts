import { expandDirectives, type RecordTitles } from '../markdown/directives.js';
import { type Outline, outlineOf } from '../markdown/outline.js';
import type { Root } from 'mdast';
import type { MarkdownParserName } from '../../schemas/config.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { BodyPart } from '../render/processor.js';

/** Everything a page body's analysis depends on: the text, the headings its directives place, and the Markdown fields of its front matter. */
export interface BodyInput {
  body: string;
  titles: RecordTitles;
  /** The text of each Markdown field of the front matter (`markdownFields`): their links are checked too. */
  markdown: string[];
}

/**
 * A body's outline and, when rendered, its HTML parts. Site links in the HTML are
 * tokens (`\uE000n\uE001` for `hrefs[n]`), so the result does not depend on which
 * pages exist and can be cached and computed in a worker; `linkParts` puts the
 * resolved URLs in.
 */
export interface BodyResult {
  outline: Outline;
  parts?: BodyPart[];
  hrefs?: string[];
  /** Each Markdown field of the front matter, rendered the same way. */
  markdown?: RenderedMarkdown[];
}

/** Markdown rendered with link tokens: the HTML parts and the link targets the tokens stand for. */
export interface RenderedMarkdown {
  parts: BodyPart[];
  hrefs: string[];
}

/** Turns an expanded tree into HTML parts and their link targets (`renderWithTokens`). */
export type TreeRenderer = (tree: Root) => RenderedMarkdown;

/** Parses a body once, with `parser`, and derives its outline and, given a renderer, its HTML from the one tree. */
export function analyzeBody(input: BodyInput, parser: MarkdownParserName, render?: TreeRenderer): BodyResult {
  const tree = parseMarkdown(input.body, parser);
  expandDirectives(tree, input.titles);
  const outline = outlineOf(tree, input.body);
  const fields = input.markdown.map((markdown) => parseMarkdown(markdown, parser));
  if (fields.length > 0) {
    const outlines = fields.map((field, k) => outlineOf(field, input.markdown[k]));
    outline.markdownLinks = outlines.map((o) => o.links);
    if (outlines.some((o) => o.migration)) outline.markdownMigration = outlines.map((o) => o.migration ?? []);
  }
  return render ? { outline, ...render(tree), markdown: fields.map(render) } : { outline };
}

/** A token as the whole value of an `href` or `src` attribute: text an editor typed never matches. */
const TOKEN = /(?<=(?:href|src)=")\uE000(\d+)\uE001(?=")/g;

/** Replaces each link token `n` with `urls[n]`, escaped for an attribute value. */
export function linkParts(parts: readonly BodyPart[], urls: readonly string[]): BodyPart[] {
  return parts.map((part) => ('html' in part ? { html: part.html.replace(TOKEN, (_, i: string) => escapeAttribute(urls[Number(i)] ?? '')) } : part));
}

/** The HTML of parts that hold no record cards (a Markdown field of the front matter). */
export function htmlOf(parts: readonly BodyPart[]): string {
  return parts.map((part) => ('html' in part ? part.html : '')).join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}
