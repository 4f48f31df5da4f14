import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { listFiles } from '../load/read.js';
import type { Canary } from './canaries.js';

/** HTML escaping as Nunjucks does it (backslashes too, which `dump` output contains). */
const htmlNamed = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\\/g, '&#92;');
/** HTML escaping as rehype-stringify does it. */
const htmlHex = (s: string) => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/"/g, '&#x22;');

/**
 * The forms a value takes in a file: raw, JSON-escaped, either of those
 * HTML-escaped (JSON printed into a page), and URL-encoded.
 */
export function encodings(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, json].flatMap((form) => [form, htmlNamed(form), htmlHex(form)]).concat(encodeURIComponent(text), encodeURI(text)))];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all forms, each matched as a whole token. A form that starts
 * with a digit may follow a letter (search indexes run words together: `Goal7413.5`)
 * but not a digit or a decimal point; any form must not run on into a letter or
 * digit (`1000px` is CSS, not the value 1000).
 */
function tokenPattern(forms: readonly string[]): RegExp {
  const alternatives = (list: string[]) => list.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const numeric = forms.filter((f) => /^\p{N}/u.test(f));
  const other = forms.filter((f) => !/^\p{N}/u.test(f));
  const branches = [
    ...(numeric.length ? [`(?<![\\p{N}.])(?:${alternatives(numeric)})`] : []),
    ...(other.length ? [`(?<![\\p{L}\\p{N}_])(?:${alternatives(other)})`] : []),
  ];
  return new RegExp(`(?:${branches.join('|')})(?![\\p{L}\\p{N}_]|\\.\\p{N})`, 'gu');
}

/**
 * Files that are the same in every site, whatever the handbook holds: Pagefind's
 * runtime (its script, worker and WebAssembly). Its index files are scanned.
 */
export const isSearchRuntime = (file: string) => /^pagefind\/(?:pagefind(?:-[a-z]+)*\.js|wasm\.[^/]+\.pagefind)$/.test(file);

/**
 * Searches every file of a built site for every canary in every encoding, as a
 * whole token: not inside a longer word or number, so `2.11` is not found in
 * `12.115`. Gzipped files (search index fragments) are searched decompressed.
 * Returns one diagnostic per (file, canary) found, at the canary's source.
 */
export async function scanForLeaks(dir: string, canaries: readonly Canary[], skip: (file: string) => boolean = () => false): Promise<Diagnostic[]> {
  if (canaries.length === 0) return [];
  const byForm = new Map<string, Canary>();
  for (const canary of canaries) for (const form of encodings(canary.text)) if (!byForm.has(form)) byForm.set(form, canary);
  const pattern = tokenPattern([...byForm.keys()]);

  const diagnostics: Diagnostic[] = [];
  for (const rel of await listFiles(dir, true)) {
    if (skip(rel)) continue;
    const bytes = await readFile(join(dir, rel));
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    const reported = new Set<Canary>();
    for (const match of text.matchAll(pattern)) {
      const canary = byForm.get(match[0]);
      if (!canary || reported.has(canary)) continue;
      reported.add(canary);
      diagnostics.push(
        diagnostic('build/leak', {
          file: canary.file,
          line: canary.line,
          column: canary.column,
          path: canary.path,
          message: `internal value \`${canary.text}\` appears in the public output file \`${rel}\`; nothing was published`,
          hint: 'remove it from the layout or data that prints it, or publish it with a `publish` approval',
        }),
      );
    }
  }
  return diagnostics;
}
