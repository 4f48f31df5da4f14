import type { Diagnostic } from '../diagnostic.js';
import { reportGithub } from './github.js';
import { reportGitlab } from './gitlab.js';
import { reportJson } from './json.js';
import { type PrettyOptions, reportPretty } from './pretty.js';

/** What any reporter may use besides the diagnostics. */
export type ReportContext = PrettyOptions;

/** One reporter per `--format`: each turns every diagnostic of a run into text. */
export const REPORTERS = {
  pretty: reportPretty,
  github: (diagnostics: readonly Diagnostic[]) => reportGithub(diagnostics),
  gitlab: (diagnostics: readonly Diagnostic[]) => reportGitlab(diagnostics),
  json: (diagnostics: readonly Diagnostic[]) => reportJson(diagnostics),
} as const satisfies Record<string, (diagnostics: readonly Diagnostic[], context: ReportContext) => string>;

/** A report format's name. */
export type Format = keyof typeof REPORTERS;

/** The formats, in the order help lists them. */
export const FORMATS = Object.keys(REPORTERS) as Format[];
