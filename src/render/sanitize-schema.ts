import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * GitHub's sanitising rules (rehype-sanitize's default), plus the placeholder
 * element where a record's card goes. Raw HTML is never parsed (remark-rehype
 * drops it, comments included), so no editor can write that element themselves.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  // remark-rehype already prefixes the only ids Markdown can create (footnotes) with
  // `user-content-`; clobbering again would break the footnote links.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'handbook-record'],
  attributes: { ...defaultSchema.attributes, 'handbook-record': ['dataKind', 'dataIndex'] },
};
