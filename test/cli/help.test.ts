import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand } from '../../src/cli/args.js';
import { runCli } from '../helpers/cli.js';

/** Every option each command takes: what a user may type, written out here so that help and parsing answer to it. */
const OPTIONS: Record<keyof typeof COMMANDS, string[]> = {
  init: ['--title TEXT', '-h, --help'],
  new: ['--title TEXT', '--root DIR', '--content DIR', '--config FILE', '--today YYYY-MM-DD', '-h, --help'],
  check: ['--root DIR', '--content DIR', '--config FILE', '--values DIR', '--format FORMAT', '--strict', '--today YYYY-MM-DD', '--since GIT-REF', '--no-cache', '--timings', '-h, --help'],
  build: ['--root DIR', '--content DIR', '--config FILE', '--values DIR', '--audience AUDIENCE', '--out DIR', '--base-url URL', '--format FORMAT', '--today YYYY-MM-DD', '--no-cache', '--timings', '-h, --help'],
  serve: ['--root DIR', '--content DIR', '--config FILE', '--values DIR', '--audience AUDIENCE', '--port N', '--host HOST', '--today YYYY-MM-DD', '--no-cache', '-h, --help'],
  diff: ['--base REF', '--root DIR', '--content DIR', '--config FILE', '--audience AUDIENCE', '--format FORMAT', '--today YYYY-MM-DD', '-h, --help'],
  codeowners: ['--root DIR', '--content DIR', '--config FILE', '--check FILE', '-h, --help'],
  schema: ['--config', '--exports', '-h, --help'],
};

/** The options a help text lists, each with its explanation (the text of its row and the lines under it). */
function optionsOf(help: string): Map<string, string> {
  const section = help.split('\nOptions:\n')[1]!.split('\n\n')[0]!;
  const out = new Map<string, string>();
  let current = '';
  for (const line of section.split('\n')) {
    const row = /^ {2}(-\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (row) {
      current = row[1]!;
      out.set(current, row[2] ?? '');
    } else out.set(current, `${out.get(current)} ${line.trim()}`.trim());
  }
  return out;
}

describe('handbook <command> --help', () => {
  it.each(Object.keys(OPTIONS))('%s: its usage, and every option it takes with what it does', async (command) => {
    const result = await runCli([command, '--help']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(new RegExp(`^handbook ${command}: [^]+?\\n\\nUsage: handbook ${command} `));
    const options = optionsOf(result.stdout);
    expect([...options.keys()]).toEqual(OPTIONS[command as keyof typeof COMMANDS]);
    for (const [option, text] of options) expect(text.length, option).toBeGreaterThan(12);
    expect(result.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });

  it.each(Object.keys(OPTIONS))('%s: the same help from -h and `handbook help %s`', async (command) => {
    const help = (await runCli([command, '--help'])).stdout;
    expect((await runCli([command, '-h'])).stdout).toBe(help);
    expect((await runCli(['help', command])).stdout).toBe(help);
  });

  it('explains the values an option takes, and its default', async () => {
    const build = optionsOf((await runCli(['build', '--help'])).stdout);
    expect(build.get('--audience AUDIENCE')).toMatch(/One of: public, internal\. Default: public\.$/);
    expect(build.get('--format FORMAT')).toMatch(/One of: pretty, github, gitlab, json\. Default: pretty\.$/);
    const serve = optionsOf((await runCli(['serve', '--help'])).stdout);
    expect(serve.get('--port N')).toMatch(/Default: 8080\.$/);
    expect(serve.get('--host HOST')).toMatch(/Default: 127\.0\.0\.1\.$/);
    const diff = optionsOf((await runCli(['diff', '--help'])).stdout);
    expect(diff.get('--format FORMAT')).toMatch(/One of: markdown, json\. Default: markdown\.$/);
  });

  it('every option the help lists is one the command takes', () => {
    // A flag the parser does not know is a usage error; each listed one gets past the parser to the help.
    for (const [command, options] of Object.entries(OPTIONS)) {
      for (const option of options) {
        const [flag, value] = option.replace(/^-h, /, '').split(' ');
        expect(parseCommand([command, flag!, ...(value ? ['x'] : []), '--help']), `${command} ${flag}`).toEqual({ name: 'help', command });
      }
    }
  });
});

describe('handbook --help', () => {
  it('lists every command with one line on what it does, and where the documentation is', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of Object.keys(OPTIONS)) expect(result.stdout).toMatch(new RegExp(`\\n  ${command}\\b.* {2,}\\S`));
    expect(result.stdout).toContain('Run `handbook <command> --help` for its options.');
    expect(result.stdout).toContain('docs/');
    expect((await runCli([])).stdout).toBe(result.stdout);
  });
});
