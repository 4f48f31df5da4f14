import { stringify } from 'yaml';
import { OKR_LABEL_PREFIX } from '../../schemas/okr.js';
import { quarterOf } from './names.js';

/** What `handbook new` writes. */
export const NEW_KINDS = ['page', 'okr', 'kpi'] as const;

/** What `handbook new` writes: a page, a page with an OKR, or a page with a KPI. */
export type NewKind = (typeof NEW_KINDS)[number];

/** Everything a skeleton is made from. */
export interface SkeletonInput {
  kind: NewKind;
  /** The OKR's or KPI's title, and the page's unless `pageTitle` is given. */
  title: string;
  pageTitle?: string;
  /** The page's URL: a KPI's calculation links to its own section. */
  url: string;
  /** The OKR's or KPI's id, unique in the handbook. */
  id: string;
  /** YYYY-MM-DD: an OKR covers this day's quarter. */
  today: string;
  /** The handbook's KPI ids, offered to an OKR's key result. */
  kpiIds: readonly string[];
  /** Writes a key result that moves this KPI, with example values, instead of a commented one. */
  keyResultKpi?: string;
}

/** A YAML scalar, quoted only where YAML needs it. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** The heading the KPI skeleton's `calculation` links to. */
const CALCULATION_HEADING = 'Calculation';

/**
 * A new page's Markdown, front matter included, that passes `handbook check`
 * as it is and says in comments what to fill in. An OKR's timeframe is the
 * current quarter; a KPI's calculation is a section of its own page.
 */
export function skeleton(input: SkeletonInput): string {
  const front = [`title: ${scalar(input.pageTitle ?? input.title)}`, '# description: One sentence for search results and link previews.', '# weight: 10                 # orders the page among its siblings in the sidebar'];
  if (input.kind === 'page') return page(front, 'Write the page here, in Markdown. Link other pages by their file (`[Values](../company/values.md)`) or URL (`/company/values/`).');
  if (input.kind === 'okr') return page([...front, 'okrs:', ...okr(input)], 'Why this objective matters now, and how its key results measure it.\n\n:::okrs');
  return page([...front, 'kpis:', ...kpi(input)], `:::kpis\n\n## ${CALCULATION_HEADING}\n\nHow the value is computed: the source tables, the query, the dashboard, and how often it is refreshed.`);
}

function page(front: readonly string[], body: string): string {
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}

function okr(input: SkeletonInput): string[] {
  const { start, due } = quarterOf(input.today);
  const lines = [
    `  - id: ${input.id}                # unique in the handbook`,
    `    title: ${scalar(input.title)}`,
    '    scope: Company-Wide         # or the department or team that owns it',
    '    objective: What we will achieve, in a sentence or two.',
    `    label: ${scalar(OKR_LABEL_PREFIX + input.title)}   # the label issue trackers use for its work`,
    `    start: ${start}`,
    `    due: ${due}`,
    '    # initiatives:',
    '    #   - { title: Issues, url: "https://github.com/example/handbook/issues?q=label%3Aokr" }',
  ];
  if (input.keyResultKpi !== undefined) {
    return [
      ...lines,
      '    key_results:',
      `      - id: ${input.keyResultKpi}-up`,
      '        title: Raise the KPI from 10 to 20',
      `        kpi: ${input.keyResultKpi}`,
      '        # Internal: only the internal site shows these, unless an approver publishes them.',
      '        start_value: 10',
      '        target_value: 20',
      '        current_value: 12',
      '        confidence: 0.7',
      '        history:',
      `          - { date: ${start}, value: 10 }`,
    ];
  }
  const kpis =
    input.kpiIds.length === 0 ? 'the id of a KPI (handbook new kpi PATH makes one)' : input.kpiIds.length === 1 ? input.kpiIds[0]! : `one of ${input.kpiIds.slice(0, 8).join(', ')}${input.kpiIds.length > 8 ? ', …' : ''}`;
  return [
    ...lines,
    '    # key_results:',
    '    #   - id: more-active-users',
    '    #     title: Grow weekly active users from 10 to 20',
    `    #     kpi: ${kpis}`,
    '    #     # Internal: only the internal site shows these, unless an approver publishes them.',
    '    #     start_value: 10',
    '    #     target_value: 20',
    '    #     current_value: 12',
  ];
}

function kpi(input: SkeletonInput): string[] {
  return [
    `  - id: ${input.id}                # unique in the handbook; key results name it in kpi:`,
    `    name: ${scalar(input.title)}`,
    '    definition: What the metric counts, and why it matters. Markdown.',
    `    calculation: ${input.url}#${CALCULATION_HEADING.toLowerCase()}   # or the URL of the query or notebook`,
    '    direction: higher_is_better # or lower_is_better',
    '    # unit: users',
    '    # north_star: true           # one KPI of the handbook may be its north star',
    '    # Internal: only the internal site shows these, unless an approver publishes them.',
    '    # goal_value: 100',
    '    # current_value: 80',
    '    # health: { min: 50, max: 150 }',
  ];
}
