import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

const FILE = 'content/a.md';
/** Front matter as split hands it over: it starts with the newline that ends the opening fence. */
const fm = (...lines: string[]) => `\n${lines.join('\n')}`;
const data = (source: string) => {
  const parsed = parseYaml(FILE, source);
  if (!('data' in parsed)) throw new Error(`unexpected diagnostics: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.data;
};
const error = (code: string, line: number, column: number, path: string | undefined, message: string, hint: string) => ({
  file: FILE,
  line,
  column,
  severity: 'error',
  code,
  ...(path === undefined ? {} : { path }),
  message,
  hint,
});

describe('threat 4: keys that pollute prototypes', () => {
  const forbidden = (line: number, column: number, path: string, key: string) => error('yaml/forbidden-key', line, column, path, `key \`${key}\` is forbidden`, 'rename or remove the key');

  it('refuses __proto__, constructor and prototype, nested ones too', () => {
    const source = fm('title: A', '__proto__: { polluted: true }', 'constructor:', '  prototype:', '    polluted: true', 'okrs:', '  - prototype: x');
    expect(parseYaml(FILE, source)).toEqual({
      diagnostics: [
        forbidden(3, 1, '__proto__', '__proto__'),
        forbidden(4, 1, 'constructor', 'constructor'),
        forbidden(5, 3, 'constructor.prototype', 'prototype'),
        forbidden(8, 5, 'okrs[0].prototype', 'prototype'),
      ],
    });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses the merge key', () => {
    expect(parseYaml(FILE, fm('title: A', '<<: { weight: 1 }'))).toEqual({
      diagnostics: [error('yaml/merge-key', 3, 1, '<<', 'merge key `<<` is not allowed in front matter', 'write the keys out in full')],
    });
  });
});

describe('threat 5: alias amplification', () => {
  it('a billion laughs fails fast with yaml/alias on every anchor and alias, and is never expanded', () => {
    const names = 'abcdefghi'.split('');
    const lines = names.map((name, level) => `${name}: &${name} [${Array.from({ length: 9 }, () => (level === 0 ? '"lol"' : `*${names[level - 1]}`)).join(', ')}]`);
    const expected = names.flatMap((name, level) => {
      const line = level + 3;
      const anchor = error('yaml/alias', line, 7, name, `anchor \`&${name}\` is not allowed in front matter`, 'write the value out in full');
      if (level === 0) return [anchor];
      const aliases = Array.from({ length: 9 }, (_, i) =>
        error('yaml/alias', line, 8 + 4 * i, `${name}[${i}]`, `alias \`*${names[level - 1]}\` is not allowed in front matter`, 'write the value out in full'),
      );
      return [anchor, ...aliases];
    });

    const started = performance.now();
    const result = parseYaml(FILE, fm('title: Laughs', ...lines));
    // Expanded, this is 9^9 strings: anything but a quick refusal would take far longer.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({ diagnostics: expected });
  });

  it('refuses explicit tags, known and unknown', () => {
    expect(parseYaml(FILE, fm('title: !!str A'))).toEqual({
      diagnostics: [error('yaml/tag', 2, 14, 'title', 'tag `tag:yaml.org,2002:str` is not allowed in front matter', 'remove the tag and write a plain value')],
    });
    expect(parseYaml(FILE, fm('title: A', 'weight: !custom 1'))).toEqual({
      diagnostics: [error('yaml/tag', 3, 9, undefined, 'Unresolved tag: !custom', 'check the indentation and quoting at this position')],
    });
  });
});

describe('threat 6: tabs must not move fields', () => {
  it('a tab-indented child is a syntax error, not a sibling', () => {
    expect(parseYaml(FILE, fm('kr:', '\tcurrent: 1'))).toEqual({
      diagnostics: [error('yaml/syntax', 3, 1, undefined, 'Tabs are not allowed as indentation', 'indent with spaces, never tabs')],
    });
  });

  it('so does a tab after spaces inside a key result', () => {
    const source = fm('okrs:', '  - key_results:', '      - id: increase-app', '        kr:', '        \tcurrent: 1');
    expect(parseYaml(FILE, source)).toEqual({
      diagnostics: [error('yaml/syntax', 6, 9, undefined, 'Tabs are not allowed as indentation', 'indent with spaces, never tabs')],
    });
  });
});

describe('threat 7: one parser, one set of types', () => {
  it('dates stay YYYY-MM-DD strings, timestamps stay strings', () => {
    expect(data(fm('due: 2022-07-31', 'at: 2022-07-31T10:00:00Z', 'bad: 2022-02-30'))).toEqual({ due: '2022-07-31', at: '2022-07-31T10:00:00Z', bad: '2022-02-30' });
  });

  it('numbers and booleans follow the YAML 1.2 core schema', () => {
    const source = fm('leading_zero: 010', 'octal: 0o10', 'hex: 0x1F', 'decimal: 1.10', 'safe: 9007199254740991', 'yes_word: yes', 'on_word: on', 'truth: true', 'nothing: ~');
    expect(data(source)).toEqual({ leading_zero: 10, octal: 8, hex: 31, decimal: 1.1, safe: 9007199254740991, yes_word: 'yes', on_word: 'on', truth: true, nothing: null });
  });

  it('integers JavaScript cannot hold exactly are refused', () => {
    expect(parseYaml(FILE, fm('goal_value: 9007199254740993'))).toEqual({
      diagnostics: [error('yaml/unsafe-number', 2, 13, 'goal_value', 'integer `9007199254740993` is too large to be represented exactly', 'use a smaller number')],
    });
  });

  it('duplicate keys are an error at the second key', () => {
    expect(parseYaml(FILE, fm('title: A', 'weight: 1', 'title: B'))).toEqual({
      diagnostics: [error('yaml/duplicate-key', 4, 1, undefined, 'Map keys must be unique', 'keep one of the two keys')],
    });
  });
});
