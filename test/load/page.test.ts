import { describe, expect, it } from 'vitest';
import { loadPage } from '../../src/load/page.js';

const source = (text: string) => ({ file: 'content/goals.md', contentPath: 'goals.md', bytes: Buffer.from(text) });
const load = (text: string) => loadPage(source(text), []);

const GOALS = `---
title: Strategic Goals
okrs:
  - id: modern-data-stack
    title: Be the Infrastructure for the Modern Data Stack
    scope: Company-Wide
    objective: We will achieve our broad Meltano vision as the DataOps OS.
    label: "OKR: Be the Infrastructure for the Modern Data Stack"
    start: 2022-02-01
    due: 2022-07-31
    key_results:
      - id: increase-app
        title: Increase APP
        kpi: app
        current_value: 2.1
        history:
          - { date: 2022-03-01, value: 1.9 }
weight: 2
---
Body.
`;

describe("threat 2: no cache poisoning through gray-matter", () => {
  const FAILING = '---\ntitle: A\ntitle: B\n---\nBody.\n';

  it('the same failing text fails the same way twice, and a valid text still loads', () => {
    const first = load(FAILING);
    expect(first).toEqual({
      diagnostics: [{ file: 'content/goals.md', line: 3, column: 1, severity: 'error', code: 'yaml/duplicate-key', message: 'Map keys must be unique', hint: 'keep one of the two keys' }],
      text: FAILING,
    });
    expect(load(FAILING)).toEqual(first);
    expect(load('---\ntitle: A\n---\nBody.\n')).toMatchObject({ diagnostics: [], page: { data: { title: 'A' }, body: 'Body.\n', bodyLine: 4 } });
  });

  it("mutating one load's data does not change the next load of the same text", () => {
    const first = load(GOALS);
    first.page!.data.title = 'Mutated';
    expect(load(GOALS).page!.data.title).toBe('Strategic Goals');
  });
});

describe('threat 4: nothing reaches Object.prototype', () => {
  it.each([
    ['__proto__: { polluted: true }', [['yaml/forbidden-key', 3, 1, '__proto__']]],
    [
      'constructor: { prototype: { polluted: true } }',
      [
        ['yaml/forbidden-key', 3, 1, 'constructor'],
        ['yaml/forbidden-key', 3, 16, 'constructor.prototype'],
      ],
    ],
  ])('%s', (line, expected) => {
    const result = load(`---\ntitle: Proto\n${line}\n---\n`);
    expect({ page: result.page, places: result.diagnostics.map((d) => [d.code, d.line, d.column, d.path]) }).toEqual({ page: undefined, places: expected });
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('threat 7: dates', () => {
  it('stay YYYY-MM-DD strings all the way into the page data', () => {
    const okr = load(GOALS).page!.data.okrs![0]!;
    expect([okr.start, okr.due, okr.key_results![0]!.history![0]!.date]).toEqual(['2022-02-01', '2022-07-31', '2022-03-01']);
  });
});

describe('threat 3: BOM and CRLF give the same result as LF', () => {
  const crlf = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;

  it('errors are reported at the same places', () => {
    const broken = GOALS.replace('current_value: 2.1', 'curent_value: 2.1').replace('weight: 2', 'weight: two');
    const places = (text: string) => load(text).diagnostics.map(({ line, column, code, path }) => ({ line, column, code, path }));
    expect(places(crlf(broken))).toEqual(places(broken));
    expect(places(broken)).toEqual([
      { line: 18, column: 9, code: 'schema/invalid-type', path: 'weight' },
      { line: 15, column: 9, code: 'schema/unknown-key', path: 'okrs[0].key_results[0]' },
    ]);
  });

  // Regression (fixed): the last front-matter line keeps its "\r" (`weight: 2` becomes the string "2\r").
  it('the data is the same', () => {
    expect(load(crlf(GOALS))).toMatchObject({ diagnostics: [], page: { data: load(GOALS).page!.data } });
  });
});
