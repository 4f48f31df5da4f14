import type { PageData } from '../../schemas/page.js';
import { cacheKey, type CacheFile } from '../cache/store.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_NESTING, tooDeep } from '../markdown/nesting.js';
import type { Page } from '../pages/page.js';
import { normalisePermalink, urlForContentPath } from '../pages/url.js';
import { validateFrontMatter } from '../validate/front-matter.js';
import { decodeSource } from './decode.js';
import type { SourceFile } from './read.js';
import { splitFrontMatter } from './split.js';
import { indexPositions, locatorOf, parseYaml, type Positions } from './yaml.js';

/** Front matter that passed validation without a single diagnostic, as cached by the hash of its YAML. */
export interface ValidFrontMatter {
  data: PageData;
  extra: Record<string, unknown>;
  positions: Positions;
}

/** Every file's pages and diagnostics, the URL of each file whose front matter failed (so links to it resolve), and the text of each file read (for code frames). */
export interface LoadedPages {
  pages: Page[];
  /** Pages whose front matter failed validation, by content path: their URL. */
  unvalidated: Map<string, string>;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** Every file through `loadPage`: the one loader of content, for the working tree and for a git revision alike. */
export function loadPages(sources: readonly SourceFile[], extraKeys: readonly string[], cache?: CacheFile<ValidFrontMatter>): LoadedPages {
  const out: LoadedPages = { pages: [], unvalidated: new Map(), diagnostics: [], texts: new Map() };
  for (const source of sources) {
    const result = loadPage(source, extraKeys, cache);
    // A body nested too deep is reported instead of parsed.
    const deep = result.page && tooDeep(result.page.body);
    if (result.page && !deep) out.pages.push(result.page);
    // Links to a page whose body is not parsed still resolve; its anchors are not known.
    else out.unvalidated.set(source.contentPath, result.page?.url ?? urlForContentPath(source.contentPath));
    if (result.page && deep) out.diagnostics.push(diagnostic('body/too-deep', { file: source.file, line: deep.line + result.page.bodyLine - 1, column: deep.column }, { what: deep.what, depth: deep.depth, limit: MAX_NESTING }));
    if (result.text !== undefined) out.texts.set(source.file, result.text);
    out.diagnostics.push(...result.diagnostics);
  }
  return out;
}

/**
 * One file through decode → split → parse → validate: a page, its diagnostics,
 * or both. Front matter found valid before (same YAML, same extra keys, same
 * okr-handbook) is taken from `cache` instead of parsed again; only front
 * matter without diagnostics is cached, so warnings are reported every run.
 */
export function loadPage(source: SourceFile, extraKeys: readonly string[], cache?: CacheFile<ValidFrontMatter>): { page?: Page; diagnostics: Diagnostic[]; text?: string } {
  const { file, contentPath } = source;
  if (source.error) {
    return { diagnostics: [diagnostic('file/read-error', { file, line: 1, column: 1 }, { reason: source.error.code ?? source.error.message })] };
  }
  const decoded = decodeSource(file, source.bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const { text } = decoded;
  const split = splitFrontMatter(file, text);
  if ('diagnostic' in split) return { diagnostics: [split.diagnostic], text };

  const key = cache && cacheKey(split.yaml, JSON.stringify(extraKeys));
  let valid = key === undefined ? undefined : cache?.get(key);
  const diagnostics: Diagnostic[] = [];
  if (!valid) {
    const parsed = parseYaml(file, split.yaml);
    if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics, text };
    const positions = indexPositions(parsed);
    const result = validateFrontMatter(file, parsed.data, locatorOf(positions), extraKeys);
    diagnostics.push(...result.diagnostics);
    if (!result.data) return { diagnostics, text };
    valid = { data: result.data, extra: result.extra, positions };
    // Extra keys may hold values JSON cannot keep (`.inf`); validated data never does.
    if (key !== undefined && diagnostics.length === 0 && Object.keys(result.extra).length === 0) cache?.set(key, valid);
  }
  const page: Page = {
    file,
    contentPath,
    url: valid.data.permalink ? normalisePermalink(valid.data.permalink) : urlForContentPath(contentPath),
    data: valid.data,
    extra: valid.extra,
    body: split.body,
    bodyLine: split.bodyLine,
    locate: locatorOf(valid.positions),
  };
  return { page, diagnostics, text };
}
