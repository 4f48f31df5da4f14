import GithubSlugger from 'github-slugger';
import type { z } from 'zod';
import { fieldsOf, metaOf, objectsIn, objectsOf, typeOf } from '../../schemas/describe.js';

/** How a reference is laid out. */
export interface ReferenceOptions {
  /** The level of each object's heading: 2 for `##`. */
  depth: number;
  /** Adds the column that says which fields are internal (front matter, layout data). */
  visibility?: boolean;
  /** How the root object is called when its schema has no title. */
  rootName?: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * A Markdown reference made from a schema, and from it alone: one section per
 * object it holds, each with its description and a table of its fields (type,
 * whether it is required or its default, who sees it, and its description).
 * docs/ is generated with it, and a test keeps the files in step.
 */
export function schemaReference(root: z.ZodObject, options: ReferenceOptions): string {
  const objects = objectsOf(root);
  const slugger = new GithubSlugger();
  const titles = new Map(objects.map(({ schema, path }) => [schema, metaOf(schema).title ?? (path === '' ? (options.rootName ?? 'root') : `\`${path}\``)]));
  const anchors = new Map(objects.map(({ schema }) => [schema, slugger.slug(titles.get(schema)!)]));
  const link = (schema: z.ZodObject) => `[${titles.get(schema)}](#${anchors.get(schema)})`;

  const sections = objects.map(({ schema, path }) => {
    const rows = fieldsOf(schema).map((field) => {
      const inner = objectsIn(field.value);
      const type = inner.length === 0 ? typeOf(field.schema) : `${typeOf(field.schema).startsWith('list of') ? 'list of ' : ''}${inner.map(link).join(' or ')}`;
      const need = field.required ? 'required' : field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : 'optional';
      const seen = options.visibility ? ` ${field.internal ? 'internal' : 'public'} |` : '';
      return `| \`${field.name}\` | ${cell(type)} | ${need} |${seen} ${cell(field.description)} |`;
    });
    const head = options.visibility ? '| Field | Type | Required | Visibility | Description |\n|---|---|---|---|---|' : '| Field | Type | Required | Description |\n|---|---|---|---|';
    const where = path === '' ? '' : ` At \`${path}\`.`;
    return [`${'#'.repeat(options.depth)} ${titles.get(schema)}`, '', `${metaOf(schema).description ?? ''}${where}`.trim(), '', head, ...rows].join('\n');
  });
  return sections.join('\n\n');
}
