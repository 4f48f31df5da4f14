import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { listFiles } from '../load/read.js';
import { escapeHtml } from '../view/escape.js';
import { type Canary, MIN_CANARY_LENGTH } from './canaries.js';

/** HTML escaping as rehype-stringify does it. */
const htmlHex = (s: string) => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/"/g, '&#x22;');

/**
 * The forms a value takes in a file: raw, JSON-escaped, either of those
 * HTML-escaped (JSON printed into a page), and URL-encoded.
 */
export function encodings(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, json].flatMap((form) => [form, escapeHtml(form), htmlHex(form)]).concat(encodeURIComponent(text), encodeURI(text)))];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number as a whole token: every run of digits and inner decimal points is
 * one. Numbers in YAML and as JavaScript prints them are ASCII.
 */
const NUMBER = /^[0-9]+(?:\.[0-9]+)*$/;
/**
 * Runs of digits and points no shorter than a canary: short numbers (list
 * items, dates' parts, CSS) are most of a page's numbers and never canaries.
 */
const NUMBERS = new RegExp(`[0-9][0-9.]{${MIN_CANARY_LENGTH - 1},}`, 'g');
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

type Trie = Map<string, Trie | null>;

/**
 * A pattern matching any of `words`, shaped as their trie: with thousands of
 * forms sharing prefixes (`https://dashboards…/12`), one alternative per word
 * makes the engine try them all at every `h`; a trie tries each character once.
 * Longer words win over their own prefixes.
 */
function trieSource(words: readonly string[]): string {
  const root: Trie = new Map();
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map()));
      node = next;
    }
    node.set('', null);
  }
  const emit = (node: Trie): string => {
    const branches: string[] = [];
    for (const [ch, child] of node) if (child) branches.push(escapeRegExp(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.has('') ? `(?:${body})?` : body;
  };
  return emit(root);
}

/**
 * Finds the forms in a text, each as a whole token. Numbers, most canaries, are
 * looked up in a set for each number of the text, so the cost does not grow with
 * their count; a number may follow a letter (search indexes run words together:
 * `Goal7413.5`) but not a decimal point, and must not run on into a letter
 * (`1000px` is CSS, not the value 1000). Other forms share one pattern.
 */
function tokenFinder(forms: readonly string[]): (text: string) => string[] {
  const numbers = new Set(forms.filter((f) => NUMBER.test(f)));
  const other = forms.filter((f) => !NUMBER.test(f)).sort((a, b) => b.length - a.length);
  // The token boundaries are checked by hand around each hit, so the pattern stays a plain trie.
  const pattern = other.length ? new RegExp(trieSource(other), 'g') : undefined;
  return (text) => {
    const found: string[] = [];
    if (numbers.size > 0) {
      for (const match of text.matchAll(NUMBERS)) {
        // A sentence's full stop is not part of the number before it.
        const token = match[0].replace(/\.+$/, '');
        if (numbers.has(token) && text[match.index - 1] !== '.' && !isWordChar(text[match.index + match[0].length])) found.push(token);
      }
    }
    if (pattern) {
      for (const match of text.matchAll(pattern)) {
        const end = match.index + match[0].length;
        const runsOn = isWordChar(text[end]) || (text[end] === '.' && /[0-9]/.test(text[end + 1] ?? ''));
        if (!isWordChar(text[match.index - 1]) && !runsOn) found.push(match[0]);
      }
    }
    return found;
  };
}

/**
 * A scanner for `canaries`: it searches every file of a built site (but those
 * `skip` names) for every canary in every encoding, as a whole token: not
 * inside a longer word or number, so `2.11` is not found in `12.115`. Gzipped
 * files (search index fragments) are searched decompressed. It returns one
 * diagnostic per (file, canary) found, at the canary's source. The forms and
 * their pattern are made once, however many scans follow.
 */
export function leakScanner(canaries: readonly Canary[]): (dir: string, skip?: (file: string) => boolean) => Promise<Diagnostic[]> {
  if (canaries.length === 0) return async () => [];
  const byForm = new Map<string, Canary>();
  for (const canary of canaries) for (const form of encodings(canary.text)) if (!byForm.has(form)) byForm.set(form, canary);
  const find = tokenFinder([...byForm.keys()]);

  return async (dir, skip = () => false) => {
    const diagnostics: Diagnostic[] = [];
    for (const rel of await listFiles(dir, { hidden: true })) {
      if (skip(rel)) continue;
      // Synchronous reads: thousands of small files read a dozen times faster than through the thread pool.
      const bytes = readFileSync(join(dir, rel));
      const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
      const reported = new Set<Canary>();
      for (const form of find(text)) {
        const canary = byForm.get(form);
        if (!canary || reported.has(canary)) continue;
        reported.add(canary);
        diagnostics.push(
          diagnostic('build/leak', { file: canary.file, line: canary.line, column: canary.column, path: canary.path }, { value: canary.text, file: rel }),
        );
      }
    }
    return diagnostics;
  };
}
