import { z } from 'zod';
import { ConfigSchema } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { isInternal } from '../../schemas/visibility.js';

/**
 * The JSON Schema of page front matter (or, with `config`, of
 * handbook.config.yaml), for editors' tools: every field with its
 * description. Internal fields carry `x-internal: true`, read from the same
 * declaration the projection uses.
 */
export function jsonSchema(which: 'front-matter' | 'config'): unknown {
  return z.toJSONSchema(which === 'config' ? ConfigSchema : PageSchema, {
    io: 'input',
    override: (ctx) => {
      if (isInternal(ctx.zodSchema)) ctx.jsonSchema['x-internal'] = true;
    },
  });
}
