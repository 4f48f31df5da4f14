import { z } from 'zod';
import { fieldRole } from '../../schemas/common.js';
import { ConfigSchema } from '../../schemas/config.js';
import { KpisExportSchema, OkrsExportSchema } from '../../schemas/exports.js';
import { PageSchema } from '../../schemas/page.js';
import { isInternal } from '../../schemas/visibility.js';

/** Marks what the schemas declare beyond JSON Schema: internal fields (`x-internal: true`) and Markdown text (`contentMediaType`). */
const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = (ctx) => {
  if (isInternal(ctx.zodSchema)) ctx.jsonSchema['x-internal'] = true;
  if (fieldRole(ctx.zodSchema) === 'markdown') ctx.jsonSchema.contentMediaType = 'text/markdown';
};

/**
 * The JSON Schema of page front matter (or, with `config`, of
 * handbook.config.yaml), for editors' tools: every field with its
 * description. Internal fields carry `x-internal: true`, read from the same
 * declaration the projection uses.
 */
export function jsonSchema(which: 'front-matter' | 'config'): unknown {
  return z.toJSONSchema(which === 'config' ? ConfigSchema : PageSchema, { io: 'input', override });
}

/**
 * The JSON Schema of the data files each site has at its root: one document
 * that validates either file, with each file's own schema under `$defs`
 * (`#/$defs/okrs.json`, `#/$defs/kpis.json`) for tools that read one.
 */
export function exportsJsonSchema(): unknown {
  const files = { 'okrs.json': OkrsExportSchema, 'kpis.json': KpisExportSchema };
  const $defs = Object.fromEntries(
    Object.entries(files).map(([name, schema]) => {
      const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'output', override }) as Record<string, unknown>;
      return [name, json];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'okr-handbook exports',
    description: 'okrs.json and kpis.json at the root of each audience\'s site. Fields marked x-internal are in the internal site\'s files only, unless an approval publishes them.',
    oneOf: Object.keys(files).map((name) => ({ $ref: `#/$defs/${name}` })),
    $defs,
  };
}
