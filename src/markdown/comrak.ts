import type { Root } from 'mdast';
import { createRequire } from 'node:module';
import type { Options } from 'comrak';
import { toMdast } from './comrak-mdast.js';

/** CommonMark with what remark-gfm adds: strikethrough, tables, autolink literals, task lists, footnotes. */
const OPTIONS: Options = {
  extension: { strikethrough: true, table: true, autolink: true, tasklist: true, footnotes: true },
  // remark keeps footnote definitions where they are written, referenced or not.
  parse: { leaveFootnoteDefinitions: true },
};

/**
 * Loads comrak (Rust, compiled to WebAssembly, instantiated as the module
 * loads) and returns its parser, giving remark's trees. Loaded with require()
 * rather than imported, so that a WebAssembly that cannot be compiled (Node
 * run with --jitless, too little memory) throws here, where the caller falls
 * back to remark, instead of failing every module that imports this one.
 */
export function loadComrak(): (body: string) => Root {
  const comrak = createRequire(import.meta.url)('comrak') as typeof import('comrak');
  return (body) => toMdast(comrak.parseMarkdown(body, OPTIONS), body);
}
