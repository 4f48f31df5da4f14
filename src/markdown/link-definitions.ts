import type { Definition } from 'mdast';
import type { Point } from 'unist';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { SourceLines } from './source-lines.js';

/** A line of a container (a block quote, a list item) without the container's markers: `text` starts at 0-based UTF-16 column `column` of `line`. */
export interface ContainerLine {
  line: number;
  column: number;
  text: string;
}

/**
 * The link reference definitions at the start of `rows`, and, unless
 * `paragraphStart`, after each blank line too. comrak resolves definitions and
 * keeps none in its tree, but remark does (link checks read their targets):
 * they are read again from the lines comrak's blocks leave uncovered, or from
 * the start of a paragraph, where comrak counts them in.
 */
export function readDefinitions(rows: readonly ContainerLine[], lines: SourceLines, paragraphStart = false): Definition[] {
  if (rows.length === 0) return [];
  const text = rows.map((r) => r.text).join('\n');
  const rowStarts: number[] = [];
  let at = 0;
  for (const row of rows) {
    rowStarts.push(at);
    at += row.text.length + 1;
  }
  const point = (offset: number): Point => {
    let i = rowStarts.length - 1;
    while (i > 0 && rowStarts[i]! > offset) i--;
    const row = rows[i]!;
    return lines.point(row.line, row.column + offset - rowStarts[i]!);
  };
  const out: Definition[] = [];
  let p = 0;
  while (p < text.length) {
    const found = definitionAt(text, p);
    if (found) {
      out.push({
        type: 'definition',
        identifier: normalizeIdentifier(found.label).toLowerCase(),
        label: decodeString(found.label),
        title: found.title === null ? null : decodeString(found.title),
        url: decodeString(found.url),
        position: { start: point(found.start), end: point(found.end) },
      });
      p = found.next;
      continue;
    }
    if (paragraphStart) break;
    const newline = text.indexOf('\n', p);
    if (newline === -1) break;
    p = newline + 1;
  }
  return out;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

interface Found {
  /** Where the definition starts and ends in the text, and where the next line starts. */
  start: number;
  end: number;
  next: number;
  /** As written: escapes and character references not yet decoded. */
  label: string;
  url: string;
  title: string | null;
}

/** The definition that starts at the start of a line `p` of `s` (CommonMark 4.7), or null. */
function definitionAt(s: string, p: number): Found | null {
  let i = p;
  for (let n = 0; s[i] === ' ' && n < 3; n++) i++;
  if (s[i] !== '[') return null;
  const start = i;
  const labelStart = ++i;
  while (i < s.length && s[i] !== ']') {
    if (s[i] === '\\' && i + 1 < s.length) {
      i += 2;
      continue;
    }
    if (s[i] === '[' || (s[i] === '\n' && s[i + 1] === '\n')) return null;
    i++;
  }
  if (s[i] !== ']' || i - labelStart > 999) return null;
  const label = s.slice(labelStart, i);
  if (label.trim() === '' || s[i + 1] !== ':') return null;
  i += 2;
  // Spaces with at most one line ending before the destination.
  for (let newlines = 0; isSpace(s[i]) || (s[i] === '\n' && newlines++ === 0); ) i++;
  let url: string;
  if (s[i] === '<') {
    let j = i + 1;
    while (j < s.length && s[j] !== '>') {
      if (s[j] === '\\' && j + 1 < s.length) {
        j += 2;
        continue;
      }
      if (s[j] === '\n' || s[j] === '<') return null;
      j++;
    }
    if (s[j] !== '>') return null;
    url = s.slice(i + 1, j);
    i = j + 1;
  } else {
    let j = i;
    let depth = 0;
    while (j < s.length) {
      const c = s[j]!;
      if (c === '\\' && j + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[j + 1]!)) {
        j += 2;
        continue;
      }
      if (c <= ' ' || c === '\x7f') break;
      if (c === '(' && ++depth > 32) return null;
      if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (j === i || depth !== 0) return null;
    url = s.slice(i, j);
    i = j;
  }
  const urlEnd = i;
  let lineEnd = i;
  while (isSpace(s[lineEnd])) lineEnd++;
  const urlEndsLine = lineEnd >= s.length || s[lineEnd] === '\n';
  // A title, after spaces with at most one line ending.
  let t = i;
  let separated = false;
  for (let newlines = 0; isSpace(s[t]) || (s[t] === '\n' && newlines++ === 0); t++) separated = true;
  const open = s[t];
  if (separated && (open === '"' || open === "'" || open === '(')) {
    const close = open === '(' ? ')' : open;
    let j = t + 1;
    let closed = false;
    while (j < s.length) {
      if (s[j] === '\\' && j + 1 < s.length) {
        j += 2;
        continue;
      }
      if (s[j] === close) {
        closed = true;
        break;
      }
      // A title holds no blank line, and a parenthesised one no unescaped '('.
      if ((open === '(' && s[j] === '(') || (s[j] === '\n' && /^\n[ \t]*(\n|$)/.test(s.slice(j, j + 80)))) break;
      j++;
    }
    if (closed) {
      let k = j + 1;
      while (isSpace(s[k])) k++;
      if (k >= s.length || s[k] === '\n') return { start, end: j + 1, next: k + 1, label, url, title: s.slice(t + 1, j) };
    }
  }
  // No title (or one with more on its line): the definition ends at its destination, if nothing follows on that line.
  return urlEndsLine ? { start, end: urlEnd, next: lineEnd + 1, label, url, title: null } : null;
}
