import { parseArgs } from 'node:util';
import { type Audience, AUDIENCES } from '../../schemas/visibility.js';
import { type Format, FORMATS } from '../diagnostics/reporters/index.js';
import { optional } from '../optional.js';
import { NEW_KINDS, type NewKind } from '../scaffold/new.js';

/** A command-line mistake: reported as usage (exit code 2), with the help of the command it concerns. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/** Where a handbook is, as the path options name it. */
interface PathOptions {
  root?: string;
  content?: string;
  config?: string;
}

/** The parsed command line. */
export type Command =
  | { name: 'help'; command?: CommandName }
  | { name: 'version' }
  | { name: 'schema'; config: boolean; exports: boolean }
  | ({ name: 'diff'; base: string; audience: Audience; format: DiffFormat; today?: string } & PathOptions)
  | ({ name: 'codeowners'; check?: string } & PathOptions)
  | ({ name: 'check'; values?: string; format: Format; strict: boolean; today?: string; cache: boolean; timings: boolean; since?: string } & PathOptions)
  | ({ name: 'build'; values?: string; out?: string; audience: Audience; format: Format; today?: string; cache: boolean; timings: boolean; baseUrl?: string } & PathOptions)
  | ({ name: 'serve'; values?: string; audience: Audience; port: number; host: string; today?: string; cache: boolean } & PathOptions)
  | { name: 'init'; dir: string; title?: string }
  | ({ name: 'new'; kind: NewKind; path: string; title?: string; today?: string } & PathOptions);

/** How `handbook diff` prints its report. */
export const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** One option of a command, as parsed and as its help explains it. */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in help (`DIR`); string options only. */
  value?: string;
  default?: string;
  choices?: readonly string[];
  short?: string;
  help: string;
}

/** One command: what it does, its arguments and its options; the help text is made from these alone. */
interface CommandSpec {
  summary: string;
  /** The positional arguments as the usage line shows them. */
  args?: string;
  /** More about the command, under its usage line. */
  about?: string;
  options: Record<string, OptionSpec>;
  examples?: string[];
  exit?: string;
}

const PATHS: Record<'root' | 'content' | 'config', OptionSpec> = {
  root: { type: 'string', value: 'DIR', help: 'The handbook repository. Default: the current folder.' },
  content: { type: 'string', value: 'DIR', help: 'The folder of Markdown pages, relative to the root. Default: content.' },
  config: { type: 'string', value: 'FILE', help: 'The config file, relative to the root. Default: handbook.config.yaml (the defaults when it does not exist; a file named here must exist).' },
};
const VALUES: OptionSpec = { type: 'string', value: 'DIR', help: "The values directory, relative to the current folder, over the config's values.dir: YAML files of internal values by record id, kept out of content/. Read by check and the internal site only, never by the public one." };
const TODAY: OptionSpec = { type: 'string', value: 'YYYY-MM-DD', help: 'The day OKR phases (current, future, past) and approvals are judged on. Default: today (UTC).' };
const TIMINGS: OptionSpec = { type: 'boolean', help: "After the run, print on stderr each stage's wall time, from its start to the next one's (pages are indexed and scanned while they are laid out: search and scan show what is left of theirs)." };
const NO_CACHE: OptionSpec = { type: 'boolean', help: 'Neither read nor write the caches under .cache/okr-handbook/: everything is made again.' };
const FORMAT: OptionSpec = {
  type: 'string', value: 'FORMAT', default: 'pretty', choices: FORMATS,
  help: 'How problems are printed: pretty (a code frame for each, colour on a terminal), github (workflow commands: GitHub annotates the lines), gitlab (a Code Quality report: GitLab annotates merge requests), json (an array of objects).',
};
const AUDIENCE: OptionSpec = { type: 'string', value: 'AUDIENCE', default: 'public', choices: AUDIENCES, help: 'Who the site is for: public (internal values left out unless published, every file scanned for them) or internal (everything, with an "Internal" banner).' };
const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'Print this help.' };
const CHECKED_EXIT = 'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or config error.';

/** Every command, in the order the overview lists them. */
export const COMMANDS = {
  init: {
    summary: 'Create a new handbook repository that passes check and builds.',
    args: '[DIR]',
    about:
      'Writes into DIR (default: the current folder, which may hold other files) a commented handbook.config.yaml, a home page, a section with an OKR page and a KPI page, .gitignore, package.json (unless there is one), and CI workflows for GitHub Actions and GitLab CI. Refuses to overwrite a file: nothing is written when one of them exists.',
    options: { title: { type: 'string', value: 'TEXT', help: "The handbook's title. Default: made from the folder's name." }, help: HELP_OPTION },
    examples: ['handbook init my-handbook --title "Acme Handbook"'],
    exit: 'Exit codes: 0 written, 2 usage error or a file already exists.',
  },
  new: {
    summary: 'Write a new page, OKR page or KPI page that passes check.',
    args: `${NEW_KINDS.join('|')} PATH`,
    about:
      'PATH is the new Markdown file, inside the content folder or relative to it (.md may be left out; a PATH ending in / makes the index page of that section). An OKR gets an id and a label made from the title and a timeframe of the current quarter; a KPI an id made from the title and a calculation section. Refuses to overwrite a file, or to reuse an OKR or KPI id.',
    options: {
      title: { type: 'string', value: 'TEXT', help: "The page's title (and the OKR's or KPI's). Default: made from the file's name." },
      ...PATHS,
      today: { ...TODAY, help: 'The day whose quarter an OKR covers. Default: today (UTC).' },
      help: HELP_OPTION,
    },
    examples: ['handbook new page company/values', 'handbook new okr company/goals-2026 --title "Grow the community"', 'handbook new kpi content/data-team/kpis.md'],
    exit: 'Exit codes: 0 written, 2 usage error, the file exists or the id is taken.',
  },
  check: {
    summary: 'Check every page and the config; print every problem at its line and column.',
    about: 'Reads content/ and handbook.config.yaml, and writes nothing but its cache.',
    options: {
      ...PATHS,
      values: VALUES,
      format: FORMAT,
      strict: { type: 'boolean', help: 'Make warnings fail (exit 1) too.' },
      today: TODAY,
      since: { type: 'string', value: 'GIT-REF', help: 'Also check that every page URL of that git ref (read at its merge base with HEAD, as a pull request\'s diff is) still leads somewhere: to a page, or to one listing it in redirect_from. A ref git does not know, or a root outside a git repository, is a usage error.' },
      'no-cache': NO_CACHE,
      timings: TIMINGS,
      help: HELP_OPTION,
    },
    examples: ['handbook check', 'handbook check --format github --strict', 'handbook check --since origin/main'],
    exit: CHECKED_EXIT,
  },
  build: {
    summary: 'Check, then build the static site for one audience.',
    about: 'Builds into a staging folder beside the output folder, scans it (public sites), and only then swaps it in: a failed build leaves the last output as it was. A build into the folder of the last build makes again only what changed.',
    options: {
      ...PATHS,
      values: VALUES,
      audience: AUDIENCE,
      out: { type: 'string', value: 'DIR', help: 'The output folder, relative to the root; replaced as a whole. Default: dist.' },
      'base-url': { type: 'string', value: 'URL', help: "Where this build is served, over site.url, for one build (a preview): an absolute http(s) URL, or a path on site.url's host such as /preview/mr-12/. Every URL the site writes lies under its path." },
      format: FORMAT,
      today: TODAY,
      'no-cache': NO_CACHE,
      timings: TIMINGS,
      help: HELP_OPTION,
    },
    examples: ['handbook build', 'handbook build --audience internal --out dist-internal', 'handbook build --out public --base-url "$CI_PAGES_URL"'],
    exit: CHECKED_EXIT,
  },
  serve: {
    summary: 'Build, serve the site on localhost, rebuild on every change and reload open pages.',
    about:
      'Builds into .cache/okr-handbook/serve-AUDIENCE/ (never dist/), serves it, watches content/, static/, layouts/, the config, the people file it names and (internal audience) the values directory, makes again only what changed, and reloads the pages open in a browser. While the handbook has errors, every page shows them (as check prints them) over the last good site. Ctrl-C stops it.',
    options: {
      ...PATHS,
      values: VALUES,
      audience: AUDIENCE,
      port: { type: 'string', value: 'N', default: '8080', help: 'The port to listen on; 0 picks a free one.' },
      host: { type: 'string', value: 'HOST', default: '127.0.0.1', help: 'The address to listen on. 0.0.0.0 serves other machines too: mind the internal audience.' },
      today: TODAY,
      'no-cache': { ...NO_CACHE, help: 'Neither read nor write the caches under .cache/okr-handbook/: every build makes everything.' },
      help: HELP_OPTION,
    },
    examples: ['handbook serve', 'handbook serve --audience internal --port 4000'],
    exit: 'Exit codes: 0 stopped with Ctrl-C (errors in the handbook only show, they do not stop it), 2 usage error (a missing root, a port in use).',
  },
  diff: {
    summary: 'Print the OKRs, key results and KPIs that changed since a git revision, field by field.',
    about:
      'Compares the records of the working tree with those of REF (its content folder read from git), for one audience: the public report holds public fields only. A page whose front matter does not validate on either side is left out of both and named. Made for a pull or merge request\'s review comment.',
    options: {
      base: { type: 'string', value: 'REF', help: 'Required: the git revision to compare the working tree with (a branch, tag or commit, such as origin/main). A ref git does not know, or a root outside a git repository, is a usage error.' },
      ...PATHS,
      audience: { ...AUDIENCE, help: 'Whose fields are compared: public (internal values left out unless published) or internal (everything).' },
      format: { type: 'string', value: 'FORMAT', default: 'markdown', choices: DIFF_FORMATS, help: 'How the report is printed: markdown (for a review comment) or json.' },
      today: { ...TODAY, help: 'The day OKR phases and progress are judged on, on both sides. Default: today (UTC).' },
      help: HELP_OPTION,
    },
    examples: ['handbook diff --base origin/main', 'handbook diff --base v1.2 --audience internal --format json'],
    exit: 'Exit codes: 0 report printed (changes or none), 2 usage or config error, or a revision git cannot read.',
  },
  codeowners: {
    summary: "Print a CODEOWNERS file made from the pages' owners (`owner:`), or check one.",
    about:
      "A section's index.md gives its whole folder to its owner, any other page its own file, each as the @handle of the person `owner:` names; paths start at the repository's root. An owner without a handle, an unknown owner and a page that does not validate are named in comments. GitHub and GitLab read the same format.",
    options: {
      ...PATHS,
      check: { type: 'string', value: 'FILE', help: 'Print nothing, and exit 1 if FILE (relative to the current folder) is not what would be printed: for CI.' },
      help: HELP_OPTION,
    },
    examples: ['handbook codeowners > .github/CODEOWNERS', 'handbook codeowners --check .github/CODEOWNERS'],
    exit: 'Exit codes: 0 printed (or FILE up to date), 1 FILE differs or is missing, 2 usage or config error.',
  },
  schema: {
    summary: 'Print the JSON Schema of page front matter (or of the config, or of the okrs.json and kpis.json exports), with every field described.',
    about: 'Internal fields carry "x-internal": true; Markdown fields "contentMediaType": "text/markdown". Editors such as VS Code (YAML extension) use it for completion and hover help.',
    options: {
      config: { type: 'boolean', help: 'The JSON Schema of handbook.config.yaml instead.' },
      exports: { type: 'boolean', help: "The JSON Schema of okrs.json and kpis.json, the data files at the root of each audience's site, instead: one document that validates either, each file's own under $defs." },
      help: HELP_OPTION,
    },
    examples: ['handbook schema > frontmatter.schema.json', 'handbook schema --config > handbook.config.schema.json', 'handbook schema --exports > exports.schema.json'],
  },
} as const satisfies Record<string, CommandSpec>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Parses `argv` (without node and the script) into a command, or throws a UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(unknownCommand(topic));
    return topic === undefined ? { name: 'help' } : { name: 'help', command: topic };
  }
  if (name === '--version' || name === '-v') return { name: 'version' };
  if (!isCommand(name)) throw new UsageError(unknownCommand(name));
  const { values: v, positionals } = parse(name, rest);
  if (v.help) return { name: 'help', command: name };
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  const paths = (): PathOptions => ({ ...optional('root', str('root')), ...optional('content', str('content')), ...optional('config', str('config')) });
  const values = () => optional('values', str('values'));
  const today = () => optional('today', str('today') === undefined ? undefined : isoDate(name, str('today')!));
  const choice = <T extends string>(key: string) => oneOf(name, key, str(key)!) as T;
  const args = (min: number, max: number) => {
    if (positionals.length < min || positionals.length > max) throw new UsageError(`${name} takes ${(COMMANDS[name] as CommandSpec).args ?? 'no arguments'}, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `\`${p}\``).join(' ')}`, name);
    return positionals;
  };
  switch (name) {
    case 'schema':
      args(0, 0);
      if (v.config && v.exports) throw new UsageError('schema prints one schema: --config or --exports, not both', name);
      return { name, config: Boolean(v.config), exports: Boolean(v.exports) };
    case 'diff':
      args(0, 0);
      if (!str('base')) throw new UsageError('diff needs --base REF: the git revision to compare the working tree with (a branch, tag or commit)', name);
      return { name, ...paths(), base: str('base')!, audience: choice('audience'), format: choice('format'), ...today() };
    case 'codeowners':
      args(0, 0);
      if (str('check') === '') throw new UsageError('--check needs a file, such as .github/CODEOWNERS', name);
      return { name, ...paths(), ...optional('check', str('check')) };
    case 'check':
      args(0, 0);
      if (str('since') === '') throw new UsageError('--since needs a git ref, such as origin/main', name);
      return { name, ...paths(), ...values(), format: choice('format'), strict: Boolean(v.strict), ...today(), cache: !v['no-cache'], timings: Boolean(v.timings), ...optional('since', str('since')) };
    case 'build':
      args(0, 0);
      return { name, ...paths(), ...values(), ...optional('out', str('out')), audience: choice('audience'), format: choice('format'), ...today(), cache: !v['no-cache'], timings: Boolean(v.timings), ...optional('baseUrl', baseUrl(str('base-url'))) };
    case 'serve':
      args(0, 0);
      return { name, ...paths(), ...values(), audience: choice('audience'), port: port(str('port')!), host: str('host')!, ...today(), cache: !v['no-cache'] };
    case 'init':
      return { name, dir: args(0, 1)[0] ?? '.', ...optional('title', nonEmpty(name, 'title', str('title'))) };
    case 'new': {
      const [kind = '', path = ''] = args(2, 2);
      if (!(NEW_KINDS as readonly string[]).includes(kind)) throw new UsageError(`new makes one of ${NEW_KINDS.join(', ')}, got \`${kind}\``, name);
      return { name, kind: kind as NewKind, path, ...optional('title', nonEmpty(name, 'title', str('title'))), ...paths(), ...today() };
    }
  }
}

function parse(name: CommandName, args: readonly string[]): { values: Record<string, unknown>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(COMMANDS[name].options as Record<string, OptionSpec>).map(([key, o]) => [key, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }]),
  );
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (err) {
    // Node's advice on positionals that start with a dash is beside the point: no argument of ours does.
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument[\s\S]*$/, ''), name);
  }
}

function unknownCommand(name: string): string {
  return `unknown command \`${name}\`; expected ${Object.keys(COMMANDS).join(', ')}`;
}

function oneOf(command: CommandName, key: string, value: string): string {
  const allowed = (COMMANDS[command].options as Record<string, OptionSpec>)[key]!.choices!;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${key} must be one of ${allowed.join(', ')}, got \`${value}\``, command);
}

function nonEmpty(command: CommandName, key: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${key} must not be empty`, command);
  return value?.trim();
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got \`${value}\``, 'serve');
  return n;
}

function isoDate(command: CommandName, s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, got \`${s}\``, command);
  }
  return s;
}

/** `--base-url`: an absolute http(s) URL, or a path from the host's root such as `/handbook/`. */
function baseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const path = /^\/(?!\/)[^\s?#\\]*$/.test(value);
  if (path || (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value) && !/[?#]/.test(value))) return value;
  throw new UsageError(`--base-url must be an http(s) URL or a path starting with /, such as https://example.github.io/handbook/ or /handbook/, got \`${value}\``, 'build');
}

const WIDTH = 80;
const OPTION_COLUMN = 26;

/** `text` wrapped at the help's width, each line after `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`);
}

/** A label and its text in two columns; a label too wide for its column gets a line of its own. */
function row(label: string, text: string): string[] {
  const lines = wrap(text, OPTION_COLUMN);
  if (label.length + 2 > OPTION_COLUMN) return [label, ...lines];
  return [label.padEnd(OPTION_COLUMN) + lines[0]!.slice(OPTION_COLUMN), ...lines.slice(1)];
}

/** The option as its help shows it: `-h, --help`, `--root DIR`. */
function optionLabel(key: string, o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${key}${o.value ? ` ${o.value}` : ''}`;
}

/** `handbook <command> --help`: what it does, its usage, and every option explained. */
export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const out = [...wrap(`handbook ${name}: ${spec.summary}`, 0), '', `Usage: handbook ${name}${spec.args ? ` ${spec.args}` : ''} [options]`];
  if (spec.about) out.push('', ...wrap(spec.about, 0));
  out.push('', 'Options:');
  for (const [key, o] of Object.entries(spec.options)) {
    const text = `${o.help}${o.choices ? ` One of: ${o.choices.join(', ')}.` : ''}${o.default !== undefined && !o.help.includes('Default:') ? ` Default: ${o.default}.` : ''}`;
    out.push(...row(`  ${optionLabel(key, o)}`, text));
  }
  if (spec.examples) out.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  if (spec.exit) out.push('', ...wrap(spec.exit, 0));
  return `${out.join('\n')}\n`;
}

/** `handbook --help`: every command in one line, and where to read more. */
export function overviewHelp(version: string): string {
  const rows = Object.entries(COMMANDS).flatMap(([name, spec]: [string, CommandSpec]) => row(`  ${name}${spec.args ? ` ${spec.args}` : ''}`, spec.summary));
  return [
    `handbook (okr-handbook ${version}): a static handbook site generator for OKRs and KPIs.`,
    '',
    'Usage: handbook <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `handbook <command> --help` for its options.',
    'Documentation: the docs/ folder of the package (node_modules/okr-handbook/docs/).',
    '',
  ].join('\n');
}
