import type { Severity } from './diagnostic.js';

/** One entry of the rule catalogue: what it guards, an example that breaks it, and the fix. */
export interface Rule {
  severity: Severity;
  summary: string;
  example: string;
  fix: string;
}

/**
 * The catalogue of every rule okr-handbook reports. Ids are stable: a published id
 * is never renamed, because CI configurations and editors' searches depend on it.
 * The README's rule table is generated from this object (`npm run docs`).
 */
export const rules = {
  'file/read-error': { severity: 'error', summary: 'A content file could not be read.', example: 'a file without read permission', fix: 'Make the file readable or remove it.' },
  'file/too-large': { severity: 'error', summary: 'A content file is larger than 1 MiB.', example: 'a 5 MB page pasted from a spreadsheet', fix: 'Split the page or move data into static/ files.' },
  'file/encoding': { severity: 'error', summary: 'A content file is not valid UTF-8 text (invalid bytes, UTF-16, NUL characters).', example: 'a page saved as UTF-16 by a Windows editor', fix: 'Save the file as UTF-8.' },
  'frontmatter/missing': { severity: 'error', summary: 'A page has no front matter; every page needs at least a title.', example: 'an empty file', fix: 'Start the file with `---`, `title: …`, `---`.' },
  'frontmatter/language': { severity: 'error', summary: 'Front matter in a language other than YAML (`---js`, `---json`, …); it is never executed.', example: '---javascript', fix: 'Write the front matter as YAML after a plain `---` line.' },
  'frontmatter/not-at-start': { severity: 'error', summary: 'A `---` fence appears after blank lines or spaces, so the front matter would be published as text.', example: ' ---  (a space before the fence)', fix: 'Remove everything before the first `---`.' },
  'frontmatter/fence': { severity: 'error', summary: 'The opening fence is not exactly `---` on a line of its own (e.g. `----`, or old Mac CR-only line endings).', example: '----', fix: 'Use exactly three dashes and LF or CRLF line endings.' },
  'frontmatter/unclosed': { severity: 'error', summary: 'The front matter has no closing `---` line.', example: '---\\ntitle: x\\n(no closing fence)', fix: 'Close the front matter with a `---` line.' },
  'frontmatter/too-large': { severity: 'error', summary: 'The front matter is larger than 64 KiB.', example: 'a history with thousands of check-ins', fix: 'Keep front matter small; long history belongs in the dashboard.' },
  'frontmatter/not-a-map': { severity: 'error', summary: 'The front matter is not a mapping of keys to values.', example: '- title: x', fix: 'Write `key: value` lines at the top level.' },
  'yaml/syntax': { severity: 'error', summary: 'The YAML cannot be parsed (bad indentation, tabs, unclosed quotes, …).', example: 'kr:\\n\\tcurrent: 1', fix: 'Indent with spaces and follow the position in the message.' },
  'yaml/duplicate-key': { severity: 'error', summary: 'A key appears twice in the same mapping.', example: 'title: A\\ntitle: B', fix: 'Keep one of the two keys.' },
  'yaml/alias': { severity: 'error', summary: 'YAML anchors and aliases (`&a`, `*a`) are not allowed: they can blow up the data.', example: 'a: &x [1]\\nb: *x', fix: 'Write the value out in full.' },
  'yaml/merge-key': { severity: 'error', summary: 'YAML merge keys (`<<`) are not allowed.', example: '<<: *defaults', fix: 'Write the keys out in full.' },
  'yaml/tag': { severity: 'error', summary: 'Explicit YAML tags (`!!binary`, `!custom`) are not allowed.', example: 'value: !!float 1', fix: 'Remove the tag; write a plain value.' },
  'yaml/forbidden-key': { severity: 'error', summary: 'Keys `__proto__`, `constructor` and `prototype` are forbidden: they pollute JavaScript objects.', example: '__proto__: { admin: true }', fix: 'Rename or remove the key.' },
  'yaml/unsafe-number': { severity: 'error', summary: 'An integer too large to be represented exactly.', example: 'goal_value: 12345678901234567890', fix: 'Use a smaller number or write it as a decimal.' },
  'schema/required': { severity: 'error', summary: 'A required field is missing.', example: 'an OKR without `label`', fix: 'Add the field.' },
  'schema/invalid-type': { severity: 'error', summary: 'A field has the wrong type.', example: 'weight: two', fix: 'Write a value of the expected type.' },
  'schema/unknown-key': { severity: 'error', summary: 'A key inside `okrs`, `key_results`, `kpis`, `publish` or the config is not part of the contract; a misspelt internal field must never slip through.', example: 'curent_value: 2.1', fix: 'Fix the spelling (the hint names the closest key) or remove it.' },
  'schema/invalid-value': { severity: 'error', summary: 'A field is not one of its allowed values.', example: 'direction: up', fix: 'Use one of the values listed in the message.' },
  'schema/invalid-format': { severity: 'error', summary: 'A string does not have the required form (slug id, date, URL, permalink).', example: 'id: Modern Data Stack', fix: 'Follow the form given in the message.' },
  'schema/out-of-range': { severity: 'error', summary: 'A value is outside its allowed range (empty title, confidence above 1, …).', example: 'confidence: 1.5', fix: 'Use a value inside the range.' },
  'page/unknown-key': { severity: 'warning', summary: 'A page-level key the schema does not know; it is dropped before any layout sees it.', example: 'subcategory: OKRs (from a Jekyll handbook)', fix: 'Remove it, or list it in `pages.extra_keys` in handbook.config.yaml.' },
  'page/duplicate-url': { severity: 'error', summary: 'Two pages resolve to the same URL; one would overwrite the other.', example: 'a/b.md and a/b/index.md', fix: 'Rename one of the files or change its `permalink`.' },
  'page/invalid-layout': { severity: 'error', summary: 'A page names a layout that does not exist.', example: 'layout: wide', fix: 'Use one of the layouts listed in the message.' },
  'okr/label-format': { severity: 'error', summary: 'An OKR label must start with `OKR: ` so issue trackers can use it.', example: 'label: Be the DataOps OS', fix: 'Write `label: "OKR: Be the DataOps OS"`.' },
  'okr/duplicate-id': { severity: 'error', summary: 'Two OKRs share an id.', example: 'id: modern-data-stack on two OKRs', fix: 'Give each OKR its own id.' },
  'okr/duplicate-label': { severity: 'error', summary: 'Two OKRs share a label.', example: 'label: "OKR: Growth" twice', fix: 'Make each label unique.' },
  'okr/timeframe': { severity: 'error', summary: 'An OKR starts on or after its due date.', example: 'start: 2022-08-01, due: 2022-07-31', fix: 'Make `start` earlier than `due`.' },
  'okr/too-many-current': { severity: 'warning', summary: 'More OKRs are current than `okrs.max_current` allows (default 3).', example: 'five OKRs whose timeframes include today', fix: 'Focus on fewer OKRs, or raise `okrs.max_current`.' },
  'kr/duplicate-id': { severity: 'error', summary: 'Two key results of the same OKR share an id.', example: 'id: increase-app twice in one OKR', fix: 'Give each key result its own id.' },
  'kr/unknown-kpi': { severity: 'error', summary: 'A key result names a KPI that no page defines.', example: 'kpi: ap', fix: 'Use the id of a KPI (the hint names the closest one).' },
  'kr/due-after-okr': { severity: 'error', summary: 'A key result is due after its OKR.', example: 'KR due 2022-08-15, OKR due 2022-07-31', fix: 'Move the key result\'s `due` inside the OKR\'s timeframe.' },
  'kr/no-change': { severity: 'error', summary: 'A key result\'s `target_value` equals its `start_value`, so it has no direction.', example: 'start_value: 2, target_value: 2', fix: 'Set a target that differs from the start.' },
  'history/order': { severity: 'error', summary: 'History check-ins are not in ascending date order.', example: '2022-04-01 listed before 2022-03-01', fix: 'Sort the history by date, oldest first.' },
  'history/outside-timeframe': { severity: 'error', summary: 'A key result check-in lies outside the timeframe.', example: 'a check-in after the due date', fix: 'Fix the date or the timeframe.' },
  'kpi/duplicate-id': { severity: 'error', summary: 'Two KPIs share an id.', example: 'id: app on two pages', fix: 'Give each KPI its own id.' },
  'kpi/multiple-north-stars': { severity: 'error', summary: 'More than one KPI is marked `north_star: true`.', example: 'two KPIs with north_star: true', fix: 'Keep one north-star metric.' },
  'kpi/health-range': { severity: 'error', summary: 'A KPI\'s `health.min` is greater than `health.max`.', example: 'health: { min: 10, max: 5 }', fix: 'Swap or correct the bounds.' },
  'publish/unknown-approver': { severity: 'error', summary: 'A publish approval names someone who is not an approver in handbook.config.yaml.', example: 'approved_by: intern', fix: 'Use an approver id from the config, or add the approver there.' },
  'publish/future-date': { severity: 'error', summary: 'A publish approval is dated after today.', example: 'approved_on: 2099-01-01', fix: 'Use the date the approval was given.' },
  'publish/not-internal-field': { severity: 'error', summary: 'A publish approval names a field that is not an internal field of that record.', example: 'fields: [title]', fix: 'Name internal fields only (the hint lists them).' },
  'link/broken-page': { severity: 'error', summary: 'A link points at a page that does not exist in the handbook.', example: '[KPIs](/data-team/kpi)', fix: 'Fix the path (the hint names the closest page).' },
  'link/broken-anchor': { severity: 'error', summary: 'A link\'s `#fragment` matches no heading, OKR or KPI anchor on the target page.', example: '[APP](/data-team/kpis#no-such-heading)', fix: 'Use an existing anchor (the hint names the closest one).' },
  'link/to-draft': { severity: 'error', summary: 'A published page links to a draft page, which the public site does not have (a warning under `links.broken: warn`).', example: '[Plan](/company/plan/) where plan.md has draft: true', fix: 'Publish the page or remove the link.' },
  'link/invalid-url': { severity: 'error', summary: 'A URL is malformed or uses a scheme that is not allowed (`javascript:`, `data:`, …).', example: '[x](javascript:alert(1))', fix: 'Use an http(s), mailto or site-relative URL.' },
  'build/layout-error': { severity: 'error', summary: 'A layout failed while rendering a page; nothing was written.', example: 'a custom layout that calls an unknown filter', fix: 'Fix the layout named in the message.' },
  'build/output-path': { severity: 'error', summary: 'A page would be written outside the output folder.', example: 'a permalink that escapes the site', fix: 'Use an absolute permalink inside the site.' },
  'build/internal-data': { severity: 'error', summary: 'Internal data reached the site generator in a public build (the projection guard).', example: 'a layout plugin that re-adds current_value', fix: 'This is a bug in okr-handbook or a custom plugin: report it.' },
  'build/search-index': { severity: 'error', summary: 'The search index could not be built; nothing was written.', example: 'the pagefind binary missing after an incomplete install', fix: 'Reinstall with `npm ci`.' },
  'build/leak': { severity: 'error', summary: 'An internal value was found in a file of the public output; nothing was published.', example: 'a custom layout printing a KPI value', fix: 'Remove the value from the layout, or publish it with a `publish` approval.' },
} as const satisfies Record<string, Rule>;

/** A stable rule id. */
export type RuleId = keyof typeof rules;
