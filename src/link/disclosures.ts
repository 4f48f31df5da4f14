import { PageSchema } from '../../schemas/page.js';
import type { PublishedFields } from '../../schemas/walk.js';
import { nodes } from '../../schemas/walk.js';
import { cause, diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { readableTexts } from '../disclosure/decode.js';
import type { Hit } from '../disclosure/find.js';
import type { Page } from '../pages/page.js';
import type { Secret } from '../disclosure/secrets.js';
import { cacheKey } from '../cache/store.js';

/** A file of static/, as read by the load stage. */
export interface StaticFile {
  /** Relative to the root, `/`-separated. */
  file: string;
  bytes: Uint8Array;
}

/** Finds secrets in a text (`secretFinder`). */
export type Find = (text: string) => Hit[];

/** A hit as the cache keeps it: its secret by place in the list of secrets the key names. */
export interface StoredHit {
  secret: number;
  index: number;
  length: number;
  found: string;
}

/** Where the hits of earlier runs are kept, by text and secrets (a `CacheFile`). */
export interface HitMemo {
  get(key: string): StoredHit[] | undefined;
  set(key: string, hits: StoredHit[]): void;
}

/**
 * `find`, remembering its hits in `memo` by the text and the secrets' own
 * texts, in order: a check after an edit searches only the texts that changed
 * (the whole search was half of a 10,000-page warm check). A hit comes back
 * with the secret now at its place, so moving a value within its file moves
 * the cause it names.
 */
export function rememberedFinder(secrets: readonly Secret[], find: Find, memo: HitMemo): Find {
  const secretsKey = cacheKey('disclosure', JSON.stringify(secrets.map((s) => s.text)));
  return (text) => {
    const key = cacheKey(secretsKey, text);
    const stored = memo.get(key);
    if (stored) return stored.map((h) => ({ ...h, secret: secrets[h.secret]! }));
    const hits = find(text);
    memo.set(key, hits.map((h) => ({ ...h, secret: secrets.indexOf(h.secret) })));
    return hits;
  };
}

/**
 * Disclosure at the source: every public text an editor wrote (the body and
 * the public fields of each published page, its extra keys, every static
 * file in any encoding a browser or spreadsheet reads) searched for every
 * distinctive internal value in every spelling. A hit is an error at the
 * text's own line and column, naming the record and field it matches: the
 * build's scan then never finds what `check` could have reported here.
 */
export function checkDisclosures(pages: readonly Page[], statics: readonly StaticFile[], find: Find, published: PublishedFields): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, at: { line: number; column: number }, hit: Hit, path?: string, how?: string) => {
    const { secret } = hit;
    diagnostics.push(
      diagnostic('leak/public-text', { file, line: at.line, column: at.column, ...(path ? { path } : {}), cause: cause(secret.file, secret, `the internal value: ${secret.path}`) }, { found: hit.found, value: secret.text, record: secret.record, field: secret.field, ...(how ? { how } : {}) }),
    );
  };
  for (const page of pages) {
    if (page.data.draft) continue;
    for (const hit of find(page.body)) report(page.file, positionIn(page.body, hit.index, page.bodyLine), hit);
    for (const node of nodes(PageSchema, page.data, published)) {
      if (node.internal || typeof node.value !== 'string') continue;
      for (const hit of find(node.value)) report(page.file, fieldPosition(page, node.path, hit), hit, formatPath(node.path));
    }
    for (const [key, value] of Object.entries(page.extra)) {
      for (const hit of find(JSON.stringify(value))) report(page.file, page.locate([key]), hit, key);
    }
  }
  for (const { file, bytes } of statics) {
    const texts = readableTexts(bytes);
    // Decoded texts (gzip, zip, base64) are reported where they lie in the file's own text, or at its start.
    const own = texts.find((t) => t.positional)?.text ?? '';
    for (const readable of texts) {
      for (const hit of find(readable.text)) {
        report(file, positionIn(own, readable.positional ? hit.index : (readable.at ?? 0), 1), hit, undefined, readable.how);
      }
    }
  }
  return diagnostics;
}

/** Line and column (1-based) of an offset in a text whose first line is `firstLine` of its file. */
function positionIn(text: string, index: number, firstLine: number): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** Where a hit inside a front-matter value is: at its own column when the value is written on one line as it reads. */
function fieldPosition(page: Page, path: readonly PropertyKey[], hit: Hit): { line: number; column: number } {
  const at = page.locate(path);
  const source = at.source ?? '';
  const offset = source.indexOf(hit.found);
  if (offset === -1 || source.slice(0, offset).includes('\n') || at.endLine !== at.line) return { line: at.line, column: at.column };
  // A quoted scalar's place is its opening quote; its source is what lies between the quotes.
  const quoted = at.endColumn - at.column === source.length + 2 ? 1 : 0;
  return { line: at.line, column: at.column + quoted + offset };
}
