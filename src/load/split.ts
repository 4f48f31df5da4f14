import matter from 'gray-matter';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Front matter larger than this is refused before parsing. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

/** A page split into its YAML source and its Markdown body. */
export interface SplitSource {
  /**
   * The YAML between the fences, starting with the newline that ends the opening
   * fence, so that its line and column numbers are the file's own.
   */
  yaml: string;
  body: string;
  /** Offset of the body in the decoded text; its line is `bodyLine` (1-based). */
  bodyOffset: number;
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?$/;

const refuse = (): never => {
  // Unreachable while the opening fence is checked first; kept so no engine of gray-matter can ever run.
  throw new Error('okr-handbook only reads YAML front matter');
};

/**
 * Every language gray-matter knows is mapped to a refusal, and YAML to a no-op:
 * the YAML is parsed by our own strict parser from `matter`.
 */
const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  delimiters: '---',
  engines: {
    yaml: { parse: () => ({}), stringify: refuse },
    js: { parse: refuse, stringify: refuse },
    javascript: { parse: refuse, stringify: refuse },
    json: { parse: refuse, stringify: refuse },
    coffee: { parse: refuse, stringify: refuse },
    coffeescript: { parse: refuse, stringify: refuse },
    toml: { parse: refuse, stringify: refuse },
  },
} as const;

/**
 * Splits a decoded page into front matter and body. Anything that a front-matter
 * parser would silently treat as body text (and so publish raw, internal values
 * included) is a diagnostic instead.
 */
export function splitFrontMatter(file: string, text: string): SplitSource | { diagnostic: Diagnostic } {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const at = { file, line: 1, column: 1 };

  if (!FENCE.test(firstLine)) {
    if (firstLine.startsWith('---')) {
      const rest = firstLine.slice(3).replace(/\r$/, '');
      if (/^[A-Za-z]/.test(rest.trim()) && !rest.includes('\r')) {
        return {
          diagnostic: diagnostic('frontmatter/language', { ...at, column: 4 }, { language: rest.trim() }),
        };
      }
      return { diagnostic: diagnostic('frontmatter/fence', at, rest.includes('\r') ? { kind: 'cr-only' } : { kind: 'opening', found: firstLine.trimEnd() }) };
    }
    const late = lateFence(text);
    if (late) {
      return {
        diagnostic: diagnostic('frontmatter/not-at-start', { file, ...late }),
      };
    }
    return {
      diagnostic: diagnostic('frontmatter/missing', at),
    };
  }

  const close = closingFence(text, firstBreak);
  if (close === -1) {
    return {
      diagnostic: diagnostic('frontmatter/unclosed', at),
    };
  }
  if (Buffer.byteLength(text.slice(0, close)) > MAX_FRONT_MATTER_BYTES) {
    return {
      diagnostic: diagnostic('frontmatter/too-large', at, { limit: MAX_FRONT_MATTER_BYTES }),
    };
  }

  const stray = strayFence(text, firstBreak, close);
  if (stray) {
    return {
      diagnostic: diagnostic('frontmatter/fence', { file, ...stray }, { kind: 'inside' }),
    };
  }

  const parsed = matter(text, GRAY_MATTER_OPTIONS as Parameters<typeof matter>[1]);
  const bodyOffset = text.length - parsed.content.length;
  return {
    // gray-matter cuts at the `\n` of the closing fence, leaving a CRLF file's last `\r`.
    yaml: parsed.matter.replace(/\r$/, ''),
    body: parsed.content,
    bodyOffset,
    bodyLine: countLines(text, bodyOffset),
  };
}

/** Offset of the first closing fence line after the opening one, or -1. */
function closingFence(text: string, from: number): number {
  let start = from + 1;
  while (start > 0 && start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    if (FENCE.test(line)) return start;
    if (end === -1) return -1;
    start = end + 1;
  }
  return -1;
}

/** A line between the fences that starts with `---`: gray-matter would take it as the closing fence. */
function strayFence(text: string, from: number, close: number): { line: number; column: number } | undefined {
  const inside = text.slice(from + 1, close);
  const at = inside.search(/^---/m);
  return at === -1 ? undefined : { line: countLines(text, from + 1 + at), column: 1 };
}

/** Where a `---` fence sits after only blank lines or leading spaces, if it does. */
function lateFence(text: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (line.trim() === '---') return { line: i + 1, column: line.indexOf('-') + 1 };
    return undefined;
  }
  return undefined;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
