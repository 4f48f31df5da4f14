import { parseArgs } from 'node:util';
import { type Audience, AUDIENCES } from '../../schemas/visibility.js';
import { type Format, FORMATS } from '../diagnostics/reporters/index.js';

/** A command-line mistake: reported as usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}


/** The parsed command line. */
export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'schema'; exports: boolean }
  | { name: 'diff'; root?: string; content?: string; config?: string; base: string; audience: Audience; format: DiffFormat; today?: string }
  | { name: 'codeowners'; root?: string; content?: string; config?: string; check?: string }
  | { name: 'check'; root?: string; content?: string; config?: string; values?: string; format: Format; strict: boolean; today?: string; cache: boolean; since?: string }
  | { name: 'build'; root?: string; content?: string; config?: string; values?: string; out?: string; audience: Audience; format: Format; today?: string; cache: boolean; baseUrl?: string };

/** How `handbook diff` prints its report. */
export const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const common = {
  root: { type: 'string' },
  content: { type: 'string' },
  config: { type: 'string' },
  today: { type: 'string' },
  values: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  format: { type: 'string', default: 'pretty' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `argv` (without node and the script) into a command, or throws a UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (name === '--version' || name === '-v') return { name: 'version' };
  if (name === 'schema') {
    const v = parse(rest, { exports: { type: 'boolean', default: false } });
    return { name: 'schema', exports: Boolean(v.exports) };
  }
  if (name === 'diff') {
    const { root, content, config, today: day, help } = common;
    const v = parse(rest, { root, content, config, today: day, help, base: { type: 'string' }, audience: { type: 'string', default: 'public' }, format: { type: 'string', default: 'markdown' } });
    if (v.help) return { name: 'help' };
    if (typeof v.base !== 'string' || v.base === '') throw new UsageError('diff needs --base REF: the git revision to compare the working tree with (a branch, tag or commit)');
    return { name: 'diff', ...paths(v), base: v.base, audience: oneOf('--audience', v.audience as string, AUDIENCES), format: oneOf('--format', v.format as string, DIFF_FORMATS), ...today(v.today) };
  }
  if (name === 'codeowners') {
    const { root, content, config, help } = common;
    const v = parse(rest, { root, content, config, help, check: { type: 'string' } });
    if (v.help) return { name: 'help' };
    return { name: 'codeowners', ...paths(v), ...(typeof v.check === 'string' ? { check: v.check } : {}) };
  }
  if (name === 'check') {
    const v = parse(rest, { ...common, strict: { type: 'boolean', default: false }, since: { type: 'string' } });
    if (v.help) return { name: 'help' };
    if (v.since === '') throw new UsageError('--since needs a git ref, such as origin/main');
    return { name: 'check', ...paths(v), format: oneOf('--format', v.format as string, FORMATS), strict: Boolean(v.strict), ...today(v.today), cache: !v['no-cache'], ...(typeof v.since === 'string' ? { since: v.since } : {}) };
  }
  if (name === 'build') {
    const v = parse(rest, { ...common, out: { type: 'string' }, audience: { type: 'string', default: 'public' }, 'base-url': { type: 'string' } });
    if (v.help) return { name: 'help' };
    return { name: 'build', ...paths(v), ...(typeof v.out === 'string' ? { out: v.out } : {}), audience: oneOf('--audience', v.audience as string, AUDIENCES), format: oneOf('--format', v.format as string, FORMATS), ...today(v.today), cache: !v['no-cache'], ...baseUrl(v['base-url']) };
  }
  throw new UsageError(`unknown command \`${name}\`; expected check, build, diff, codeowners or schema`);
}

type Spec = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;

function parse(args: readonly string[], options: NonNullable<Spec>): Record<string, unknown> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function paths(v: Record<string, unknown>): { root?: string; content?: string; config?: string; values?: string } {
  const out: { root?: string; content?: string; config?: string; values?: string } = {};
  for (const key of ['root', 'content', 'config', 'values'] as const) if (typeof v[key] === 'string') out[key] = v[key];
  return out;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got \`${value}\``);
}

function today(value: unknown): { today?: string } {
  if (value === undefined) return {};
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, got \`${s}\``);
  }
  return { today: s };
}

/** `--base-url`: an absolute http(s) URL, or a path from the host's root such as `/handbook/`. */
function baseUrl(value: unknown): { baseUrl?: string } {
  if (value === undefined) return {};
  const s = String(value);
  const path = /^\/(?!\/)[^\s?#\\]*$/.test(s);
  if (path || (/^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s) && !/[?#]/.test(s))) return { baseUrl: s };
  throw new UsageError(`--base-url must be an http(s) URL or a path starting with /, such as https://example.github.io/handbook/ or /handbook/, got \`${s}\``);
}

/** The help text. */
export const HELP = `Usage:
  handbook check [--root DIR] [--content DIR] [--config FILE] [--values DIR]
                 [--format pretty|github|json] [--strict] [--today YYYY-MM-DD] [--since GIT-REF] [--no-cache]
  handbook build [--root DIR] [--content DIR] [--config FILE] [--values DIR]
                 [--audience public|internal] [--out DIR] [--base-url URL] [--format pretty|github|json]
                 [--today YYYY-MM-DD] [--no-cache]
  handbook diff --base REF [--root DIR] [--content DIR] [--config FILE] [--audience public|internal]
                [--format markdown|json] [--today YYYY-MM-DD]
                         the OKRs, key results and KPIs that changed since REF, field by field
  handbook codeowners [--root DIR] [--content DIR] [--config FILE] [--check FILE]
                         print a CODEOWNERS file from the pages' owners (--check: exit 1 if FILE differs)
  handbook schema [--exports]
                         print the JSON Schema of the front matter (--exports: of okrs.json and kpis.json)

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or config error.
`;
