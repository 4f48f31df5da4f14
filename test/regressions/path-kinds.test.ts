import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/args.js';
import { checkJson, type CliOptions, runCli } from '../helpers/cli.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

// Root reads everything, so as root the CLI runs as `nobody` to make a permission error real.
const asUser: CliOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const PAGE = '---\ntitle: Home\n---\nBody.\n';

/** A valid handbook; its content/ hash, to show a failed run changed nothing. */
function handbook(files: Record<string, string> = {}): { root: string; content: string } {
  const root = writeHandbook({ 'content/index.md': PAGE, ...files });
  return { root, content: treeHash(join(root, 'content')) };
}

describe('a path option naming the wrong kind of entry is a usage error (exit 2), not a stack trace', () => {
  for (const command of ['check', 'build'] as const) {
    it(`${command} --config naming a folder`, async () => {
      const { root, content } = handbook();
      const result = await runCli([command, '--root', root, '--config', 'content', '--no-cache']);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `handbook: the config file ${join(root, 'content')} is a folder, not a file\n\n${commandHelp(command)}` });
      expect(treeHash(join(root, 'content'))).toBe(content);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });

    it(`${command} --root naming a file`, async () => {
      const { root, content } = handbook();
      const file = join(root, 'content/index.md');
      const result = await runCli([command, '--root', file, '--no-cache']);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `handbook: the root folder ${file} is a file, not a folder\n\n${commandHelp(command)}` });
      expect(treeHash(join(root, 'content'))).toBe(content);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });

    it(`${command} --content naming a file`, async () => {
      const { root, content } = handbook();
      const file = join(root, 'content/index.md');
      const result = await runCli([command, '--root', root, '--content', 'content/index.md', '--no-cache']);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `handbook: the content folder ${file} is a file, not a folder\n\n${commandHelp(command)}` });
      expect(treeHash(join(root, 'content'))).toBe(content);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });
  }
});

describe('a config file that cannot be read is a file/read-error diagnostic on it (exit 2), not a stack trace', () => {
  const diagnostic = (code: string) => ({
    file: 'handbook.config.yaml',
    line: 1,
    column: 1,
    severity: 'error',
    code: 'file/read-error',
    message: `file cannot be read: ${code}`,
    hint: 'make the file readable, or remove it',
  });

  it('check: the default handbook.config.yaml is a folder (EISDIR)', async () => {
    const { root, content } = handbook();
    mkdirSync(join(root, 'handbook.config.yaml'));
    const result = await checkJson(root);
    expect({ code: result.code, stderr: result.stderr, diagnostics: result.diagnostics }).toEqual({ code: 2, stderr: '', diagnostics: [diagnostic('EISDIR')] });
    expect(treeHash(join(root, 'content'))).toBe(content);
  });

  it('build: the default handbook.config.yaml is a folder (EISDIR); nothing is written', async () => {
    const { root, content } = handbook();
    mkdirSync(join(root, 'handbook.config.yaml'));
    const result = await runCli(['build', '--root', root, '--no-cache']);
    expect(result).toEqual({
      code: 2,
      stdout: 'handbook.config.yaml:1:1  error  file cannot be read: EISDIR  file/read-error\n  hint: make the file readable, or remove it\n\n✖ 1 file checked: 1 error, 0 warnings\n',
      stderr: '',
    });
    expect(treeHash(join(root, 'content'))).toBe(content);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('check: handbook.config.yaml without read permission (EACCES)', async () => {
    const { root, content } = handbook({ 'handbook.config.yaml': 'site:\n  title: Locked\n' });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'handbook.config.yaml'), 0o000);
    const result = await checkJson(root, ['--config', 'handbook.config.yaml'], asUser);
    expect({ code: result.code, stderr: result.stderr, diagnostics: result.diagnostics }).toEqual({ code: 2, stderr: '', diagnostics: [diagnostic('EACCES')] });
    expect(treeHash(join(root, 'content'))).toBe(content);
  });
});
