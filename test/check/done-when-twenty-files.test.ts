import { afterAll, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

/**
 * Front matter whose first given line is line `2 + pad` of the file: YAML comments
 * push each file's single problem onto a line of its own, so no two files share
 * an error line and a report that mixed them up would show.
 */
const page = (pad: number, ...lines: string[]) => `---\n${'# padding\n'.repeat(pad)}${lines.join('\n')}\n---\nBody.\n`;

const okr = (...fields: string[]) => [
  'title: Goals',
  'okrs:',
  '  - id: modern-data-stack',
  '    title: Be the Infrastructure for the Modern Data Stack',
  '    scope: Company-Wide',
  '    objective: Be the DataOps OS.',
  ...fields,
];
const kpi = (...fields: string[]) => ['title: KPIs', 'kpis:', '  - id: app', '    name: APP', '    definition: Average plugin types.', '    calculation: https://example.com/app.sql', ...fields];

/** Twenty files, each broken in its own way, with the one place check must report. */
const BROKEN: { text: string; line: number; column: number; code: string }[] = [
  { text: '---js\n{ title: "x" }\n---\n', line: 1, column: 4, code: 'frontmatter/language' },
  { text: '\n---\ntitle: Late\n---\n', line: 2, column: 1, code: 'frontmatter/not-at-start' },
  { text: page(0, 'title: Tabs', 'kr:', '\tcurrent: 1'), line: 4, column: 1, code: 'yaml/syntax' },
  { text: page(1, 'title: Twice', 'weight: 1', 'weight: 2'), line: 5, column: 1, code: 'yaml/duplicate-key' },
  { text: page(3, 'title: Alias', 'description: *text'), line: 6, column: 14, code: 'yaml/alias' },
  { text: page(4, 'title: Merge', '<<: { weight: 1 }'), line: 7, column: 1, code: 'yaml/merge-key' },
  { text: page(5, 'title: Tag', 'weight: !custom 1'), line: 8, column: 9, code: 'yaml/tag' },
  { text: page(6, 'title: Proto', '__proto__: { admin: true }'), line: 9, column: 1, code: 'yaml/forbidden-key' },
  { text: page(7, 'title: Huge', 'weight: 12345678901234567890'), line: 10, column: 9, code: 'yaml/unsafe-number' },
  { text: page(9, '- title: A list'), line: 11, column: 1, code: 'frontmatter/not-a-map' },
  { text: page(9, 'title: Weight', 'weight: two'), line: 12, column: 9, code: 'schema/invalid-type' },
  { text: page(11, 'title: "  "'), line: 13, column: 8, code: 'schema/out-of-range' },
  { text: page(11, 'title: Escape', 'permalink: ../../../tmp/x'), line: 14, column: 12, code: 'schema/invalid-format' },
  { text: page(12, ...okr('    due: 2022-07-31')), line: 16, column: 5, code: 'schema/required' },
  {
    text: page(3, ...okr('    label: "OKR: Data"', '    due: 2022-07-31', '    key_results:', '      - id: kr', '        title: KR', '        kpi: app', '        curent_value: 2')),
    line: 17,
    column: 9,
    code: 'schema/unknown-key',
  },
  { text: page(10, ...kpi('    direction: up')), line: 18, column: 16, code: 'schema/invalid-value' },
  { text: page(11, ...okr('    label: Be the DataOps OS', '    due: 2022-07-31')), line: 19, column: 12, code: 'okr/label-format' },
  { text: `---\ntitle: Binary\n---\n${'text\n'.repeat(16)}a\0b\n`, line: 20, column: 2, code: 'file/encoding' },
  {
    text: page(9, ...okr('    label: "OKR: Data"', '    due: 2022-07-31', '    initiatives:', '      - title: Board', '        url: javascript:alert(1)')),
    line: 21,
    column: 14,
    code: 'schema/invalid-format',
  },
  { text: page(13, ...okr('    label: "OKR: Data"', '    due: 2022-02-30')), line: 22, column: 10, code: 'schema/invalid-format' },
];

it('reports all twenty broken files in one run, each at its own place', async () => {
  const name = (i: number) => `content/broken-${String(i + 1).padStart(2, '0')}.md`;
  const root = writeHandbook(Object.fromEntries(BROKEN.map((c, i) => [name(i), c.text])));

  const result = await checkJson(root);

  const got = (result.diagnostics as { file: string; line: number; column: number; code: string }[]).map(({ file, line, column, code }) => ({ file, line, column, code }));
  expect({ code: result.code, stderr: result.stderr, diagnostics: got }).toEqual({
    code: 1,
    stderr: '',
    diagnostics: BROKEN.map(({ line, column, code }, i) => ({ file: name(i), line, column, code })),
  });
});
