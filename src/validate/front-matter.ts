import { PageSchema, type PageData } from '../../schemas/page.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Locator } from '../diagnostics/location.js';
import { issuesToDiagnostics } from './issues.js';

const PAGE_KEYS = Object.keys(PageSchema.shape);

/** The outcome of validating one page's front matter. */
export interface FrontMatterResult {
  data?: PageData;
  extra: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/**
 * Validates a page's front matter. Top-level keys the schema does not know are
 * a warning and dropped, unless `extraKeys` allows them; everything inside the
 * records is strict.
 */
export function validateFrontMatter(file: string, raw: unknown, locate: Locator, extraKeys: readonly string[]): FrontMatterResult {
  const extra: Record<string, unknown> = {};
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return {
      extra,
      diagnostics: [diagnostic('frontmatter/not-a-map', { file, ...locate([]) })],
    };
  }
  const known: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (PAGE_KEYS.includes(key)) known[key] = value;
    else if (extraKeys.includes(key)) extra[key] = value;
    else {
      diagnostics.push(diagnostic('page/unknown-key', { file, ...locate([key], 'key'), path: key }, { key, expected: PAGE_KEYS, guess: didYouMean(key, PAGE_KEYS) }));
    }
  }
  const result = PageSchema.safeParse(known, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(file, PageSchema, result.error.issues, locate));
    return { extra, diagnostics };
  }
  return { data: result.data, extra, diagnostics };
}
