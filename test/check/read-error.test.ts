import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, type CliOptions } from '../helpers/cli.js';
import { CHECK_FIXTURES, removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

/** The fields of a report that do not depend on wording still to be written. */
const places = (diagnostics: unknown) =>
  (diagnostics as { file: string; line: number; column: number; severity: string; code: string }[]).map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }));

describe('file/read-error', () => {
  // Root reads everything, so as root the CLI runs as `nobody` to make the permission error real.
  const asUser: CliOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  let root: string;
  beforeAll(() => {
    root = writeHandbook({ 'content/locked.md': '---\ntitle: Locked\n---\n', 'content/open.md': '---\ntitle: Open\nweight: two\n---\n' });
    chmodSync(root, 0o755);
  });

  it('the harness can run the CLI as that user on readable files', async () => {
    const result = await checkJson(root, [], asUser);
    expect({ code: result.code, stderr: result.stderr, diagnostics: places(result.diagnostics) }).toEqual({
      code: 1,
      stderr: '',
      diagnostics: [{ file: 'content/open.md', line: 3, column: 9, severity: 'error', code: 'schema/invalid-type' }],
    });
  });

  // Regression (fixed): readContent lets EACCES escape, the CLI dies with a stack trace and checks nothing else.
  it('an unreadable content file is a diagnostic and the other files are still checked', async () => {
    chmodSync(join(root, 'content/locked.md'), 0o000);
    const result = await checkJson(root, [], asUser);
    expect({ code: result.code, stderr: result.stderr, diagnostics: places(result.diagnostics) }).toEqual({
      code: 1,
      stderr: '',
      diagnostics: [
        { file: 'content/locked.md', line: 1, column: 1, severity: 'error', code: 'file/read-error' },
        { file: 'content/open.md', line: 3, column: 9, severity: 'error', code: 'schema/invalid-type' },
      ],
    });
  });
});
