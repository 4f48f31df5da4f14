import type { AST, ASTNode } from 'comrak';
import type { FootnoteDefinition, Heading, Image, ImageReference, Link, LinkReference, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Position } from 'unist';
import { type ContainerLine, readDefinitions } from './link-definitions.js';
import { SourceLines } from './source-lines.js';

/** The kinds of comrak node that hold other blocks behind markers, whose lines `containerLines` strips. */
const CONTAINERS = new Set(['BlockQuote', 'Item', 'TaskItem', 'FootnoteDefinition']);

/** A node's kind (`Paragraph`, `Heading`, …) and the data of its kind, if any: comrak writes `"Paragraph"` or `{ "Heading": { … } }`. */
function kindOf(node: ASTNode): [kind: string, value: unknown] {
  const value = node.data.value as string | Record<string, unknown>;
  if (typeof value === 'string') return [value, undefined];
  for (const kind in value) return [kind, value[kind]];
  throw new Error('comrak gave a node of no kind');
}

/** An identifier as remark makes it from a label: whitespace collapsed, case folded. */
const identifierOf = (label: string) => normalizeIdentifier(label).toLowerCase();

/**
 * Turns comrak's tree of `source` into the mdast remark-parse + remark-gfm give
 * for it, positions included (test/markdown/parser-differential.test.ts holds
 * the differences left). comrak's tree is a flat array of nodes linked by
 * index, placed by line and UTF-8 byte column with no offsets; it merges no
 * text, drops link reference definitions and ends containers elsewhere than
 * remark does: each of those is made up for here.
 */
export function toMdast(ast: AST, source: string): Root {
  const nodes = ast.nodes as readonly ASTNode[];
  const lines = new SourceLines(source);
  const node = (i: number) => nodes[i]!;
  // comrak places every node it parses (the optional `sourcepos` is for trees built by hand).
  const span = (i: number) => node(i).data.sourcepos!;
  const pos = (i: number) => lines.position(span(i));

  const childrenOf = (i: number): number[] => {
    const out: number[] = [];
    for (let c = node(i).first_child; c !== undefined; c = node(c).next_sibling) out.push(c);
    return out;
  };

  /** The text of an image's description, its `alt`. */
  const plain = (i: number): string => {
    let s = '';
    for (const c of childrenOf(i)) {
      const [kind, value] = kindOf(node(c));
      if (kind === 'Text' || kind === 'HtmlInline') s += value as string;
      else if (kind === 'SoftBreak' || kind === 'LineBreak') s += '\n';
      else if (kind === 'Code') s += (value as AST.Code).literal;
      else s += plain(c);
    }
    return s;
  };

  /** Phrasing children, a run of text and soft breaks merged into one text node as remark has it. */
  const inline = (i: number): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let run: Text | undefined;
    for (const c of childrenOf(i)) {
      const [kind, value] = kindOf(node(c));
      if (kind !== 'Text' && kind !== 'SoftBreak') {
        run = undefined;
        out.push(convert(c) as PhrasingContent);
        continue;
      }
      const position = pos(c);
      // remark's soft break ends after its line ending, at the start of the next line.
      if (kind === 'SoftBreak') position.end = lines.point(position.end.line + 1, 0);
      const text = kind === 'Text' ? (value as string) : '\n';
      // Text that starts with an escaped character starts at its backslash in remark, after it in comrak.
      if (!run && source[position.start.offset! - 1] === '\\' && text[0] === source[position.start.offset!] && /^[!-/:-@[-`{-~]/.test(text)) {
        position.start = lines.point(position.start.line, position.start.column - 2);
      }
      if (run) {
        run.value += text;
        run.position!.end = position.end;
      } else out.push((run = { type: 'text', value: text, position }));
    }
    return out;
  };

  /** Block children, with the link reference definitions comrak dropped put back where they were written. */
  const blocks = (i: number): RootContent[] => {
    const out: RootContent[] = [];
    let line = span(i).start.line;
    // Lines no child covers hold definitions (or nothing).
    const gap = (from: number, to: number) => {
      if (to > from) out.push(...readDefinitions(containerLines(i, from, to), lines));
    };
    for (const k of childrenOf(i)) {
      const kspan = span(k);
      gap(line, kspan.start.line);
      line = Math.max(line, kspan.end.line + 1);
      const [kind, value] = kindOf(node(k));
      const paragraph = kind === 'Paragraph' || (kind === 'Heading' && (value as AST.Heading).setext) ? definitionsThenParagraph(k) : undefined;
      if (paragraph) out.push(...paragraph);
      else out.push(convert(k) as RootContent);
    }
    gap(line, span(i).end.line + 1);
    return out;
  };

  /**
   * Definitions at the start of a paragraph (or of a setext heading's text),
   * which comrak counts in the paragraph, and the paragraph after them;
   * undefined when it starts with none.
   */
  const definitionsThenParagraph = (k: number): RootContent[] | undefined => {
    const kspan = span(k);
    if (source.charCodeAt(pos(k).start.offset!) !== 0x5b /* [ */) return undefined;
    const definitions = readDefinitions(containerLines(k, kspan.start.line, kspan.end.line + 1), lines, true);
    if (definitions.length === 0) return undefined;
    const paragraph = convert(k) as Paragraph | Heading;
    // comrak places the paragraph's inlines as if the definitions were not there: they move down below them.
    shiftLines(paragraph.children, definitions.at(-1)!.position!.end.line - kspan.start.line + 1, lines);
    // A paragraph starts after them in remark, a heading where they start.
    if (paragraph.type === 'paragraph') paragraph.position!.start = { ...(paragraph.children[0]?.position?.start ?? paragraph.position!.start) };
    return [...definitions, paragraph];
  };

  /** Lines [from, to) as the blocks in node `i` see them: without the markers and indentation of the containers around them. */
  const containerLines = (i: number, from: number, to: number): ContainerLine[] => {
    const chain: number[] = [];
    for (let a: number | undefined = i; a !== undefined; a = node(a).parent) if (CONTAINERS.has(kindOf(node(a))[0])) chain.unshift(a);
    const out: ContainerLine[] = [];
    for (let l = from; l < to && l <= lines.count; l++) {
      const text = lines.text(l);
      let column = 0;
      for (const a of chain) {
        const [kind, value] = kindOf(node(a));
        const first = l === span(a).start.line;
        if (kind === 'BlockQuote') column += /^ {0,3}> ?/.exec(text.slice(column))?.[0].length ?? 0;
        else if (kind === 'FootnoteDefinition') column += (first ? /^ {0,3}\[\^[^\]]*\]:[ \t]*/ : /^ {0,4}/).exec(text.slice(column))?.[0].length ?? 0;
        else {
          // A list item: its marker and padding on its first line, up to as many spaces on the others.
          const item = value as Partial<AST.List> | undefined;
          const width = (item?.marker_offset ?? 0) + (item?.padding ?? 2);
          column += first ? width : /^ */.exec(text.slice(column, column + width))![0].length;
        }
      }
      out.push({ line: l, column, text: text.slice(column) });
    }
    return out;
  };

  /** A link or an image: a reference when its source ends in `]` (full, collapsed or shortcut), as remark keeps them. */
  const linkOrImage = (c: number, image: boolean): Link | LinkReference | Image | ImageReference => {
    const { url, title } = kindOf(node(c))[1] as AST.Link;
    const position = pos(c);
    // An image's description too: where it ends tells where its closing bracket is.
    const children = inline(c);
    if (source[position.end.offset! - 1] === ']') {
      const open = image ? 2 : 1;
      // The text's closing bracket: the first `]` after its last child.
      const last = children.at(-1);
      const close = source.indexOf(']', last?.position ? last.position.end.offset : position.start.offset! + open);
      const rest = source.slice(close + 1, position.end.offset);
      const referenceType = rest === '' ? 'shortcut' : rest === '[]' ? 'collapsed' : 'full';
      const label = referenceType === 'full' ? rest.slice(1, -1) : source.slice(position.start.offset! + open, close);
      const reference = { identifier: identifierOf(label), label: decodeString(label), referenceType, position } as const;
      return image ? { type: 'imageReference', alt: plain(c), ...reference } : { type: 'linkReference', children, ...reference };
    }
    return image ? { type: 'image', title: title || null, url, alt: plain(c), position } : { type: 'link', title: title || null, url, children, position };
  };

  /** A block that starts where its line starts in its container, its indentation included (an indented code block, an HTML block): comrak starts it after the indentation. */
  const atLineStart = (c: number, position: Position) => {
    const row = containerLines(c, position.start.line, position.start.line + 1)[0];
    if (row) position.start = lines.point(position.start.line, row.column);
  };
  /** The end of a line, where remark ends blocks that comrak ends short of it (an indented code block, an HTML block in a container). */
  const lineEnd = (line: number) => lines.point(line, lines.text(line).length);

  /** remark's item and list are spread when a blank line separates two of their children. */
  const spread = (children: readonly { position?: Position | undefined }[]) => children.some((child, j) => j > 0 && child.position!.start.line - children[j - 1]!.position!.end.line > 1);

  function convert(c: number): RootContent | Root {
    const [kind, value] = kindOf(node(c));
    const position = pos(c);
    switch (kind) {
      case 'Document':
        // The root spans the whole body, trailing blank lines too.
        return { type: 'root', children: blocks(c), position: { start: lines.point(1, 0), end: lines.point(lines.count, lines.text(lines.count).length) } };
      case 'Paragraph':
        return { type: 'paragraph', children: inline(c), position };
      case 'Heading':
        return { type: 'heading', depth: (value as AST.Heading).level as 1, children: inline(c), position };
      case 'ThematicBreak':
        return { type: 'thematicBreak', position };
      case 'BlockQuote':
        return { type: 'blockquote', children: blocks(c) as Extract<RootContent, { type: 'blockquote' }>['children'], position };
      case 'List': {
        const list = value as AST.List;
        const children = childrenOf(c).map(convert) as ListItem[];
        // remark ends a list with its last item; comrak sometimes short of it, where a block after the list interrupts it.
        position.end = { ...children.at(-1)!.position!.end };
        return { type: 'list', ordered: list.list_type === 'Ordered', start: list.list_type === 'Ordered' ? list.start : null, spread: spread(children), children, position } satisfies List;
      }
      case 'Item':
      case 'TaskItem': {
        const children = blocks(c) as ListItem['children'];
        const checked = kind === 'TaskItem' ? typeof value === 'string' && value.trim() !== '' : null;
        // remark ends an item at its last content, not at the blank lines after it.
        const end = { ...(children.at(-1)?.position?.end ?? position.end) };
        return { type: 'listItem', spread: spread(children), checked, children, position: { start: position.start, end } } satisfies ListItem;
      }
      case 'CodeBlock': {
        const code = value as AST.CodeBlock;
        let lang: string | null = null;
        let meta: string | null = null;
        if (code.fenced) {
          const info = /^(\S+)(?:[ \t]+([\s\S]*))?$/.exec(code.info.trim());
          if (info) [lang, meta] = [info[1]!, info[2]?.trim() || null];
          // A fence never closed runs to the end of the document in remark, blank lines included.
          if (!code.closed && node(c).parent === 0) position.end = lineEnd(lines.count);
        } else {
          atLineStart(c, position);
          position.end = lineEnd(position.end.line);
        }
        return { type: 'code', lang, meta, value: code.literal.replace(/\n$/, ''), position };
      }
      case 'HtmlBlock':
        atLineStart(c, position);
        position.end = lineEnd(position.end.line);
        return { type: 'html', value: (value as AST.HtmlBlock).literal.replace(/\n$/, ''), position };
      case 'Table':
        return { type: 'table', align: (value as AST.Table).alignments.map((a) => (a === 'None' ? null : (a.toLowerCase() as 'left'))), children: childrenOf(c).map(convert) as TableRow[], position } satisfies Table;
      case 'TableRow':
        return { type: 'tableRow', children: tableCells(c), position };
      case 'TableCell':
        return { type: 'tableCell', children: inline(c), position };
      case 'Text':
        return { type: 'text', value: value as string, position };
      case 'SoftBreak':
        return { type: 'text', value: '\n', position };
      case 'LineBreak': {
        // A break of trailing spaces starts at the first of them in remark, at the last two in comrak.
        let o = position.start.offset!;
        while (source[o - 1] === ' ' || source[o - 1] === '\t') o--;
        return { type: 'break', position: { start: lines.point(position.start.line, position.start.column - 1 - (position.start.offset! - o)), end: lines.point(position.end.line + 1, 0) } };
      }
      case 'Code':
        return { type: 'inlineCode', value: codeSpanValue(value as AST.Code & { num_backticks?: number }, position), position };
      case 'HtmlInline':
        return { type: 'html', value: value as string, position };
      case 'Emph':
        return { type: 'emphasis', children: inline(c), position };
      case 'Strong':
        return { type: 'strong', children: inline(c), position };
      case 'Strikethrough':
        return { type: 'delete', children: inline(c), position };
      case 'Link':
        return linkOrImage(c, false);
      case 'Image':
        return linkOrImage(c, true);
      case 'FootnoteReference': {
        const label = source.slice(position.start.offset! + 2, position.end.offset! - 1);
        return { type: 'footnoteReference', identifier: identifierOf(label), label, position };
      }
      case 'FootnoteDefinition': {
        // The label as written: comrak gives it normalised.
        const label = /^\[\^([^\]]*)\]:/.exec(source.slice(position.start.offset, position.end.offset))?.[1] ?? (value as AST.FootnoteDefinition).name;
        return { type: 'footnoteDefinition', identifier: identifierOf(label), label, children: blocks(c) as FootnoteDefinition['children'], position };
      }
      default:
        // Any other kind belongs to an extension COMRAK_OPTIONS leaves off.
        throw new Error(`comrak gave a ${kind} node, of an extension okr-handbook does not turn on`);
    }
  }

  /** A row's cells as remark places them: comrak's pads short rows with cells written nowhere (ending at column 0), and places each cell without its pipes. */
  function tableCells(row: number): TableCell[] {
    const cells = childrenOf(row)
      .filter((c) => span(c).end.column !== 0)
      .map((c) => convert(c) as TableCell);
    cells.forEach((cell, j) => {
      const p = cell.position!;
      // A cell takes the pipe before it, and the last one the closing pipe too.
      let o = p.start.offset! - 1;
      while (source[o] === ' ' || source[o] === '\t') o--;
      if (source[o] === '|') p.start = { line: p.start.line, column: p.start.column - (p.start.offset! - o), offset: o };
      if (j === cells.length - 1) {
        let e = p.end.offset!;
        while (source[e] === ' ' || source[e] === '\t') e++;
        if (source[e] === '|') p.end = { line: p.end.line, column: p.end.column + (e + 1 - p.end.offset!), offset: e + 1 };
      }
    });
    return cells;
  }

  /** A code span's text; one over several lines is taken from the source, where remark keeps its line endings and comrak makes them spaces. */
  function codeSpanValue(code: AST.Code & { num_backticks?: number }, position: Position): string {
    if (position.start.line === position.end.line) return code.literal;
    const ticks = code.num_backticks ?? 1;
    // Without the container markers at the start of each line.
    const value = source.slice(position.start.offset! + ticks, position.end.offset! - ticks).replace(/\n[ \t]*(?:>[ \t]?)*/g, '\n');
    // One space (or line ending) is stripped from each side when both have one and the span is not all spaces.
    return /^[ \n].*[ \n]$/s.test(value) && /[^ \n]/.test(value) ? value.slice(1, -1) : value;
  }

  return convert(0) as Root;
}

/** Moves every point of `children` (and their descendants) `by` lines down, keeping its column. */
function shiftLines(children: readonly PhrasingContent[], by: number, lines: SourceLines): void {
  for (const child of children) {
    if (child.position) for (const p of [child.position.start, child.position.end]) Object.assign(p, lines.point(p.line + by, p.column - 1));
    if ('children' in child) shiftLines(child.children, by, lines);
  }
}
