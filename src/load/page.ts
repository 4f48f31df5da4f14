import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from '../pages/page.js';
import { normalisePermalink, urlForContentPath } from '../pages/url.js';
import { validateFrontMatter } from '../validate/front-matter.js';
import { decodeSource } from './decode.js';
import type { SourceFile } from './read.js';
import { splitFrontMatter } from './split.js';
import { parseYaml, positionIndex } from './yaml.js';

/** One file through decode → split → parse → validate: a page, its diagnostics, or both. */
export function loadPage(source: SourceFile, extraKeys: readonly string[]): { page?: Page; diagnostics: Diagnostic[]; text?: string } {
  const { file, contentPath } = source;
  if (source.error) {
    return { diagnostics: [diagnostic('file/read-error', { file, line: 1, column: 1, message: `file cannot be read: ${source.error.code ?? source.error.message}`, hint: 'make the file readable, or remove it' })] };
  }
  const decoded = decodeSource(file, source.bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const { text } = decoded;
  const split = splitFrontMatter(file, text);
  if ('diagnostic' in split) return { diagnostics: [split.diagnostic], text };
  const parsed = parseYaml(file, split.yaml);
  if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics, text };

  const locator = positionIndex(parsed);
  const result = validateFrontMatter(file, parsed.data, locator, extraKeys);
  if (!result.data) return { diagnostics: result.diagnostics, text };
  const page: Page = {
    file,
    contentPath,
    url: result.data.permalink ? normalisePermalink(result.data.permalink) : urlForContentPath(contentPath),
    data: result.data,
    extra: result.extra,
    body: split.body,
    bodyLine: split.bodyLine,
    locate: locator,
  };
  return { page, diagnostics: result.diagnostics, text };
}
