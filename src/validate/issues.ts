import type { z } from 'zod';
import { diagnostic, type Diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean, listCode } from '../diagnostics/did-you-mean.js';
import type { RuleId } from '../diagnostics/rules.js';
import type { Anchor, Location } from '../load/yaml.js';
import { keysOf, schemaAt } from '../../schemas/walk.js';

/** Finds the place of a data path in the source file. */
export type Locator = (path: readonly PropertyKey[], anchor?: Anchor) => Location;

/**
 * Turns Zod issues into diagnostics that point at the offending key or value in
 * the file, with what was expected and a hint. `schema` is the root the issues
 * came from, used to list the keys an object accepts.
 */
export function issuesToDiagnostics(file: string, schema: z.ZodType, issues: readonly z.core.$ZodIssue[], locate: Locator, pathPrefix: readonly PropertyKey[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...pathPrefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const expected = keysOf(schemaAt(schema, issue.path));
      for (const key of issue.keys) {
        const guess = didYouMean(key, expected);
        out.push(
          diagnostic('schema/unknown-key', {
            file,
            ...locate([...path, key], 'key'),
            path: formatPath(path),
            message: `Unexpected \`${key}\`, expected one of ${listCode(expected)}`,
            hint: guess ? `did you mean \`${guess}\`?` : 'remove the key; unknown keys are never published',
          }),
        );
      }
      continue;
    }
    const { code, message, hint, anchor } = describe(issue, path);
    out.push(diagnostic(code, { file, ...locate(path, anchor), path: formatPath(path), message, ...(hint ? { hint } : {}) }));
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): { code: RuleId; message: string; hint?: string; anchor: Anchor } {
  const field = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return { code: 'schema/required', message: `missing required field \`${field}\``, hint: `add \`${field}:\``, anchor: 'value' };
      }
      return { code: 'schema/invalid-type', message: `expected ${issue.expected}, got ${typeName(issue.input)}`, hint: `write ${article(issue.expected)} ${issue.expected}`, anchor: 'value' };
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? didYouMean(issue.input, allowed) : undefined;
      return {
        code: 'schema/invalid-value',
        message: `expected one of ${listCode(allowed)}, got \`${String(issue.input)}\``,
        hint: guess ? `did you mean \`${guess}\`?` : `use one of ${listCode(allowed)}`,
        anchor: 'value',
      };
    }
    case 'invalid_format':
      return { code: 'schema/invalid-format', message: issue.message, hint: `\`${field}\` has a fixed form; \`handbook schema\` shows it`, anchor: 'value' };
    case 'too_small':
    case 'too_big':
      return { code: 'schema/out-of-range', message: rangeMessage(issue), hint: `change \`${field}\` to a value inside the range`, anchor: 'value' };
    case 'custom': {
      const rule = (issue.params as { rule?: RuleId } | undefined)?.rule ?? 'schema/invalid-format';
      const hint = rule === 'okr/label-format' && typeof issue.input === 'string' ? `write: "OKR: ${issue.input.replace(/^OKR:?\s*/i, '')}"` : `\`${field}\` has a fixed form; \`handbook schema\` shows it`;
      return { code: rule, message: issue.message, hint, anchor: 'value' };
    }
    default:
      return { code: 'schema/invalid-type', message: issue.message, anchor: 'value' };
  }
}

function rangeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.message && !issue.message.startsWith('Too ')) return issue.message;
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const word = issue.code === 'too_small' ? 'at least' : 'at most';
  if (issue.origin === 'array') return `expected ${word} ${String(bound)} item(s)`;
  if (issue.origin === 'string') return `expected ${word} ${String(bound)} character(s)`;
  return `expected a number ${word} ${String(bound)}`;
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
