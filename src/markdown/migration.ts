import type { Nodes } from 'mdast';
import type { Node } from 'unist';

/** What a handbook migrated from Jekyll (or Eleventy) holds that this one prints as text or drops. */
export type MigrationKind = TemplateKind | 'raw-html';

/** Kinds of template syntax: Liquid and Nunjucks tags, and kramdown's attribute lists. */
export type TemplateKind = 'include' | 'baseurl' | 'output' | 'tag' | 'comment' | 'toc' | 'attributes' | 'heading-id';

/** One such thing in a body, at its place (1-based, body-relative): `text` is what was written. */
export interface MigrationFinding {
  kind: MigrationKind;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Liquid/Nunjucks output and tags, comments, then kramdown's attribute lists (`{:toc}`, `{: .class}`, `{::options}`). */
const TEMPLATE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|\{::?[^{}\n]*\}/g;
/** A kramdown heading id, at the end of a heading's text. */
const HEADING_ID = /[ \t]\{#[A-Za-z][\w:.-]*\}[ \t#]*$/;

/** Whether a URL holds template syntax (`{{ site.baseurl }}/x`, also percent-encoded): it cannot be resolved, and is never written as a link. */
export function holdsTemplateSyntax(url: string): boolean {
  return /\{\{|\{%|%7B%7B|%7B%25/i.test(url);
}

function templateKind(text: string): TemplateKind {
  if (text.startsWith('{#')) return 'comment';
  if (text.startsWith('{:')) return /^\{:\s*toc\s*\}$/i.test(text) ? 'toc' : 'attributes';
  const inner = text.slice(2, -2).replace(/^-|-$/g, '').trim();
  if (text.startsWith('{{')) return /^site\.(baseurl|url)\b|\|\s*(relative_url|absolute_url)\b/.test(inner) ? 'baseurl' : 'output';
  return /^include(_relative)?\b/.test(inner) ? 'include' : 'tag';
}

/**
 * What a body node holds that a migrated handbook carries over and this one
 * does not render: template syntax in text, link targets and raw HTML, and
 * raw HTML itself (dropped; comments are meant to vanish, and a closing tag
 * goes with its opening one). Read from the source, so each place is exact.
 * Code (fenced or inline) is left alone: there it is meant as text.
 */
export function migrationFindings(node: Nodes, source: string): MigrationFinding[] {
  // Our record placeholders have no place in the source; every node the parser made has one.
  const { position } = node as Node;
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const found: MigrationFinding[] = [];
  const at = (offset: number, text: string, kind: MigrationKind) => {
    const from = positionOf(source, offset);
    const to = positionOf(source, offset + text.length);
    found.push({ kind, text, line: from.line, column: from.column, endLine: to.line, endColumn: to.column });
  };
  const scan = (from: number, to: number) => {
    for (const match of source.slice(from, to).matchAll(TEMPLATE)) at(from + match.index, match[0], templateKind(match[0]));
  };
  if (node.type === 'html') {
    const tag = /^<([A-Za-z][A-Za-z0-9-]*)[^>]*>?/.exec(node.value);
    if (tag) at(start, tag[0], 'raw-html');
    scan(start, end);
  } else if (node.type === 'text') scan(start, end);
  else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && holdsTemplateSyntax(node.url)) {
    // Only the target: the link's text is a child of its own.
    const target = source.lastIndexOf(node.type === 'definition' ? ']:' : '](', end);
    scan(target > start ? target : start, end);
  } else if (node.type === 'heading') {
    const last = node.children.at(-1);
    const id = last?.type === 'text' && last.position?.end.offset !== undefined ? HEADING_ID.exec(source.slice(start, last.position.end.offset)) : null;
    if (id) at(start + id.index + 1, id[0].trim().replace(/[ \t#]+$/, ''), 'heading-id');
  }
  return found;
}

/** The 1-based line and column of an offset in a text. */
function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
