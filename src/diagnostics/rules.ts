import type { Severity } from './diagnostic.js';
import type { TemplateKind } from '../markdown/migration.js';
import { listCode } from './did-you-mean.js';

/**
 * One entry of the rule catalogue: what it guards, an example that breaks it, the
 * fix, and the texts of its diagnostics. `A` is what a call site gives to make
 * them (`diagnostic(code, place, args)`): the rule's own details, never text
 * (except what a parser or Zod wrote); `void` when the texts never vary.
 */
export interface Rule<A = void> {
  severity: Severity;
  summary: string;
  example: string;
  fix: string;
  /** The diagnostic's message. */
  message: (args: A) => string;
  /** What to do about it: a fixed text, or one made from the same details (`undefined`: no hint). */
  hint: string | ((args: A) => string | undefined);
}

/** Declares a rule; its args type is inferred from `message`, and `hint` is checked against it. */
const rule = <A = void>(r: Rule<A>): Rule<A> => r;

const guessOr = (guess: string | undefined, otherwise: string) => (guess ? `did you mean \`${guess}\`?` : otherwise);
const alreadyDefined = (what: string) => (a: { key: string }) => `${what} \`${a.key}\` is already defined`;
const fixedForm = (field: string) => `\`${field}\` has a fixed form; \`handbook schema\` shows it`;
/** The hint of every error the YAML parser itself reports, but tabs and duplicate keys. */
const YAML_PARSER_HINT = 'check the indentation and quoting at this position';

function rangeMessage(a: { too: 'small' | 'big'; origin: string; bound: number | bigint }): string {
  const word = a.too === 'small' ? 'at least' : 'at most';
  if (a.origin === 'array') return `expected ${word} ${String(a.bound)} item(s)`;
  if (a.origin === 'string') return `expected ${word} ${String(a.bound)} character(s)`;
  return `expected a number ${word} ${String(a.bound)}`;
}

function ownerText(owner: string | undefined): string {
  return owner === undefined ? 'it has no owner' : `owner: ${owner}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function typeName(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return `\`${value}\``;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

/** What to write instead of each kind of template syntax. */
const TEMPLATE_HINTS: Record<TemplateKind, string> = {
  include: 'paste what the include holds into the page, or link to a page that has it',
  baseurl: 'write the site path itself, e.g. `/company/`: the build puts the base path (site.url) before it; until then, a link whose target holds it is left out',
  output: 'write the value itself',
  tag: 'remove the tag and keep the text it should show',
  comment: 'write an HTML comment `<!-- … -->`, which is dropped from the page',
  toc: 'remove it (and the `* TOC` line before it): every page lists its h2 and h3 headings under "On this page"',
  attributes: 'remove it: classes and ids cannot be set in Markdown here',
  'heading-id': 'remove it: a heading\'s anchor is made from its text (GitHub\'s slug)',
};

/** How to write in Markdown what a raw HTML element meant. */
function rawHtmlHint(tag: string): string {
  const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(tag)?.[1]?.toLowerCase() ?? '';
  if (name === 'img') return 'write the image in Markdown: `![what it shows](/images/file.png)`';
  if (name === 'a') return 'write the link in Markdown: `[text](/company/)`';
  if (name === 'br') return 'end the line with a backslash `\\` for a line break';
  if (['table', 'thead', 'tbody', 'tr', 'td', 'th'].includes(name)) return 'write a GFM table: `| a | b |`, `|---|---|`';
  if (['script', 'style', 'iframe', 'object', 'embed', 'video', 'audio', 'form', 'input', 'button', 'link', 'meta'].includes(name)) return 'scripts, styles and embeds are never published: link to the page or file instead';
  if (['b', 'strong', 'i', 'em', 'u', 'code', 'kbd', 'sup', 'sub', 'mark', 'small', 'span', 'font', 'center'].includes(name)) return 'write it in Markdown: **bold**, *emphasis*, `code`';
  return 'write it in Markdown; raw HTML is never published, for safety';
}

/**
 * The catalogue of every rule okr-handbook reports, and the one place their
 * messages and hints are written. Ids are stable: a published id is never
 * renamed, because CI configurations and editors' searches depend on it.
 * The README's rule table is generated from this object (`npm run docs`).
 */
export const rules = {
  'file/read-error': rule({
    severity: 'error', summary: 'A content file could not be read.', example: 'a file without read permission', fix: 'Make the file readable or remove it.',
    message: (a: { reason: string }) => `file cannot be read: ${a.reason}`,
    hint: 'make the file readable, or remove it',
  }),
  'file/too-large': rule({
    severity: 'error', summary: 'A content file is larger than 1 MiB.', example: 'a 5 MB page pasted from a spreadsheet', fix: 'Split the page or move data into static/ files.',
    message: (a: { bytes: number; limit: number }) => `file is ${a.bytes} bytes, more than the limit of ${a.limit}`,
    hint: 'split the page, or move large data to a file under static/',
  }),
  'file/encoding': rule({
    severity: 'error', summary: 'A content file is not valid UTF-8 text (invalid bytes, UTF-16, NUL characters).', example: 'a page saved as UTF-16 by a Windows editor', fix: 'Save the file as UTF-8.',
    message: (a: { kind: 'invalid'; utf16Bom: boolean } | { kind: 'nul' }) =>
      a.kind === 'nul' ? 'file contains a NUL character: it is binary or UTF-16, not UTF-8 text' : `file is not valid UTF-8${a.utf16Bom ? ' (it starts with a UTF-16 byte-order mark)' : ''}`,
    hint: 'save the file as UTF-8',
  }),
  'frontmatter/missing': rule({
    severity: 'error', summary: 'A page has no front matter; every page needs at least a title.', example: 'an empty file', fix: 'Start the file with `---`, `title: …`, `---`.',
    message: () => 'page has no front matter',
    hint: 'start the file with `---`, a `title:` line, and `---`',
  }),
  'frontmatter/language': rule({
    severity: 'error', summary: 'Front matter in a language other than YAML (`---js`, `---json`, …); it is never executed.', example: '---javascript', fix: 'Write the front matter as YAML after a plain `---` line.',
    message: (a: { language: string }) => `front matter language \`${a.language}\` is not supported; front matter is never executed`,
    hint: 'write the front matter as YAML after a plain `---` line',
  }),
  'frontmatter/not-at-start': rule({
    severity: 'error', summary: 'A `---` fence appears after blank lines or spaces, so the front matter would be published as text.', example: ' ---  (a space before the fence)', fix: 'Remove everything before the first `---`.',
    message: () => 'the front matter fence must be the very first line of the file',
    hint: 'remove the blank lines or spaces before `---`',
  }),
  'frontmatter/fence': rule({
    severity: 'error', summary: 'The opening fence is not exactly `---` on a line of its own (e.g. `----`, or old Mac CR-only line endings).', example: '----', fix: 'Use exactly three dashes and LF or CRLF line endings.',
    message: (a: { kind: 'opening'; found: string } | { kind: 'cr-only' } | { kind: 'inside' }) =>
      a.kind === 'opening'
        ? `the opening fence must be exactly \`---\`, found \`${a.found}\``
        : a.kind === 'cr-only'
          ? 'the file uses CR-only line endings, so its front matter cannot be found'
          : 'a line inside the front matter starts with `---`; it would end the front matter early',
    hint: (a) => (a.kind === 'inside' ? 'quote the value, or remove the dashes' : 'use exactly three dashes and LF or CRLF line endings'),
  }),
  'frontmatter/unclosed': rule({
    severity: 'error', summary: 'The front matter has no closing `---` line.', example: '---\\ntitle: x\\n(no closing fence)', fix: 'Close the front matter with a `---` line.',
    message: () => 'front matter has no closing `---` line',
    hint: 'add a line with `---` after the last front-matter key',
  }),
  'frontmatter/too-large': rule({
    severity: 'error', summary: 'The front matter is larger than 64 KiB.', example: 'a history with thousands of check-ins', fix: 'Keep front matter small; long history belongs in the dashboard.',
    message: (a: { limit: number }) => `front matter is larger than the limit of ${a.limit} bytes`,
    hint: 'keep front matter small; long histories belong in the dashboard',
  }),
  'frontmatter/not-a-map': rule({
    severity: 'error', summary: 'The front matter is not a mapping of keys to values.', example: '- title: x', fix: 'Write `key: value` lines at the top level.',
    message: () => 'front matter must be a mapping of keys to values',
    hint: 'write `title: …` and other `key: value` lines',
  }),
  'yaml/syntax': rule({
    severity: 'error', summary: 'The YAML cannot be parsed (bad indentation, tabs, unclosed quotes, …).', example: 'kr:\\n\\tcurrent: 1', fix: 'Indent with spaces and follow the position in the message.',
    message: (a: { message: string; tab: boolean }) => a.message,
    hint: (a) => (a.tab ? 'indent with spaces, never tabs' : YAML_PARSER_HINT),
  }),
  'yaml/duplicate-key': rule({
    severity: 'error', summary: 'A key appears twice in the same mapping.', example: 'title: A\\ntitle: B', fix: 'Keep one of the two keys.',
    message: (a: { message: string }) => a.message,
    hint: 'keep one of the two keys',
  }),
  'yaml/alias': rule({
    severity: 'error', summary: 'YAML anchors and aliases (`&a`, `*a`) are not allowed: they can blow up the data.', example: 'a: &x [1]\\nb: *x', fix: 'Write the value out in full.',
    message: (a: { alias: string } | { anchor: string } | { message: string }) =>
      'alias' in a ? `alias \`*${a.alias}\` is not allowed in front matter` : 'anchor' in a ? `anchor \`&${a.anchor}\` is not allowed in front matter` : a.message,
    hint: (a) => ('message' in a ? YAML_PARSER_HINT : 'write the value out in full'),
  }),
  'yaml/merge-key': rule({
    severity: 'error', summary: 'YAML merge keys (`<<`) are not allowed.', example: '<<: *defaults', fix: 'Write the keys out in full.',
    message: () => 'merge key `<<` is not allowed in front matter',
    hint: 'write the keys out in full',
  }),
  'yaml/tag': rule({
    severity: 'error', summary: 'Explicit YAML tags (`!!binary`, `!custom`) are not allowed.', example: 'value: !!float 1', fix: 'Remove the tag; write a plain value.',
    message: (a: { tag: string } | { message: string }) => ('tag' in a ? `tag \`${a.tag}\` is not allowed in front matter` : a.message),
    hint: (a) => ('tag' in a ? 'remove the tag and write a plain value' : YAML_PARSER_HINT),
  }),
  'yaml/forbidden-key': rule({
    severity: 'error', summary: 'Keys `__proto__`, `constructor` and `prototype` are forbidden: they pollute JavaScript objects.', example: '__proto__: { admin: true }', fix: 'Rename or remove the key.',
    message: (a: { key: string }) => `key \`${a.key}\` is forbidden`,
    hint: 'rename or remove the key',
  }),
  'yaml/unsafe-number': rule({
    severity: 'error', summary: 'An integer too large to be represented exactly.', example: 'goal_value: 12345678901234567890', fix: 'Use a smaller number or write it as a decimal.',
    message: (a: { integer: string }) => `integer \`${a.integer}\` is too large to be represented exactly`,
    hint: 'use a smaller number',
  }),
  'schema/required': rule({
    severity: 'error', summary: 'A required field is missing.', example: 'an OKR without `label`', fix: 'Add the field.',
    message: (a: { field: string }) => `missing required field \`${a.field}\``,
    hint: (a) => `add \`${a.field}:\``,
  }),
  'schema/invalid-type': rule({
    severity: 'error', summary: 'A field has the wrong type.', example: 'weight: two', fix: 'Write a value of the expected type.',
    message: (a: { expected: string; input: unknown } | { message: string }) => ('message' in a ? a.message : `expected ${a.expected}, got ${typeName(a.input)}`),
    hint: (a) => ('message' in a ? undefined : `write ${article(a.expected)} ${a.expected}`),
  }),
  'schema/unknown-key': rule({
    severity: 'error', summary: 'A key inside `okrs`, `key_results`, `kpis`, `publish` or the config is not part of the contract; a misspelt internal field must never slip through.', example: 'curent_value: 2.1', fix: 'Fix the spelling (the hint names the closest key) or remove it.',
    message: (a: { key: string; expected: readonly string[]; guess?: string | undefined }) => `Unexpected \`${a.key}\`, expected one of ${listCode(a.expected)}`,
    hint: (a) => guessOr(a.guess, 'remove the key; unknown keys are never published'),
  }),
  'schema/invalid-value': rule({
    severity: 'error', summary: 'A field is not one of its allowed values.', example: 'direction: up', fix: 'Use one of the values listed in the message.',
    message: (a: { allowed: readonly string[]; input: unknown; guess?: string | undefined }) => `expected one of ${listCode(a.allowed)}, got \`${String(a.input)}\``,
    hint: (a) => guessOr(a.guess, `use one of ${listCode(a.allowed)}`),
  }),
  'schema/invalid-format': rule({
    severity: 'error', summary: 'A string does not have the required form (slug id, date, URL, permalink).', example: 'id: Modern Data Stack', fix: 'Follow the form given in the message.',
    message: (a: { message: string; field: string }) => a.message,
    hint: (a) => fixedForm(a.field),
  }),
  'schema/out-of-range': rule({
    severity: 'error', summary: 'A value is outside its allowed range (empty title, confidence above 1, …).', example: 'confidence: 1.5', fix: 'Use a value inside the range.',
    message: (a: { field: string; message?: string | undefined; too: 'small' | 'big'; origin: string; bound: number | bigint }) => a.message ?? rangeMessage(a),
    hint: (a) => `change \`${a.field}\` to a value inside the range`,
  }),
  'person/duplicate-id': rule({
    severity: 'error', summary: 'Two people share an id (in `people` or in the `people_file`).', example: 'id: alice twice', fix: 'Give each person their own id.',
    message: alreadyDefined('Person id'),
    hint: 'give each person their own id; `owner:` and approvers name people by it',
  }),
  'person/unknown': rule({
    severity: 'error', summary: 'An `owner` (of a page, OKR, key result or KPI), or an approver without a `name`, names a person that `people` does not list.', example: 'owner: alcie', fix: 'Use the id of a person (the hint names the closest one), or add the person to `people`.',
    message: (a: { id: string; role: 'owner' | 'approver'; guess?: string | undefined }) =>
      a.role === 'owner' ? `owner \`${a.id}\` is not a person in \`people\`` : `approver \`${a.id}\` has no \`name\` and is not a person in \`people\``,
    hint: (a) => guessOr(a.guess, a.role === 'owner' ? 'add the person to `people` in handbook.config.yaml (or its people_file), or fix the id' : 'give the approver a `name`, or add the person to `people`'),
  }),
  'page/unknown-key': rule({
    severity: 'warning', summary: 'A page-level key the schema does not know; it is dropped before any layout sees it.', example: 'subcategory: OKRs (from a Jekyll handbook)', fix: 'Remove it, or list it in `pages.extra_keys` in handbook.config.yaml.',
    message: (a: { key: string; expected: readonly string[]; guess?: string | undefined }) => `Unexpected page key \`${a.key}\`, expected one of ${listCode(a.expected)}; it is dropped`,
    hint: (a) => guessOr(a.guess, 'remove it, or list it in `pages.extra_keys` in handbook.config.yaml'),
  }),
  'page/duplicate-url': rule({
    severity: 'error', summary: 'Two pages resolve to the same URL; one would overwrite the other.', example: 'a/b.md and a/b/index.md', fix: 'Rename one of the files or change its `permalink`.',
    message: (a: { kind: 'generated'; url: string } | { kind: 'page'; url: string; other: string } | { kind: 'static'; written: string }) =>
      a.kind === 'generated'
        ? `URL \`${a.url}\` is reserved for a page okr-handbook generates`
        : a.kind === 'page'
          ? `this page and ${a.other} both resolve to \`${a.url}\``
          : `this page and the static file \`static${a.written}\` are both written to \`${a.written}\``,
    hint: (a) => (a.kind === 'generated' ? 'choose another file name or permalink' : a.kind === 'page' ? 'rename one of the files or change its permalink' : 'rename the page or the static file'),
  }),
  'redirect/conflict': rule({
    severity: 'error', summary: 'A `redirect_from` URL is also a page, a generated page or a static file, or two pages claim it; each side is reported.', example: 'redirect_from: [/company/] where /company/ is a page', fix: 'Remove the URL from `redirect_from`, or move what is there.',
    message: (
      a:
        | { kind: 'page'; url: string; other: string }
        | { kind: 'target'; url: string; other: string }
        | { kind: 'own'; url: string }
        | { kind: 'generated'; url: string }
        | { kind: 'static'; url: string; written: string }
        | { kind: 'claimed'; url: string; other: string },
    ) =>
      a.kind === 'page'
        ? `\`${a.url}\` in \`redirect_from\` is the URL of ${a.other}; a redirect cannot replace a page`
        : a.kind === 'target'
          ? `this page's URL \`${a.url}\` is also in \`redirect_from\` of ${a.other}`
          : a.kind === 'own'
            ? `\`${a.url}\` in \`redirect_from\` is this page's own URL`
            : a.kind === 'generated'
              ? `\`${a.url}\` in \`redirect_from\` is reserved for a page okr-handbook generates`
              : a.kind === 'static'
                ? `\`${a.url}\` in \`redirect_from\` is written by the static file \`static${a.written}\``
                : `\`${a.url}\` is in \`redirect_from\` of ${a.other} too; an old URL redirects to one page only`,
    hint: (a) =>
      a.kind === 'target'
        ? 'remove it from `redirect_from` there, or move this page'
        : a.kind === 'claimed'
          ? 'keep it on the page that took the old page\'s place'
          : a.kind === 'page'
            ? 'remove it from `redirect_from`, or move that page'
            : 'remove it from `redirect_from`',
  }),
  'page/moved-without-redirect': rule({
    severity: 'error', summary: 'A page URL that existed at the git ref of `check --since` is gone, and no page lists it in `redirect_from`: every bookmark and outside link to it breaks.', example: 'git mv content/company/goals.md content/strategy/goals.md', fix: 'Add the old URL to the `redirect_from` of the page that took its place (the hint has the line).',
    message: (a: { kind: 'renamed' | 'changed' | 'deleted'; url: string; ref: string; was: string; hasList: boolean }) =>
      a.kind === 'renamed'
        ? `this page was \`${a.url}\` at \`${a.ref}\` (as ${a.was}); no page is there now, and no \`redirect_from\` lists it`
        : a.kind === 'changed'
          ? `this page was \`${a.url}\` at \`${a.ref}\`; no page is there now, and no \`redirect_from\` lists it`
          : `\`${a.url}\` existed at \`${a.ref}\`; this file was deleted, and no \`redirect_from\` lists its URL`,
    hint: (a) =>
      a.kind === 'deleted'
        ? `add \`redirect_from: [${a.url}]\` to the page that replaces it`
        : a.hasList
          ? `add \`- ${a.url}\` to this page's \`redirect_from\` list`
          : `add \`redirect_from: [${a.url}]\` to this page's front matter`,
  }),
  'static/reserved-path': rule({
    severity: 'error', summary: 'A static file would replace a file every build writes: a generated page (`/okrs/`, `/kpis/`, `/transparency/`, `/404.html`), `robots.txt`, `sitemap.xml`, or a file under `/assets/` or `/pagefind/`.', example: 'static/sitemap.xml', fix: 'Rename or move the file; change the 404 page or the assets through layouts/.',
    message: (a: { written: string }) => `this static file would replace \`/${a.written}\`, which every build writes`,
    hint: 'rename or move it; the 404 page and the assets are changed through layouts/',
  }),
  'page/invalid-layout': rule({
    severity: 'error', summary: 'A page names a layout that does not exist.', example: 'layout: wide', fix: 'Use one of the layouts listed in the message.',
    message: (a: { layout: string; layouts: readonly string[]; guess?: string | undefined }) => `layout \`${a.layout}\` does not exist, expected one of ${listCode(a.layouts)}`,
    hint: (a) => guessOr(a.guess, 'remove `layout:` to use the default page layout'),
  }),
  'okr/label-format': rule({
    severity: 'error', summary: 'An OKR label must start with `OKR: ` so issue trackers can use it.', example: 'label: Be the DataOps OS', fix: 'Write `label: "OKR: Be the DataOps OS"`.',
    message: (a: { message: string; input: unknown; field: string }) => a.message,
    hint: (a) => (typeof a.input === 'string' ? `write: "OKR: ${a.input.replace(/^OKR:?\s*/i, '')}"` : fixedForm(a.field)),
  }),
  'okr/duplicate-id': rule({
    severity: 'error', summary: 'Two OKRs share an id.', example: 'id: modern-data-stack on two OKRs', fix: 'Give each OKR its own id.',
    message: alreadyDefined('OKR id'),
    hint: 'give each OKR its own id',
  }),
  'okr/duplicate-label': rule({
    severity: 'error', summary: 'Two OKRs share a label.', example: 'label: "OKR: Growth" twice', fix: 'Make each label unique.',
    message: alreadyDefined('OKR label'),
    hint: 'give each OKR its own label',
  }),
  'okr/timeframe': rule({
    severity: 'error', summary: 'An OKR starts on or after its due date.', example: 'start: 2022-08-01, due: 2022-07-31', fix: 'Make `start` earlier than `due`.',
    message: (a: { id: string; start: string; due: string }) => `OKR \`${a.id}\` starts on ${a.start}, not before its due date ${a.due}`,
    hint: 'make `start` earlier than `due`',
  }),
  'okr/unknown-parent': rule({
    severity: 'error', summary: 'An OKR\'s `parent` names no OKR of the handbook.', example: 'parent: modern-data-stak', fix: 'Use the id of an OKR (the hint names the closest one).',
    message: (a: { id: string; parent: string; guess?: string | undefined }) => `OKR \`${a.id}\` is aligned to parent \`${a.parent}\`, which is not the id of an OKR`,
    hint: (a) => guessOr(a.guess, 'use the id of the OKR this one is aligned to, or remove `parent:`'),
  }),
  'okr/parent-cycle': rule({
    severity: 'error', summary: 'OKRs whose `parent` chain leads back to themselves, so none of them sits under a root.', example: 'team-a under team-b, team-b under team-a', fix: 'Break the cycle: align one of them to an OKR outside it, or to none.',
    message: (a: { id: string; chain: readonly string[] }) => `OKR \`${a.id}\` is its own ancestor: ${a.chain.map((id) => `\`${id}\``).join(' → ')}`,
    hint: 'align one OKR of the cycle to an OKR outside it, or remove its `parent:`',
  }),
  'okr/too-many-current': rule({
    severity: 'warning', summary: 'More top-level OKRs (those without a `parent`) are current than `okrs.max_current` allows (default 3).', example: 'five OKRs whose timeframes include today', fix: 'Focus on fewer OKRs, or raise `okrs.max_current`.',
    message: (a: { count: number; today: string; max: number }) => `${a.count} top-level OKRs are current on ${a.today}, more than \`okrs.max_current\` (${a.max})`,
    hint: 'focus on fewer OKRs at a time, or raise `okrs.max_current` in handbook.config.yaml',
  }),
  'kr/duplicate-id': rule({
    severity: 'error', summary: 'Two key results of the same OKR share an id.', example: 'id: increase-app twice in one OKR', fix: 'Give each key result its own id.',
    message: alreadyDefined('Key result id'),
    hint: 'give each key result of this OKR its own id',
  }),
  'kr/unknown-kpi': rule({
    severity: 'error', summary: 'A key result names a KPI that no page defines.', example: 'kpi: ap', fix: 'Use the id of a KPI (the hint names the closest one).',
    message: (a: { id: string; kpi: string; guess?: string | undefined }) => `key result \`${a.id}\` names KPI \`${a.kpi}\`, which no page defines`,
    hint: (a) => guessOr(a.guess, 'define the KPI in a page\'s `kpis:` list, or fix the id'),
  }),
  'kr/due-after-okr': rule({
    severity: 'error', summary: 'A key result is due after its OKR.', example: 'KR due 2022-08-15, OKR due 2022-07-31', fix: 'Move the key result\'s `due` inside the OKR\'s timeframe.',
    message: (a: { id: string; due: string; okrDue: string }) => `key result \`${a.id}\` is due ${a.due}, after its OKR (${a.okrDue})`,
    hint: (a) => `use a date on or before ${a.okrDue}`,
  }),
  'kr/no-change': rule({
    severity: 'error', summary: 'A key result\'s `target_value` equals its `start_value`, so it has no direction.', example: 'start_value: 2, target_value: 2', fix: 'Set a target that differs from the start.',
    message: (a: { id: string; value: number }) => `key result \`${a.id}\` has the same start and target value (${a.value})`,
    hint: 'set a target that differs from the start; its sign gives the direction',
  }),
  'kr/stale-check-in': rule({
    severity: 'warning', summary: 'A key result of a current OKR has had no check-in for longer than `okrs.check_in_every_days` (only when it is set).', example: 'the last check-in 40 days ago, with check_in_every_days: 14', fix: 'Add a check-in to its `history`.',
    message: (a: { id: string; okr: string; since: string; checkedIn: boolean; days: number; every: number; owner?: string | undefined }) =>
      `key result \`${a.id}\` of OKR \`${a.okr}\` has had no check-in since ${a.checkedIn ? a.since : `its OKR started on ${a.since}`} (${a.days} days; the cadence is every ${a.every} days); ${ownerText(a.owner)}`,
    hint: (a) => (a.owner !== undefined ? `${a.owner}: add a check-in (date, value, confidence) to \`history\`` : 'add a check-in (date, value, confidence) to `history`, and give the key result an `owner`'),
  }),
  'kr/missing-score': rule({
    severity: 'warning', summary: 'A key result of an OKR whose due date has passed has no `score`.', example: 'an OKR due 2022-07-31, checked on 2022-09-01, without scores', fix: 'Grade it: `score:` from 0 to 1.',
    message: (a: { id: string; okr: string; due: string; owner?: string | undefined }) => `key result \`${a.id}\` of OKR \`${a.okr}\`, due ${a.due}, has no \`score\`; ${ownerText(a.owner)}`,
    hint: 'grade it with `score:` from 0 to 1 (0.6 to 0.7 is the sweet spot of an ambitious key result), and write the OKR\'s `retrospective`',
  }),
  'history/order': rule({
    severity: 'error', summary: 'History check-ins are not in ascending date order.', example: '2022-04-01 listed before 2022-03-01', fix: 'Sort the history by date, oldest first.',
    message: (a: { date: string; previous: string }) => `check-in ${a.date} is not after the one before it (${a.previous})`,
    hint: 'list check-ins oldest first, one per date',
  }),
  'history/outside-timeframe': rule({
    severity: 'error', summary: 'A key result check-in lies outside the timeframe.', example: 'a check-in after the due date', fix: 'Fix the date or the timeframe.',
    message: (a: { date: string; start: string | undefined; due: string }) =>
      `check-in ${a.date} is outside the timeframe (${a.start !== undefined ? `${a.start} to ${a.due}` : `up to ${a.due}`})`,
    hint: 'fix the date, or the timeframe',
  }),
  'kpi/duplicate-id': rule({
    severity: 'error', summary: 'Two KPIs share an id.', example: 'id: app on two pages', fix: 'Give each KPI its own id.',
    message: alreadyDefined('KPI id'),
    hint: 'give each KPI its own id',
  }),
  'kpi/multiple-north-stars': rule({
    severity: 'error', summary: 'More than one KPI is marked `north_star: true`.', example: 'two KPIs with north_star: true', fix: 'Keep one north-star metric.',
    message: (a: { id: string }) => `KPI \`${a.id}\` is marked as north star, but another KPI already is`,
    hint: 'keep `north_star: true` on one KPI only',
  }),
  'kpi/health-range': rule({
    severity: 'error', summary: 'A KPI\'s `health.min` is greater than `health.max`.', example: 'health: { min: 10, max: 5 }', fix: 'Swap or correct the bounds.',
    message: (a: { id: string; min: number; max: number }) => `health range of KPI \`${a.id}\` is upside down: min ${a.min} > max ${a.max}`,
    hint: 'swap or correct the bounds',
  }),
  'publish/unknown-approver': rule({
    severity: 'error', summary: 'A publish approval names someone who is not an approver in handbook.config.yaml.', example: 'approved_by: intern', fix: 'Use an approver id from the config, or add the approver there.',
    message: (a: { approver: string; approvers: readonly string[]; guess?: string | undefined }) => `\`${a.approver}\` is not an approver in handbook.config.yaml`,
    hint: (a) => guessOr(a.guess, a.approvers.length ? `approvers are ${listCode(a.approvers)}` : 'add approvers to handbook.config.yaml'),
  }),
  'publish/future-date': rule({
    severity: 'error', summary: 'A publish approval is dated after today.', example: 'approved_on: 2099-01-01', fix: 'Use the date the approval was given.',
    message: (a: { date: string; today: string }) => `approval is dated ${a.date}, after today (${a.today})`,
    hint: 'use the date the approval was given',
  }),
  'publish/not-internal-field': rule({
    severity: 'error', summary: 'A publish approval names a field that is not an internal field of that record.', example: 'fields: [title]', fix: 'Name internal fields only (the hint lists them).',
    message: (a: { field: string; allowed: readonly string[]; guess?: string | undefined }) => `\`${a.field}\` is not an internal field of this record, expected one of ${listCode(a.allowed)}`,
    hint: (a) => guessOr(a.guess, 'public fields need no approval; name internal fields only'),
  }),
  'body/template-syntax': rule({
    severity: 'warning', summary: 'A page body (or a KPI definition) holds Liquid or Nunjucks syntax (`{% include %}`, `{{ site.baseurl }}`, `{# #}`) or a kramdown attribute list (`{:toc}`, `{: .class}`, `{#id}`): no template language runs on pages, so it shows as text (a link target holding it is left out).', example: '{% include toc.html %} (from a Jekyll handbook)', fix: 'Write what it should show instead (the hint says what).',
    message: (a: { kind: TemplateKind; text: string }) =>
      a.kind === 'toc' || a.kind === 'attributes' || a.kind === 'heading-id'
        ? `\`${a.text}\` is a kramdown attribute list; it shows on the page as text`
        : `\`${a.text.replace(/\s+/g, ' ')}\` is template syntax (Liquid, Nunjucks); no template runs on pages, so it shows as text`,
    hint: (a) => TEMPLATE_HINTS[a.kind],
  }),
  'body/raw-html-dropped': rule({
    severity: 'warning', summary: 'A page body (or a KPI definition) holds raw HTML, which the sanitiser drops from the page (comments are dropped too, on purpose, and not reported).', example: '<details><summary>More</summary>…</details>', fix: 'Write it in Markdown (the hint says how).',
    message: (a: { tag: string }) => `raw HTML \`${a.tag.length > 60 ? `${a.tag.slice(0, 57)}...` : a.tag}\` is dropped from the page`,
    hint: (a) => rawHtmlHint(a.tag),
  }),
  'link/broken-page': rule({
    severity: 'error', summary: 'A link points at a page that does not exist in the handbook.', example: '[KPIs](/data-team/kpi)', fix: 'Fix the path (the hint names the closest page).',
    message: (a: { url: string; target: string; guess?: string | undefined }) => `link \`${a.url}\` points at \`${a.target}\`, which is not a page or file of this handbook`,
    hint: (a) => guessOr(a.guess, 'fix the path, or create the page'),
  }),
  'link/broken-anchor': rule({
    severity: 'error', summary: 'A link\'s `#fragment` matches no heading, OKR or KPI anchor on the target page.', example: '[APP](/data-team/kpis#no-such-heading)', fix: 'Use an existing anchor (the hint names the closest one).',
    message: (a: { url: string; fragment: string; target: string; audience: string; elsewhere: boolean; guess?: string | undefined }) =>
      `link \`${a.url}\`: no heading, OKR or KPI with anchor \`#${a.fragment}\` on \`${a.target}\`${a.elsewhere ? ` in the ${a.audience} site (drafts are not in it, and anchors of the same title are numbered without them)` : ''}`,
    hint: (a) => guessOr(a.guess && `#${a.guess}`, 'link to an existing heading, or to the page without a fragment'),
  }),
  'link/to-draft': rule({
    severity: 'error', summary: 'A published page (or a published field) links to a draft page, or to a quarter\'s archive that only draft pages\' OKRs make, which the public site does not have (a warning under `links.broken: warn`).', example: '[Plan](/company/plan/) where plan.md has draft: true', fix: 'Publish the page or remove the link.',
    message: (a: { url: string; target: string; audience: string; generated: boolean }) =>
      a.generated
        ? `link \`${a.url}\` points at \`${a.target}\`, a page made only from draft pages' OKRs, which the ${a.audience} site does not have`
        : `link \`${a.url}\` points at the draft page \`${a.target}\`, which the ${a.audience} site does not have`,
    hint: (a) => (a.generated ? 'publish a page with an OKR due in that quarter, or remove the link' : 'publish the page (remove `draft: true`) or remove the link'),
  }),
  'link/to-redirect': rule({
    severity: 'warning', summary: 'A link points at an old URL of a page (in its `redirect_from`); it resolves, through the redirect.', example: '[Goals](/company/goals/) after goals.md moved to /strategy/goals/', fix: 'Link to the page\'s URL.',
    message: (a: { url: string; from: string; to: string; href: string }) => `link \`${a.url}\` points at \`${a.from}\`, an old URL of \`${a.to}\`; the site links to the new one`,
    hint: (a) => `write \`${a.href}\``,
  }),
  'link/invalid-url': rule({
    severity: 'error', summary: 'A URL is malformed or uses a scheme that is not allowed (`javascript:`, `data:`, …).', example: '[x](javascript:alert(1))', fix: 'Use an http(s), mailto or site-relative URL.',
    message: (a: { url: string; reason: string }) => `link \`${a.url}\` is not allowed (${a.reason})`,
    hint: 'use an http(s), mailto or site-relative URL',
  }),
  'build/layout-error': rule({
    severity: 'error', summary: 'A layout failed while rendering a page; nothing was written.', example: 'a custom layout that calls an unknown filter, or reaches for a file', fix: 'Fix the layout named in the message. Layouts get the page and site data; they cannot read files or the environment, start processes or write outside the site.',
    message: (a: { message: string }) => a.message,
    hint: 'fix the layout; nothing was written (layouts cannot read files or start processes: they get the page and site data)',
  }),
  'build/output-path': rule({
    severity: 'error', summary: 'A page would be written outside the output folder.', example: 'a permalink that escapes the site', fix: 'Use an absolute permalink inside the site.',
    message: (a: { message: string }) => a.message,
    hint: 'use an absolute permalink inside the site; nothing was written',
  }),
  'build/internal-data': rule({
    severity: 'error', summary: 'Internal data reached the site generator in a public build (the projection guard).', example: 'a layout plugin that re-adds current_value', fix: 'This is a bug in okr-handbook or a custom plugin: report it.',
    message: (a: { message: string }) => a.message,
    hint: 'internal data must never reach layouts in a public build; nothing was written',
  }),
  'build/search-index': rule({
    severity: 'error', summary: 'The search index could not be built; nothing was written.', example: 'the pagefind binary missing after an incomplete install', fix: 'Reinstall with `npm ci`.',
    message: (a: { message: string }) => a.message,
    hint: 'nothing was written; a missing Pagefind binary means an incomplete install (npm ci)',
  }),
  'build/leak': rule({
    severity: 'error', summary: 'An internal value was found in the public output, put there by a layout or other machinery (what editors write is checked by `leak/public-text`); nothing was published.', example: 'a custom layout printing a KPI value', fix: 'Remove the value from the layout, or publish it with a `publish` approval.',
    message: (a: { value: string; record: string; file: string; page?: string }) => `internal value \`${a.value}\` of ${a.record} appears in the public ${a.page ? `page \`${a.page}\` (output file \`${a.file}\`)` : `output file \`${a.file}\``}; nothing was published`,
    hint: 'remove it from the layout or data that prints it, or publish it with a `publish` approval',
  }),
  'leak/public-text': rule({
    severity: 'error', summary: 'A distinctive internal value is written in public text: a page body, a public field, a page key passed to layouts, or a static file (in any encoding: UTF-16, gzip, zip, base64), in any spelling that denotes it (`7,391.27`, `4411.50`, full-width digits, a URL in another case or scheme).', example: 'title: From 1,200 to 2,000 signups (2000 is the internal target_value)', fix: 'Publish the value with an approval on its record, or reword the text.',
    message: (a: { found: string; value: string; record: string; field: string; how?: string }) => `\`${a.found}\`${a.how ? ` (${a.how})` : ''} is the internal value \`${a.value}\` of ${a.record} (\`${a.field}\`); the public site would show it`,
    hint: (a) => `publish it with an approval on that record (\`publish: { approved_by: …, approved_on: …, fields: [${a.field}] }\`), or reword the text`,
  }),
  'values/unknown-record': rule({
    severity: 'error', summary: 'A file of the values directory gives values to a record no page defines (key results are named `<okr id>/<key result id>`, KPIs by id).', example: 'key_results: { growth/signup: … } where the key result is `signups`', fix: 'Use the id of a record (the hint names the closest one), or remove the entry.',
    message: (a: { kind: string; id: string; guess?: string | undefined }) => `no ${a.kind} \`${a.id}\` is defined in content/`,
    hint: (a) => (a.guess ? `did you mean \`${a.guess}\`?` : 'key results are named `<okr id>/<key result id>`, KPIs by their id'),
  }),
  'values/duplicate-field': rule({
    severity: 'error', summary: 'An internal field is given twice: in content/ and in the values directory, or in two values files.', example: 'current_value in content/goals.md and in values/q3.yaml', fix: 'Keep the field in one place (the values directory, for a public repository).',
    message: (a: { field: string; id: string }) => `\`${a.field}\` of \`${a.id}\` is given twice`,
    hint: 'keep it in one place; in a public repository, the values directory',
  }),
  'values/in-content': rule({
    severity: 'error', summary: 'An internal value is written in content/ while `values.in_content` forbids it (`error`) or warns (`warn`): in a public repository its history would be public.', example: 'current_value: 2.1 in content/goals.md with values.in_content: error', fix: 'Move the field to a file of the values directory.',
    message: (a: { field: string; id: string; kind: string }) => `internal field \`${a.field}\` of \`${a.id}\` is written in content/, which \`values.in_content\` forbids`,
    hint: (a) => `move it to the values directory: \`${a.kind === 'KPI' ? 'kpis' : a.kind === 'OKR' ? 'okrs' : 'key_results'}: { ${a.id}: { ${a.field}: … } }\``,
  }),
  'file/symlink': rule({
    severity: 'error', summary: 'A symbolic link in content/, static/ or layouts/ leads out of its folder (or nowhere): through it a build would publish or lay out a file of the machine. Nothing is read through it.', example: 'static/passwd -> /etc/passwd', fix: 'Copy the file into the folder, or remove the link.',
    message: (a: { target: string }) => `this symbolic link leads out of its folder, to ${a.target}`,
    hint: 'copy the file into the folder instead, or remove the link',
  }),
  'body/too-deep': rule({
    severity: 'error', summary: 'A page body nests blockquotes, lists or brackets deeper than any reader follows (more than 32 levels); such input makes Markdown parsers slow, so the body is not parsed.', example: 'a line starting with 40 `>`', fix: 'Flatten the nesting.',
    message: (a: { what: string; depth: number; limit: number }) => `${a.what} nested ${a.depth} levels deep, more than ${a.limit}`,
    hint: 'flatten the nesting; the body is not parsed until then',
  }),
} satisfies Record<string, Rule<any>>;

/** A stable rule id. */
export type RuleId = keyof typeof rules;

/** What a call site gives to make the texts of rule `C` (`void`: nothing). */
export type RuleArgs<C extends RuleId> = Parameters<(typeof rules)[C]['message']>[0];

/**
 * The id of a rule's row in the README's rule table, so a URL can point at a
 * rule: `link/broken-page` → `rule-link-broken-page`. Derived from the id
 * alone, so it is as stable as the id.
 */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id.replace(/[^a-z0-9]+/g, '-')}`;
}
