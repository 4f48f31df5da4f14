import type { Config } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { publishedFields } from '../../schemas/publish.js';
import { nodes } from '../../schemas/walk.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Page } from '../pages/page.js';

/** An internal value to look for in the public output, and where it came from. */
export interface Canary {
  /** The value as text: as written in the YAML, or as JavaScript prints it. */
  text: string;
  file: string;
  path: string;
  line: number;
  column: number;
}

/**
 * Values shorter than this are not distinctive (an internal `30` also appears in
 * CSS and prose): they are guarded by the projection and its guard alone.
 */
export const MIN_CANARY_LENGTH = 4;

/** Dates are public elsewhere (timeframes, "last updated"), so a check-in date is no canary. A site path (`/images/x.png`, an internal dashboard's link) is one of the site's own URLs, public facts too. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every unpublished internal value of the handbook's public pages, found by
 * the schema walk: each scalar under an internal field, as written in the
 * file and as printed by JavaScript. Values that also appear as public values
 * are left out: finding them proves nothing.
 */
export function collectCanaries(pages: readonly Page[], config: Pick<Config, 'approvers'>, today: string): Canary[] {
  const canaries: Canary[] = [];
  const publicValues = new Set<string>();
  const published = publishedFields({ approvers: config.approvers, today });
  for (const page of pages) {
    for (const { path, value, internal } of nodes(PageSchema, page.data, published)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const { source, line, column } = page.locate(path);
      for (const text of new Set([String(value), ...(source !== undefined ? [source] : [])])) {
        if (!internal) {
          if (!page.data.draft) publicValues.add(text);
        } else if (text.length >= MIN_CANARY_LENGTH && !DATE.test(text) && !text.startsWith('/')) {
          canaries.push({ text, file: page.file, path: formatPath(path), line, column });
        }
      }
    }
  }
  return canaries.filter((c) => !publicValues.has(c.text));
}
