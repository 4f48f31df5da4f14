import type { PageData } from '../../schemas/page.js';
import type { Locator } from '../diagnostics/location.js';

/** A page whose front matter passed its schema: the unit every later stage works on. */
export interface Page {
  /** Path relative to the project root, with `/` separators; what diagnostics name. */
  file: string;
  /** Path relative to the content folder, e.g. `company/strategic-goals.md`. */
  contentPath: string;
  /** Canonical URL, e.g. `/company/strategic-goals/`. */
  url: string;
  data: PageData;
  /** Page keys listed in `pages.extra_keys`, passed to layouts as they are. */
  extra: Record<string, unknown>;
  body: string;
  /** Line of the file (1-based) where the body starts. */
  bodyLine: number;
  /** Finds the place of a front-matter path in the file. */
  locate: Locator;
}
