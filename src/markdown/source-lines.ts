import type { Point, Position } from 'unist';

/** A place as comrak gives it: 1-based line, 1-based column in UTF-8 bytes. */
export interface LineColumn {
  line: number;
  column: number;
}

/** comrak's span of a node: both ends inclusive; an end at column 0 is the end of the line before. */
export interface Sourcepos {
  start: LineColumn;
  end: LineColumn;
}

/**
 * The lines of a body (split at `\n`: bodies with a `\r` never reach comrak),
 * to turn comrak's places into unist points: 1-based line, 1-based column and
 * 0-based offset in UTF-16 code units, as JavaScript strings and remark count.
 */
export class SourceLines {
  /** The offset at which each line starts. */
  readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** The offset at which `line` starts. */
  start(line: number): number {
    return this.starts[line - 1]!;
  }

  /** The text of a line, without its line ending. */
  text(line: number): string {
    return this.source.slice(this.start(line), line < this.count ? this.start(line + 1) - 1 : this.source.length);
  }

  /** The point at the 0-based UTF-16 `column` of `line`. */
  point(line: number, column: number): Point {
    return { line, column: column + 1, offset: this.start(line) + column };
  }

  /** A comrak span as a unist position. */
  position(span: Sourcepos): Position {
    const { start, end } = span;
    const from = this.point(start.line, this.utf16(start.line, start.column - 1));
    // An end at column 0 is the end of the line before; otherwise the end is inclusive: the point after its last byte.
    if (end.column === 0 && end.line > 1) return { start: from, end: this.point(end.line - 1, this.text(end.line - 1).length) };
    return { start: from, end: this.point(end.line, this.utf16(end.line, end.column)) };
  }

  /** The UTF-16 column of the character that starts at UTF-8 byte `byte` of `line` (or of the line's end). */
  private utf16(line: number, byte: number): number {
    if (line < 1 || line > this.count) return byte;
    const start = this.start(line);
    const end = line < this.count ? this.start(line + 1) : this.source.length;
    // Most lines are ASCII up to the column, where bytes and code units are one.
    let ascii = true;
    for (let i = start; i < end && i <= start + byte; i++) {
      if (this.source.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return byte;
    let bytes = 0;
    let units = 0;
    while (bytes < byte && start + units < end) {
      const c = this.source.codePointAt(start + units)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      units += c >= 0x10000 ? 2 : 1;
    }
    return units;
  }
}
