import { z } from 'zod';
import { PageSchema } from '../../schemas/page.js';
import { isInternal } from '../../schemas/visibility.js';

/**
 * The JSON Schema of page front matter, for editors' tools. Internal fields carry
 * `x-internal: true`, read from the same declaration the projection uses.
 */
export function frontMatterJsonSchema(): unknown {
  return z.toJSONSchema(PageSchema, {
    io: 'input',
    override: (ctx) => {
      if (isInternal(ctx.zodSchema)) ctx.jsonSchema['x-internal'] = true;
    },
  });
}
