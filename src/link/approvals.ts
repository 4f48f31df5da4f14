import type { Config } from '../../schemas/config.js';
import { KeyResultSchema } from '../../schemas/key-result.js';
import { KpiSchema } from '../../schemas/kpi.js';
import type { Publish } from '../../schemas/publish.js';
import { internalFields } from '../../schemas/visibility.js';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean, listCode } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

const KR_INTERNAL = internalFields(KeyResultSchema);
const KPI_INTERNAL = internalFields(KpiSchema);

/**
 * A publish approval is valid when its approver is in the config, it is dated
 * today or earlier, and it names internal fields of its own record. Invalid
 * approvals are errors, so the projection only ever sees valid ones.
 */
export function checkApprovals(pages: readonly Page[], config: Config, today: string): Diagnostic[] {
  const approvers = config.approvers.map((a) => a.id);
  const diagnostics: Diagnostic[] = [];
  const check = (page: Page, publish: Publish | undefined, base: PropertyKey[], allowed: readonly string[]) => {
    if (!publish) return;
    const at = (path: PropertyKey[]) => ({ file: page.file, ...page.locate([...base, ...path]), path: formatPath([...base, ...path]) });
    if (!approvers.includes(publish.approved_by)) {
      const guess = didYouMean(publish.approved_by, approvers);
      diagnostics.push(diagnostic('publish/unknown-approver', { ...at(['approved_by']), message: `\`${publish.approved_by}\` is not an approver in handbook.config.yaml`, hint: guess ? `did you mean \`${guess}\`?` : approvers.length ? `approvers are ${listCode(approvers)}` : 'add approvers to handbook.config.yaml' }));
    }
    if (publish.approved_on > today) {
      diagnostics.push(diagnostic('publish/future-date', { ...at(['approved_on']), message: `approval is dated ${publish.approved_on}, after today (${today})`, hint: 'use the date the approval was given' }));
    }
    publish.fields.forEach((field, i) => {
      if (!allowed.includes(field)) {
        const guess = didYouMean(field, allowed);
        diagnostics.push(diagnostic('publish/not-internal-field', { ...at(['fields', i]), message: `\`${field}\` is not an internal field of this record, expected one of ${listCode(allowed)}`, hint: guess ? `did you mean \`${guess}\`?` : 'public fields need no approval; name internal fields only' }));
      }
    });
  };
  for (const page of pages) {
    (page.data.okrs ?? []).forEach((okr, o) => (okr.key_results ?? []).forEach((kr, r) => check(page, kr.publish, ['okrs', o, 'key_results', r, 'publish'], KR_INTERNAL)));
    (page.data.kpis ?? []).forEach((kpi, k) => check(page, kpi.publish, ['kpis', k, 'publish'], KPI_INTERNAL));
  }
  return diagnostics;
}
