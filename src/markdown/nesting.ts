/** Deeper than any reader follows: beyond it, Markdown parsers take time that grows much faster than the text. */
export const MAX_NESTING = 32;

/** Where a body nests too deep, and how deep. */
export interface TooDeep {
  what: 'blockquotes' | 'brackets';
  depth: number;
  /** 1-based, within the body. */
  line: number;
  column: number;
}

/**
 * The first place a body nests blockquotes or brackets deeper than
 * `MAX_NESTING`, found in one pass: such a body (a line of 100,000 `>`) would
 * keep the parser busy for minutes, so it is reported instead of parsed.
 */
export function tooDeep(body: string): TooDeep | undefined {
  let line = 1;
  let lineStart = 0;
  let brackets = 0;
  let quotes = 0;
  let atLineStart = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      quotes = 0;
      // A blank line ends a paragraph, and with it any bracket left open.
      if (body[i + 1] === '\n') brackets = 0;
      continue;
    }
    if (atLineStart && ch === '>') {
      if (++quotes > MAX_NESTING) return { what: 'blockquotes', depth: quotes, line, column: i - lineStart + 1 };
      continue;
    }
    if (ch !== ' ' && ch !== '\t') atLineStart = false;
    if (ch === '\\') i++;
    else if (ch === '[' && ++brackets > MAX_NESTING) return { what: 'brackets', depth: brackets, line, column: i - lineStart + 1 };
    else if (ch === ']' && brackets > 0) brackets--;
  }
  return undefined;
}
