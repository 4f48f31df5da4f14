import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type RuleId, ruleAnchor, rules } from '../../src/diagnostics/rules.js';
import { rulesTable } from '../../src/diagnostics/rules-table.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const ids = Object.keys(rules) as RuleId[];

/** Every .ts file under src/, as [path relative to src/, text]. */
function sources(dir = SRC, prefix = ''): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return sources(join(dir, entry.name), `${rel}/`);
    return entry.name.endsWith('.ts') ? [[rel, readFileSync(join(dir, entry.name), 'utf8')]] : [];
  });
}

/**
 * The top-level arguments of the call whose `(` is at `open`: brackets are
 * balanced, string and template literals and comments skipped, commas at depth
 * 0 split. Enough for this code base's calls; not a JavaScript parser.
 */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  const templates: number[] = []; // brace depth at which each open `${` of a template resumes the template
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (c === "'" || c === '"') {
      for (i++; text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`' || (c === '}' && templates.at(-1) === depth)) {
      if (c === '}') templates.pop();
      for (i++; text[i] !== '`'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          i++;
          templates.push(depth);
          break;
        }
      }
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args.filter((a) => a !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unbalanced call at offset ${open}`);
}

/** Every `diagnostic(…)` call in a text, with its arguments. */
function diagnosticCalls(text: string): { line: number; args: string[] }[] {
  return [...text.matchAll(/(?<![\w.])diagnostic\(/g)].map((m) => {
    const open = m.index + m[0].length - 1;
    return { line: text.slice(0, open).split('\n').length, args: callArguments(text, open) };
  });
}

/** Where a call passes text itself: a `message:` or `hint:` key in the place (2nd argument), or a `hint:` key anywhere. */
function inlineText(args: readonly string[]): boolean {
  return /\b(message|hint)\s*:/.test(args[1] ?? '') || args.some((a) => /\bhint\s*:/.test(a));
}

describe('the rule catalogue', () => {
  it('gives every rule a message and a hint', () => {
    for (const id of ids) {
      const rule = rules[id] as { message: unknown; hint: unknown };
      expect(typeof rule.message, id).toBe('function');
      expect(['function', 'string'], id).toContain(typeof rule.hint);
    }
  });

  it('makes the texts of a diagnostic from the arguments given', () => {
    const at = { file: 'a.md', line: 2, column: 3 };
    expect(diagnostic('link/broken-page', at, { url: '/a', target: '/a/', guess: '/b/' })).toEqual({
      ...at,
      severity: 'error',
      code: 'link/broken-page',
      message: 'link `/a` points at `/a/`, which is not a page or file of this handbook',
      hint: 'did you mean `/b/`?',
    });
    expect(diagnostic('link/broken-page', { ...at, severity: 'warning' }, { url: '/a', target: '/a/' })).toMatchObject({ severity: 'warning', hint: 'fix the path, or create the page' });
    expect(diagnostic('frontmatter/missing', at)).toMatchObject({ message: 'page has no front matter' });
    // A rule may have no hint for some details: the key is then absent.
    expect(diagnostic('schema/invalid-type', at, { message: 'from Zod' })).not.toHaveProperty('hint');
  });

  it('is the only place messages and hints are written: no call of `diagnostic(` in src/ passes them', () => {
    const calls = sources().flatMap(([file, text]) => diagnosticCalls(text).map((call) => ({ ...call, file })));
    // The scan sees the calls (there are dozens), and would see text passed inline.
    expect(calls.length).toBeGreaterThan(40);
    expect(inlineText(diagnosticCalls("diagnostic('x', { ...at, severity, message: `a ${b}` }, {})")[0]!.args)).toBe(true);
    expect(inlineText(diagnosticCalls("diagnostic('x', at, { url, hint: 'y' })")[0]!.args)).toBe(true);
    expect(inlineText(diagnosticCalls("diagnostic('x', { ...at, cause: cause(f, at, 'm') }, { message: err.message })")[0]!.args)).toBe(false);

    expect(calls.filter((call) => call.args.length < 2 || call.args.length > 3).map((c) => `${c.file}:${c.line}`)).toEqual([]);
    expect(calls.filter((call) => inlineText(call.args)).map((c) => `${c.file}:${c.line}`)).toEqual([]);
  });

  it('gives every rule a unique docs anchor derived from its id, and the README table carries it', () => {
    expect(ruleAnchor('link/broken-page')).toBe('rule-link-broken-page');
    const anchors = ids.map(ruleAnchor);
    expect(new Set(anchors).size).toBe(ids.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^rule-[a-z0-9]+(-[a-z0-9]+)*$/);
    const table = rulesTable();
    for (const id of ids) expect(table).toContain(`| <a id="${ruleAnchor(id)}"></a>\`${id}\` |`);
  });
});
