import { fieldRole } from '../../schemas/common.js';
import { PageSchema, type PageData } from '../../schemas/page.js';
import { nodes, type PublishedFields, PUBLISHES_NOTHING } from '../../schemas/walk.js';

/** A Markdown field of front matter, with its data path. */
export interface MarkdownField {
  path: readonly PropertyKey[];
  text: string;
  /** Unpublished internal: only the internal site shows it. */
  internal: boolean;
}

/**
 * Every Markdown field of a page's front matter (a KPI's definition, an OKR's
 * retrospective), found by the schema, in document order: the order the
 * analysis renders them in and the outline lists their links in.
 */
export function markdownFields(data: PageData, published: PublishedFields = PUBLISHES_NOTHING): MarkdownField[] {
  return nodes(PageSchema, data, published).flatMap(({ schema, value, path, internal }) => (fieldRole(schema) === 'markdown' && typeof value === 'string' ? [{ path, text: value, internal }] : []));
}
