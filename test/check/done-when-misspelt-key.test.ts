import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const FILE = 'content/company/strategic-goals.md';

it('a misspelt `curent_value:` in the sample handbook is exactly one error at that key', async () => {
  const root = copySample();
  const path = join(root, FILE);
  const lines = readFileSync(path, 'utf8').split('\n');
  // The first `current_value:` of the file must belong to okrs[0].key_results[0]: one KR item opened before it.
  const index = lines.findIndex((line) => line.trimStart().startsWith('current_value:'));
  const krStart = lines.indexOf('    key_results:');
  expect(lines.slice(krStart, index).filter((line) => /^\s+- id:/.test(line))).toEqual(['      - id: increase-app']);
  lines[index] = lines[index]!.replace('current_value:', 'curent_value:');
  writeFileSync(path, lines.join('\n'));
  const column = lines[index]!.indexOf('curent_value') + 1;
  const before = treeHash(root);

  const result = await checkJson(root);

  expect({ code: result.code, stderr: result.stderr, diagnostics: result.diagnostics }).toEqual({
    code: 1,
    stderr: '',
    diagnostics: [
      {
        file: FILE,
        line: index + 1,
        column,
        endLine: index + 1,
        endColumn: column + 'curent_value'.length,
        severity: 'error',
        code: 'schema/unknown-key',
        path: 'okrs[0].key_results[0]',
        message:
          'Unexpected `curent_value`, expected one of `id`, `title`, `kpi`, `owner`, `weight`, `issue`, `due`, `blocked_by`, `start_value`, `target_value`, `current_value`, `confidence`, `history`, `dashboard`, `score`, `publish`',
        hint: 'did you mean `current_value`?',
      },
    ],
  });
  expect(treeHash(root)).toBe(before);
});
