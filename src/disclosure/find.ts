import { escapeHtml } from '../html/escape.js';
import type { Secret } from './secrets.js';

/** Where a secret was found in a text: the offset and length of what denotes it there. */
export interface Hit {
  secret: Secret;
  index: number;
  length: number;
  /** The text as written there (`7,391.27` for the secret `7391.27`). */
  found: string;
}

/** HTML escaping as rehype-stringify does it. */
const htmlHex = (s: string) => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/"/g, '&#x22;');

/**
 * The forms a text takes in a file: raw, JSON-escaped, either of those
 * HTML-escaped (JSON printed into a page), and URL-encoded.
 */
export function encodings(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, json].flatMap((form) => [form, escapeHtml(form), htmlHex(form)]).concat(encodeURIComponent(text), encodeURI(text)))];
}

/**
 * Anything written as a number, ASCII or full-width, with the separators
 * inside it (a sentence's full stop after it is not part of it).
 */
const NUMBER_LIKE = /[0-9\uFF10-\uFF19](?:[0-9\uFF10-\uFF19]|[.,\uFF0C\uFF0E](?=[0-9\uFF10-\uFF19]))*/g;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
/** A URL as prose and markup write it: up to the first space, quote or bracket. */
const URL_RUN = /https?:\/\/[^\s"'<>()[\]{}`\\|^]+/gi;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
/** What delimits a run of text that may be one URL or path. */
const RUN_EDGE = /[\s"'<>()[\]{}`]/;

/** The number a text denotes, in one canonical spelling (`4411.50` and `4,411.5` are `4411.5`); none for other text. */
export function canonicalNumber(text: string): string | undefined {
  const ascii = text.normalize('NFKC');
  const plain = THOUSANDS.test(ascii) ? ascii.replace(/,/g, '') : ascii;
  return DECIMAL.test(plain) ? String(Number(plain)) : undefined;
}

/** A URL in one canonical form: scheme, host case, default port and percent-encoding do not matter; none for other text. */
export function canonicalUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text.replace(/&amp;|&#x26;|&#38;/gi, '&'));
    return `${url.host}${safeDecode(url.pathname)}${safeDecode(url.search)}${safeDecode(url.hash)}`.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether a number at `index` is explained by what surrounds it, not by a
 * secret: a part of a URL or path (`http://www.w3.org/2000/svg`,
 * `/issues/217`), of a date (`2024-07-31`), a character reference or a
 * fragment (`&#8211;`, `#2000`).
 */
function numberExplained(text: string, index: number, length: number): boolean {
  const before = text[index - 1];
  const after = text[index + length];
  if (before === '/' || before === '#' || after === '/') return true;
  if (/^-\d\d-\d\d/.test(text.slice(index + length, index + length + 6)) && length === 4) return true;
  let start = index;
  while (start > 0 && !RUN_EDGE.test(text[start - 1]!)) start--;
  const run = text.slice(start, index);
  return run.includes('://') || run.startsWith('www.') || run.startsWith('/');
}

type Trie = Map<string, Trie | null>;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern matching any of `words`, shaped as their trie: with thousands of
 * forms sharing prefixes, one alternative per word makes the engine try them
 * all at every position; a trie tries each character once. Longer words win.
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
 * A finder of `secrets` in any text, each in every spelling that denotes it:
 * a number however it is written (`7,391.27`, `4411.50`, full-width digits),
 * a URL whatever its scheme, host case, default port or percent-encoding,
 * other text raw, HTML-, JSON- or URL-encoded; each as a whole token (not
 * inside a longer word or number), and not where the surroundings explain it
 * (a number inside a URL, a path or a date). The same finder serves `check`
 * (public text) and the build (its output), so they agree.
 */
export function secretFinder(secrets: readonly Secret[]): (text: string) => Hit[] {
  const numbers = new Map<string, Secret>();
  const urls = new Map<string, Secret>();
  const forms = new Map<string, Secret>();
  for (const secret of secrets) {
    const number = canonicalNumber(secret.text);
    const url = canonicalUrl(secret.text);
    if (number !== undefined) {
      if (!numbers.has(number)) numbers.set(number, secret);
      continue;
    }
    if (url !== undefined && !urls.has(url)) urls.set(url, secret);
    for (const form of encodings(secret.text)) if (!forms.has(form)) forms.set(form, secret);
  }
  const other = [...forms.keys()].sort((a, b) => b.length - a.length);
  const pattern = other.length ? new RegExp(trieSource(other), 'g') : undefined;

  return (text) => {
    const hits: Hit[] = [];
    if (numbers.size > 0) {
      for (const match of text.matchAll(NUMBER_LIKE)) {
        const token = match[0];
        const ascii = token.normalize('NFKC');
        // A list written with commas (`1,2,3`) is several numbers; thousands separators make one.
        const parts = THOUSANDS.test(ascii) || !ascii.includes(',') ? [{ part: token, at: 0 }] : splitOnCommas(token);
        for (const { part, at } of parts) {
          const index = match.index + at;
          const number = canonicalNumber(part);
          const secret = number === undefined ? undefined : numbers.get(number);
          if (!secret || isWordChar(text[index + part.length]) || numberExplained(text, index, part.length)) continue;
          hits.push({ secret, index, length: part.length, found: part });
        }
      }
    }
    if (urls.size > 0) {
      for (const match of text.matchAll(URL_RUN)) {
        const run = match[0].replace(/[.,;:!?]+$/, '');
        const url = canonicalUrl(run);
        const secret = url === undefined ? undefined : urls.get(url);
        if (secret) hits.push({ secret, index: match.index, length: run.length, found: run });
      }
    }
    if (pattern) {
      for (const match of text.matchAll(pattern)) {
        const found = match[0];
        const end = match.index + found.length;
        const secret = forms.get(found)!;
        // A URL goes on with any character a URL may hold: an internal URL that begins a public one is not the internal one.
        const runsOn = canonicalUrl(secret.text) !== undefined ? /[\w%./~?#&=+-]/.test(text[end] ?? '') : isWordChar(text[end]) || (text[end] === '.' && /[0-9]/.test(text[end + 1] ?? ''));
        if (isWordChar(text[match.index - 1]) || runsOn) continue;
        // The raw URL was looked for above, in every spelling.
        if (urls.size > 0 && canonicalUrl(found) !== undefined) continue;
        hits.push({ secret, index: match.index, length: found.length, found });
      }
    }
    return hits.sort((a, b) => a.index - b.index);
  };
}

function splitOnCommas(token: string): { part: string; at: number }[] {
  const out: { part: string; at: number }[] = [];
  let at = 0;
  for (const part of token.split(/[,\uFF0C]/)) {
    out.push({ part, at });
    at += part.length + 1;
  }
  return out;
}
