import { isLink } from '../../schemas/common.js';
import { PageSchema, type PageData } from '../../schemas/page.js';
import { nodes, type PublishedFields } from '../../schemas/walk.js';

/** A URL written in front matter, with its data path. */
export interface FrontMatterLink {
  path: readonly PropertyKey[];
  url: string;
  /** Unpublished internal: the public site never shows it, so it is never a public link. */
  internal: boolean;
}

/** Every value of a page's front matter whose schema is `Link`: the list of URL fields is the schema's own. */
export function frontMatterLinks(data: PageData, published: PublishedFields): FrontMatterLink[] {
  return nodes(PageSchema, data, published).flatMap(({ schema, value, path, internal }) => (isLink(schema) && typeof value === 'string' ? [{ path, url: value, internal }] : []));
}
