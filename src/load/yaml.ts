import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import type { Anchor, Location, Locator } from '../diagnostics/location.js';

/** Keys that would pollute `Object.prototype` once the data reaches JavaScript merges. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parsed front matter: plain data plus what is needed to point back into the file. */
export interface ParsedYaml {
  data: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * Parses front matter with the `yaml` package: YAML 1.2 core schema, unique keys,
 * no merge keys, and then refuses anchors, aliases, explicit tags, forbidden keys
 * and integers that JavaScript cannot hold exactly. Nothing is converted to data
 * until the tree has passed those checks.
 */
export function parseYaml(file: string, source: string): ParsedYaml | { diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: true,
    customTags: [],
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };

  const problems = [...doc.errors, ...doc.warnings].map((err) => fromYamlError(file, source, err, at));
  if (problems.length > 0) return { diagnostics: problems };

  visit(doc, (_key, node, ancestry) => {
    const where = (n: { range?: [number, number, number] | null }) => at(n.range?.[0] ?? 0);
    const path = formatPath(pathOf(ancestry, node));
    if (isAlias(node)) {
      problems.push(diagnostic('yaml/alias', { ...where(node), path }, { alias: node.source }));
      return;
    }
    if (isPair(node) && isScalar(node.key)) {
      const name = String(node.key.value);
      const keyPath = path === '' ? name : `${path}.${name}`;
      if (name === '<<') {
        problems.push(diagnostic('yaml/merge-key', { ...where(node.key), path: keyPath }));
      } else if (FORBIDDEN_KEYS.has(name)) {
        problems.push(diagnostic('yaml/forbidden-key', { ...where(node.key), path: keyPath }, { key: name }));
      }
      return;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) {
        problems.push(diagnostic('yaml/alias', { ...where(node), path }, { anchor: node.anchor }));
      }
      if (node.tag) {
        problems.push(diagnostic('yaml/tag', { ...where(node), path }, { tag: node.tag }));
      }
      if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
        problems.push(diagnostic('yaml/unsafe-number', { ...where(node), path }, { integer: String(node.source ?? node.value) }));
      }
    }
  });
  if (problems.length > 0) return { diagnostics: problems };

  return { data: doc.toJS({ maxAliasCount: 0 }), doc, lineCounter };
}

/** What an unclosed construct opens with, from the parser's message about its missing end. */
function openerOf(message: string): string | undefined {
  if (/Missing closing "quote/.test(message)) return '"';
  if (/Missing closing 'quote/.test(message)) return "'";
  if (/^Flow sequence/.test(message)) return '[';
  if (/^Flow mapping/.test(message)) return '{';
  return undefined;
}

function fromYamlError(file: string, source: string, err: YAMLError, at: (offset: number) => { file: string; line: number; column: number }): Diagnostic {
  const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // The parser notices an unclosed quote or bracket where it gives up; the editor needs the place it was opened.
  const opener = openerOf(message);
  const opened = opener === undefined ? -1 : source.lastIndexOf(opener, err.pos[0] - 1);
  const place = opened !== -1 ? at(opened) : err.linePos ? { file, line: err.linePos[0].line, column: err.linePos[0].col } : at(err.pos[0]);
  switch (err.code) {
    case 'DUPLICATE_KEY':
      return diagnostic('yaml/duplicate-key', place, { message });
    case 'TAG_RESOLVE_FAILED':
      return diagnostic('yaml/tag', place, { message });
    case 'BAD_ALIAS':
      return diagnostic('yaml/alias', place, { message });
    default:
      return diagnostic('yaml/syntax', place, { message, tab: err.code === 'TAB_AS_INDENT' });
  }
}

/** The data path of a node, from the ancestry `visit` gives. */
function pathOf(ancestry: readonly unknown[], node: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = [...ancestry, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
    else if (isPair(parent) && child === parent.value && isScalar(parent.key)) path.push(String(parent.key.value));
  }
  return path;
}


/** The place of every value and key of a document, by data path; plain data, so it can be cached. */
export interface Positions {
  values: [string, Location][];
  keys: [string, Location][];
}

/**
 * Indexes the place of every key and value of a parsed document once, so the
 * document itself can be dropped (a handbook keeps thousands of pages in memory).
 */
export function indexPositions(parsed: Pick<ParsedYaml, 'doc' | 'lineCounter'>): Positions {
  const values = new Map<string, Location>();
  const keys = new Map<string, Location>();
  const place = (range: readonly number[] | null | undefined, node?: unknown): Location => {
    const start = parsed.lineCounter.linePos(range?.[0] ?? 0);
    const end = parsed.lineCounter.linePos(range?.[1] ?? range?.[0] ?? 0);
    const location: Location = { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
    if (isScalar(node) && typeof node.source === 'string') location.source = node.source;
    return location;
  };
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const at = `${path}\u0000${String(pair.key.value)}`;
        const value = pair.value as Node | null;
        keys.set(at, place(pair.key.range));
        values.set(at, value?.range ? place(value.range, value) : place(pair.key.range));
        walk(value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const at = `${path}\u0000${i}`;
        values.set(at, place((item as Node).range, item));
        walk(item, at);
      });
    }
  };
  values.set('', place(parsed.doc.contents?.range));
  walk(parsed.doc.contents, '');
  return { values: [...values], keys: [...keys] };
}

/**
 * Finds the place of a data path in indexed positions; when the path goes
 * further than the document (a missing key), the deepest existing node is used,
 * without `source`.
 */
export function locatorOf(positions: Positions): Locator {
  const values = new Map(positions.values);
  const keys = new Map(positions.keys);
  return (path, anchor = 'value') => {
    for (let n = path.length; n >= 0; n--) {
      const at = path.slice(0, n).map((seg) => `\u0000${String(seg)}`).join('');
      const hit = (n === path.length && anchor === 'key' ? keys.get(at) : undefined) ?? values.get(at);
      if (hit) return n === path.length ? hit : { line: hit.line, column: hit.column, endLine: hit.endLine, endColumn: hit.endColumn };
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  };
}
