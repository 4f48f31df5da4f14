import type { z } from 'zod';
import { diagnostic, type Diagnostic, type DiagnosticPlace, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { RuleId } from '../diagnostics/rules.js';
import type { Anchor, Locator } from '../diagnostics/location.js';
import { keysOf, schemaAt } from '../../schemas/walk.js';


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
        out.push(diagnostic('schema/unknown-key', { file, ...locate([...path, key], 'key'), path: formatPath(path) }, { key, expected, guess: didYouMean(key, expected) }));
      }
      continue;
    }
    out.push(describe(issue, path, { file, ...locate(path, 'value'), path: formatPath(path) }));
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, path: readonly PropertyKey[], place: DiagnosticPlace): Diagnostic {
  const field = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return diagnostic('schema/required', place, { field });
      return diagnostic('schema/invalid-type', place, { expected: issue.expected, input: issue.input });
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? didYouMean(issue.input, allowed) : undefined;
      return diagnostic('schema/invalid-value', place, { allowed, input: issue.input, guess });
    }
    case 'invalid_format':
      return diagnostic('schema/invalid-format', place, { message: issue.message, field });
    case 'too_small':
      return diagnostic('schema/out-of-range', place, { field, message: ownMessage(issue), too: 'small', origin: issue.origin, bound: issue.minimum });
    case 'too_big':
      return diagnostic('schema/out-of-range', place, { field, message: ownMessage(issue), too: 'big', origin: issue.origin, bound: issue.maximum });
    case 'custom': {
      const rule = (issue.params as { rule?: RuleId } | undefined)?.rule;
      if (rule === 'okr/label-format') return diagnostic('okr/label-format', place, { message: issue.message, input: issue.input, field });
      return diagnostic('schema/invalid-format', place, { message: issue.message, field });
    }
    default:
      return diagnostic('schema/invalid-type', place, { message: issue.message });
  }
}

/** The schema's own message for a range, if it gave one; Zod's defaults (`Too small: …`) give way to the catalogue's. */
function ownMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string | undefined {
  return issue.message && !issue.message.startsWith('Too ') ? issue.message : undefined;
}
