import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { MarkdownParserName } from '../../schemas/config.js';
import { loadComrak } from './comrak.js';

/** remark-parse + remark-gfm: the reference the other parser's trees are tested against, and the fallback. Frozen so no caller can add plugins to it. */
const remark = unified().use(remarkParse).use(remarkGfm).freeze();

/** A Markdown parser as `markdown.parser` chooses it. */
export interface MarkdownParser {
  /** The parser that parses: the one asked for, or remark when comrak could not be loaded. */
  name: MarkdownParserName;
  parse(body: string): Root;
  /** Why comrak could not be loaded, when it was asked for. */
  fallback?: string;
}

const REMARK: MarkdownParser = { name: 'remark', parse: (body) => remark.runSync(remark.parse(body)) as Root };

/** comrak, or remark in its place, once loaded in this thread. */
let comrak: MarkdownParser | undefined;

/**
 * The parser named in the config; comrak is loaded on first use in each
 * thread. When it cannot be loaded, remark parses instead, and `fallback` says
 * why: never an exception.
 */
export function markdownParser(name: MarkdownParserName): MarkdownParser {
  if (name === 'remark') return REMARK;
  if (comrak === undefined) {
    try {
      const parse = loadComrak();
      // Where lines end in `\r\n` or `\r`, comrak's trees are not remark's (its text and code keep no `\r`, its places shift): such a body goes to remark (tested).
      comrak = { name: 'comrak', parse: (body) => (body.includes('\r') ? REMARK.parse(body) : parse(body)) };
    } catch (err) {
      comrak = { ...REMARK, fallback: err instanceof Error ? err.message : String(err) };
    }
  }
  return comrak;
}

/** Parses a page body into mdast (CommonMark + GFM) with the parser `markdown.parser` names; positions are relative to the body. */
export function parseMarkdown(body: string, parser: MarkdownParserName): Root {
  return markdownParser(parser).parse(body);
}
