import { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { publishedFields } from '../../schemas/publish.js';
import { isUnprinted } from '../../schemas/visibility.js';
import { nodes } from '../../schemas/walk.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Page } from '../pages/page.js';
import { pageRecords } from '../pages/records.js';
import { secretFinder } from './find.js';

/** An unpublished internal value, and where it came from. */
export interface Secret {
  /** The value as text: as written in the YAML, or as JavaScript prints it. */
  text: string;
  file: string;
  /** Its data path in the front matter, e.g. `okrs[0].key_results[1].current_value`. */
  path: string;
  line: number;
  column: number;
  /** The record that holds it, in words: key result `increase-app` of OKR `growth`. */
  record: string;
  /** The record's internal field it is (or is inside of): what an approval would name. */
  field: string;
}

/**
 * Values shorter than this are not distinctive (an internal `30` also appears in
 * CSS and prose): they are guarded by the projection and its guard alone.
 */
export const MIN_SECRET_LENGTH = 4;

/** Dates are public elsewhere (timeframes, "last updated"), so a check-in date is no secret. A site path (`/images/x.png`, an internal dashboard's link) is one of the site's own URLs, public facts too. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every distinctive unpublished internal value of the handbook, found by the
 * schema walk: each scalar under an internal field, as written in the file and
 * as printed by JavaScript. Not distinctive, so left out: values shorter than
 * `MIN_SECRET_LENGTH`, dates, values that are also public facts the site
 * prints (a public field's value, the year of a public date), and text the
 * layouts print themselves (`layoutText`). Finding those would prove nothing.
 */
export function collectSecrets(pages: readonly Page[], config: Pick<Config, 'approvers'>, today: string, layoutText = ''): Secret[] {
  const secrets: Secret[] = [];
  const publicValues = new Set<string>();
  const published = publishedFields({ approvers: config.approvers, today });
  for (const page of pages) {
    for (const { path, value, internal, schema } of nodes(PageSchema, page.data, published)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const { source, line, column, file } = page.locate(path);
      const texts = new Set([String(value), ...(source !== undefined ? [source] : [])]);
      if (!internal) {
        // A value the site never prints (a page's `weight`) explains nothing.
        if (page.data.draft || isUnprinted(schema)) continue;
        for (const text of texts) {
          publicValues.add(text);
          if (DATE.test(text)) publicValues.add(text.slice(0, 4));
        }
        continue;
      }
      if (schema instanceof z.ZodBoolean) continue;
      for (const text of texts) {
        if (text.length < MIN_SECRET_LENGTH || DATE.test(text) || text.startsWith('/')) continue;
        secrets.push({ text, file: file ?? page.file, path: formatPath(path), line, column, ...recordOf(page, path) });
      }
    }
  }
  const candidates = secrets.filter((s) => !publicValues.has(s.text));
  // Found in the layouts' own words by the same finder the scans use (a `2000` inside `http://www.w3.org/2000/svg` is no word of theirs).
  const inLayouts = new Set(secretFinder(candidates)(layoutText).map((hit) => hit.secret.text));
  return candidates.filter((s) => !inLayouts.has(s.text));
}

/** The record a path of a page's front matter lies in, in words, and the record's field it starts with. */
function recordOf(page: Page, path: readonly PropertyKey[]): { record: string; field: string } {
  // The innermost record: a key result's, not its OKR's.
  const found = pageRecords(page.data)
    .filter((r) => r.path.every((seg, i) => path[i] === seg))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return found ? { record: found.name, field: String(path[found.path.length]) } : { record: `page ${page.file}`, field: String(path[0]) };
}
