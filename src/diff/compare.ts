import type { KrStatus } from '../view/progress.js';
import type { RecordKind, ReviewRecord } from './records.js';

/** One field that differs: by its path (`history[2022-03-01].value`), with the values before and after. */
export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** A change a reviewer should not miss. */
export type Highlight =
  | { kind: 'target-moved'; field: string; before: number; after: number }
  | { kind: 'confidence-dropped'; before: number; after: number }
  | { kind: 'status-flipped'; before: KrStatus; after: KrStatus }
  | { kind: 'due-moved'; before: string; after: string };

/** A record that was added, removed or changed, field by field. */
export interface RecordChange {
  kind: RecordKind;
  id: string;
  title: string;
  file: string;
  okr?: string;
  change: 'added' | 'removed' | 'changed';
  highlights: Highlight[];
  fields: FieldChange[];
}

/**
 * What changed between two sets of records: those only after (added), only
 * before (removed), and those whose fields differ, in the order of the
 * records after the change, then the removed ones in their order before.
 */
export function compareRecords(before: ReadonlyMap<string, ReviewRecord>, after: ReadonlyMap<string, ReviewRecord>): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    const fields = fieldChanges(was ? flatten(was.data) : new Map(), flatten(now.data));
    const highlights = was ? highlightsOf(was, now) : [];
    if (was && fields.length === 0 && highlights.length === 0) continue;
    changes.push({ ...identity(now), change: was ? 'changed' : 'added', highlights, fields });
  }
  for (const [key, was] of before) {
    if (!after.has(key)) changes.push({ ...identity(was), change: 'removed', highlights: [], fields: fieldChanges(flatten(was.data), new Map()) });
  }
  return changes;
}

function identity(record: ReviewRecord): Pick<RecordChange, 'kind' | 'id' | 'title' | 'file' | 'okr'> {
  return { kind: record.kind, id: record.id, title: record.title, file: record.file, ...(record.okr !== undefined ? { okr: record.okr } : {}) };
}

function fieldChanges(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [path, value] of after) {
    if (!before.has(path)) out.push({ path, change: 'added', after: value });
    else if (!same(before.get(path), value)) out.push({ path, change: 'changed', before: before.get(path), after: value });
  }
  for (const [path, value] of before) if (!after.has(path)) out.push({ path, change: 'removed', before: value });
  return out;
}

/** Target moved, confidence dropped, status flipped, due date moved: read from the fields both sides have. */
function highlightsOf(was: ReviewRecord, now: ReviewRecord): Highlight[] {
  const out: Highlight[] = [];
  const number = (record: ReviewRecord, field: string) => (typeof record.data[field] === 'number' ? (record.data[field] as number) : undefined);
  for (const field of ['target_value', 'goal_value']) {
    const [a, b] = [number(was, field), number(now, field)];
    if (a !== undefined && b !== undefined && a !== b) out.push({ kind: 'target-moved', field, before: a, after: b });
  }
  const [c1, c2] = [number(was, 'confidence'), number(now, 'confidence')];
  if (c1 !== undefined && c2 !== undefined && c2 < c1) out.push({ kind: 'confidence-dropped', before: c1, after: c2 });
  if (was.status && now.status && was.status !== now.status) out.push({ kind: 'status-flipped', before: was.status, after: now.status });
  const [d1, d2] = [was.data.due, now.data.due];
  if (typeof d1 === 'string' && typeof d2 === 'string' && d1 !== d2) out.push({ kind: 'due-moved', before: d1, after: d2 });
  return out;
}

/**
 * A record's fields as leaves: nested objects by key (`health.min`), lists of
 * objects by each item's `id`, `date` or `title` when it has one (so a
 * check-in added at the front does not change every index after it), lists of
 * plain values as one leaf.
 */
export function flatten(data: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(data) && data.some((item) => item !== null && typeof item === 'object')) {
    data.forEach((item, i) => {
      const key = (['id', 'date', 'title'] as const).map((k) => (item as Record<string, unknown>)?.[k]).find((v) => typeof v === 'string');
      flatten(item, `${path}[${key ?? i}]`, out);
    });
  } else if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) flatten(value, path === '' ? key : `${path}.${key}`, out);
  } else out.set(path, data);
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
