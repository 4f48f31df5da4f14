import { z } from 'zod';
import type { Config } from '../../schemas/config.js';
import { PageSchema } from '../../schemas/page.js';
import { approvalProblems, PublishSchema, publishedFields } from '../../schemas/publish.js';
import { internalFields } from '../../schemas/visibility.js';
import { nodes } from '../../schemas/walk.js';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

/**
 * Every `publish` approval of every record, wherever the schema allows one,
 * judged by `approvalProblems`, the definition the projection uses: an
 * invalid approval is an error, so the projection only ever sees valid ones.
 */
export function checkApprovals(pages: readonly Page[], config: Config, today: string): Diagnostic[] {
  const approvers = config.approvers.map((a) => a.id);
  const context = { approvers: config.approvers, today };
  const published = publishedFields(context);
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    for (const { schema, value, path } of nodes(PageSchema, page.data, published)) {
      if (!(schema instanceof z.ZodObject) || !('publish' in schema.shape)) continue;
      const parsed = PublishSchema.safeParse((value as { publish?: unknown }).publish);
      if (!parsed.success) continue;
      const publish = parsed.data;
      const at = (rest: PropertyKey[]) => {
        const full = [...path, 'publish', ...rest];
        return { file: page.file, ...page.locate(full), path: formatPath(full) };
      };
      const allowed = internalFields(schema);
      for (const problem of approvalProblems(publish, schema, context)) {
        if (problem.kind === 'unknown-approver') {
          diagnostics.push(diagnostic('publish/unknown-approver', at(['approved_by']), { approver: publish.approved_by, approvers, guess: didYouMean(publish.approved_by, approvers) }));
        } else if (problem.kind === 'future-date') {
          diagnostics.push(diagnostic('publish/future-date', at(['approved_on']), { date: publish.approved_on, today }));
        } else {
          diagnostics.push(diagnostic('publish/not-internal-field', at(['fields', problem.index]), { field: problem.field, allowed, guess: didYouMean(problem.field, allowed) }));
        }
      }
    }
  }
  return diagnostics;
}
