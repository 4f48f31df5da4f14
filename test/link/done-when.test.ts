import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';

/**
 * The scenario on a copy of this repo's sample handbook: one misspelt
 * KPI reference, one duplicated OKR id and one link to a missing anchor give
 * exactly three errors, each where the editor has to look.
 */
const TODAY = ['--today', '2026-11-23'];
const GOALS = 'content/company/strategic-goals.md';
const COMPANY = 'content/company/index.md';

afterAll(removeTempDirs);

/** Replaces the one occurrence of `from`; a sample that no longer has exactly one must fail loudly, not test nothing. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected exactly one \`${from}\` in the sample, found ${parts.length - 1}`);
  return parts.join(to);
}

/** The 1-based line and column of a character offset. */
function placeAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** The place of a front-matter value, as `locate` reports it: start and exclusive end. */
function valueAt(text: string, offset: number, value: string) {
  const start = placeAt(text, offset);
  return { ...start, endLine: start.line, endColumn: start.column + value.length };
}

const FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'path', 'message', 'hint'];
const CAUSE_FIELDS = ['file', 'line', 'column', 'message'];

function pick(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}

/** The fields of the JSON contract; a cause is its place and message. */
function contractFields(diagnostics: unknown) {
  return (diagnostics as Record<string, unknown>[]).map((d) => ({ ...pick(d, FIELDS), ...(d.cause ? { cause: d.cause } : {}) }));
}

describe('the sample handbook', () => {
  it.each([[[]], [['--strict']]])('passes with no diagnostic at all (extra args %j)', async (extra) => {
    const root = copySample();
    const { code, stderr, diagnostics } = await checkJson(root, [...TODAY, ...extra]);
    expect({ code, stderr, diagnostics }).toEqual({ code: 0, stderr: '', diagnostics: [] });
  });

  it('with a misspelt kpi, a duplicated OKR id and a missing anchor reports exactly those three errors', async () => {
    const root = copySample();
    const goalsFile = join(root, GOALS);
    const companyFile = join(root, COMPANY);
    let goals = readFileSync(goalsFile, 'utf8');
    goals = replaceOnce(goals, '        kpi: app\n', '        kpi: ap\n');
    goals = replaceOnce(goals, '  - id: new-user-experience\n', '  - id: modern-data-stack\n');
    writeFileSync(goalsFile, goals);
    const company = `${readFileSync(companyFile, 'utf8')}\nSee also [the KPI list](/data-team/kpis#no-such-heading).\n`;
    writeFileSync(companyFile, company);

    const { code, stderr, diagnostics } = await checkJson(root, TODAY);

    const kpi = goals.indexOf('        kpi: ap\n') + '        kpi: '.length;
    const firstId = goals.indexOf('  - id: modern-data-stack\n') + '  - id: '.length;
    const secondId = goals.indexOf('  - id: modern-data-stack\n', firstId) + '  - id: '.length;
    const link = company.indexOf('[the KPI list]');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(contractFields(diagnostics)).toEqual([
      {
        file: COMPANY, ...placeAt(company, link),
        severity: 'error', code: 'link/broken-anchor',
        message: 'link `/data-team/kpis#no-such-heading`: no heading, OKR or KPI with anchor `#no-such-heading` on `/data-team/kpis/`',
        hint: 'link to an existing heading, or to the page without a fragment',
      },
      {
        file: GOALS, ...valueAt(goals, kpi, 'ap'),
        severity: 'error', code: 'kr/unknown-kpi', path: 'okrs[0].key_results[0].kpi',
        message: 'key result `increase-app` names KPI `ap`, which no page defines',
        hint: 'did you mean `app`?',
      },
      {
        file: GOALS, ...valueAt(goals, secondId, 'modern-data-stack'),
        severity: 'error', code: 'okr/duplicate-id', path: 'okrs[1].id',
        message: 'OKR id `modern-data-stack` is already defined',
        hint: 'give each OKR its own id',
        cause: { file: GOALS, ...placeAt(goals, firstId), message: 'OKR id first defined here' },
      },
    ]);
  });
});
