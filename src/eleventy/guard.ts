import type { PublishedFields } from '../../schemas/walk.js';
import { walk } from '../../schemas/walk.js';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { SiteExport } from '../view/exports.js';
import type { PageView } from '../view/page.js';
import { viewRecords } from '../view/records.js';

/** Raised when internal data reaches Eleventy in a public build. */
export class InternalDataError extends Error {
  override name = 'InternalDataError';
  constructor(readonly where: string) {
    super(`internal field \`${where}\` reached Eleventy in a public build`);
  }
}

/**
 * The last line of defence before templates: in a public build no record a
 * page shows may hold a field its schema declares internal, unless its own
 * valid approval publishes it. Driven by the schemas' declarations, as the
 * projection is, so a regression in any stage between them fails the build.
 */
export function assertProjected(views: readonly PageView[], published: PublishedFields): void {
  for (const view of views) {
    for (const { schema, record, where } of viewRecords(view)) {
      walk(schema, record, published, (node, next) => {
        if (node.internal) throw new InternalDataError(`${view.url} ${where}.${formatPath(node.path)}`);
        return next();
      });
    }
  }
}

/** The same guard over the data files of a public build, walked with the schemas of their documented shape. */
export function assertExportsProjected(exports: readonly SiteExport[], published: PublishedFields): void {
  for (const file of exports) {
    walk(file.schema, file.data, published, (node, next) => {
      if (node.internal) throw new InternalDataError(`${file.url} ${formatPath(node.path)}`);
      return next();
    });
  }
}
