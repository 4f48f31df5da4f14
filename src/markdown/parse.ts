import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The one Markdown parser (CommonMark + GFM), frozen so no caller can add plugins to it. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses a page body into mdast; positions are relative to the body. */
export function parseMarkdown(body: string): Root {
  return parser.runSync(parser.parse(body)) as Root;
}
