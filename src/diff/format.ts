import type { Audience } from '../../schemas/visibility.js';
import { KR_STATUS_TEXT } from '../view/progress.js';
import type { Highlight, RecordChange } from './compare.js';
import type { RecordKind } from './records.js';

/** What `handbook diff` reports: every record that changed since the base revision, for one audience. */
export interface DiffReport {
  /** The revision compared against, as given. */
  base: string;
  audience: Audience;
  /** The day statuses were judged on. */
  today: string;
  changes: RecordChange[];
  /** Files whose front matter does not validate on one side: their records are not compared (`handbook check` says why). */
  unreadable: { side: 'base' | 'working tree'; file: string }[];
}

/** The report as JSON, for tools. */
export function diffJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const KIND: Record<RecordKind, string> = { okr: 'OKR', key_result: 'key result', kpi: 'KPI' };
const CHANGE = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
/** Long text (a retrospective, a definition) is cut in a table cell: the file has it whole. */
const MAX_CELL = 240;

/** The report as Markdown, to post on a merge request. */
export function diffMarkdown(report: DiffReport): string {
  const lines = [`### Handbook changes since \`${code(report.base)}\``, ''];
  lines.push(
    report.audience === 'public'
      ? 'Public fields only: internal values (and drafts) are left out unless an approval publishes them.'
      : '**Internal values**: this report shows every field, drafts included. Post it only where everyone may read internal values.',
    '',
  );
  if (report.changes.length === 0) lines.push('No OKR, key result or KPI changed.', '');
  else lines.push(`${summary(report.changes)}.`, '');
  for (const change of report.changes) {
    const owner = change.kind === 'key_result' ? ` of OKR \`${code(change.okr ?? '')}\`` : '';
    lines.push(`#### ${CHANGE[change.change]}: ${KIND[change.kind]} \`${code(change.id.split('/').pop() ?? change.id)}\`${owner}`, '');
    lines.push(`**${text(change.title)}** · \`${code(change.file)}\``, '');
    for (const h of change.highlights) lines.push(`- ${highlight(h)}`);
    if (change.highlights.length > 0) lines.push('');
    if (change.fields.length > 0) {
      lines.push('| Field | Before | After |', '| --- | --- | --- |');
      for (const f of change.fields) lines.push(`| \`${code(f.path)}\` | ${cell(f.before)} | ${cell(f.after)} |`);
      lines.push('');
    }
  }
  if (report.unreadable.length > 0) {
    lines.push(`Not compared, because their front matter does not validate (\`handbook check\` says why): ${report.unreadable.map((u) => `\`${code(u.file)}\` (${u.side})`).join(', ')}.`, '');
  }
  return lines.join('\n');
}

function summary(changes: readonly RecordChange[]): string {
  const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  const kinds = (['okr', 'key_result', 'kpi'] as const).map((k) => [k, changes.filter((c) => c.kind === k).length] as const).filter(([, n]) => n > 0);
  const what = kinds.map(([k, n]) => count(n, KIND[k])).join(', ');
  const how = (['added', 'changed', 'removed'] as const).map((c) => [c, changes.filter((x) => x.change === c).length] as const).filter(([, n]) => n > 0).map(([c, n]) => `${n} ${c}`);
  return `${what}: ${how.join(', ')}`;
}

function highlight(h: Highlight): string {
  switch (h.kind) {
    case 'target-moved':
      return `**Target moved** (\`${h.field}\`): ${h.before} → ${h.after}`;
    case 'confidence-dropped':
      return `**Confidence dropped**: ${h.before} → ${h.after}`;
    case 'status-flipped':
      return `**Status flipped**: ${KR_STATUS_TEXT[h.before]} → ${KR_STATUS_TEXT[h.after]}`;
    case 'due-moved':
      return `**Due date moved**: ${h.before} → ${h.after}`;
  }
}

/** A value in a table cell: lists joined, long text cut, and nothing Markdown or HTML would read as markup. */
function cell(value: unknown): string {
  if (value === undefined) return '';
  const shown = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return text(shown.length > MAX_CELL ? `${shown.slice(0, MAX_CELL)}…` : shown);
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** Text inside a code span: a backtick would end it. */
function code(s: string): string {
  return s.replace(/`/g, 'ʼ');
}
