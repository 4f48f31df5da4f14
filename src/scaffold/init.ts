import { ConfigSchema } from '../../schemas/config.js';
import { CI_FILES } from './ci.js';
import { configYaml } from './config-file.js';
import { slugOf } from './names.js';
import { skeleton } from './new.js';

/** What a new handbook is made from. */
export interface InitInput {
  title: string;
  /** YYYY-MM-DD: the example OKR covers this day's quarter. */
  today: string;
  /** okr-handbook's version, for package.json. */
  version: string;
}

/** Written only when the folder has none: a repository that already uses npm keeps its own. */
export const OPTIONAL_FILES = new Set(['package.json']);

const KPI_ID = 'weekly-active-editors';

/**
 * The files of a new handbook repository, by path: a commented config, a home
 * page, a section with an OKR page and a KPI page in the contract's form (the
 * OKR's key result moves the KPI), .gitignore, package.json and CI workflows.
 * Together they pass `handbook check` and build for both audiences.
 */
export function initFiles(input: InitInput): Map<string, string> {
  return new Map([
    ['handbook.config.yaml', configYaml(ConfigSchema, { site: { title: input.title }, approvers: [{ id: 'ceo', name: 'Chief Executive Officer' }] }, CONFIG_HEADER)],
    ['content/index.md', home(input.title)],
    ['content/company/index.md', SECTION],
    ['content/company/goals.md', skeleton({ kind: 'okr', title: 'Make the handbook where we plan', pageTitle: 'Goals', url: '/company/goals/', id: 'handbook-first', today: input.today, kpiIds: [KPI_ID], keyResultKpi: KPI_ID })],
    ['content/company/metrics.md', skeleton({ kind: 'kpi', title: 'Weekly active editors', pageTitle: 'Metrics', url: '/company/metrics/', id: KPI_ID, today: input.today, kpiIds: [] })],
    ['.gitignore', GITIGNORE],
    ['package.json', packageJson(input)],
    ...Object.entries(CI_FILES),
  ]);
}

const CONFIG_HEADER = [
  'The configuration of this handbook. Every key but site.title is optional.',
  'Each key is explained in node_modules/okr-handbook/docs/config.md;',
  '`npx handbook schema --config` prints its JSON Schema for editors.',
];

function home(title: string): string {
  return `---
title: ${JSON.stringify(title)}
description: How we work, what we aim for, and how we measure it.
---

Welcome to the handbook. Every page is a Markdown file under \`content/\`: this
one is \`content/index.md\`.

- [Company](company/index.md): our [goals](company/goals.md) and the
  [metrics](company/metrics.md) they move.
- Every OKR is listed on [OKRs](/okrs/), every KPI on [KPIs](/kpis/).

## Editing

\`\`\`sh
npm install                        # once
npx handbook serve                 # a preview that reloads as you save
npx handbook new page company/values
npx handbook check                 # what CI runs on every push
\`\`\`
`;
}

const SECTION = `---
title: Company
weight: 1
description: Our objectives and the metrics we track.
---

A folder of \`content/\` is a section of the sidebar, and its \`index.md\` is the
section's page. Its pages are listed by \`weight\`, then by title.
`;

const GITIGNORE = `node_modules/
.cache/
dist/
dist-internal/
public/
`;

function packageJson(input: InitInput): string {
  const pkg = {
    name: slugOf(input.title) || 'handbook',
    private: true,
    scripts: { check: 'handbook check', build: 'handbook build', serve: 'handbook serve' },
    devDependencies: { 'okr-handbook': `^${input.version}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
