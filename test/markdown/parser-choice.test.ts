import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_TODAY, writeHandbook as writeGenerated } from '../../bench/generate.mjs';
import { runCli } from '../helpers/cli.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

// Inputs where the parsers' trees differ (test/markdown/parser-differential.test.ts):
// remark keeps a table cell beyond the header's, so `check` checks the link in
// it (gfm#204); comrak links `mailto:` literals whole, remark-gfm only the
// address after it (gfm#633).
const TABLE = '---\ntitle: Home\n---\n| a |\n| - |\n| b | [gone](/gone/) |\n';
const MAILTO = '---\ntitle: Home\n---\nWrite to mailto:someone@example.com today.\n';

const config = (parser?: string) => `site:\n  title: T\n${parser ? `markdown:\n  parser: ${parser}\n` : ''}`;

/** The broken link only remark's tree has. */
const REMARK_ONLY = [
  {
    file: 'content/index.md',
    line: 6,
    column: 7,
    severity: 'error',
    code: 'link/broken-page',
    message: 'link `/gone/` points at `/gone/`, which is not a page or file of this handbook',
    hint: 'fix the path, or create the page',
  },
];

/** What comrak could not be loaded says, once, on stderr; V8's own warnings aside. */
const FALLBACK = 'handbook: markdown.parser is comrak, but comrak could not be loaded (WebAssembly is not defined): pages were parsed with remark';
const handbookLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('handbook:'));

/** `handbook check --format json`, with the cache unless told. */
async function check(root: string, ...args: string[]) {
  const result = await runCli(['check', '--root', root, '--format', 'json', ...args]);
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as unknown, notes: handbookLines(result.stderr) };
}

describe('markdown.parser', () => {
  it('is comrak by default, remark when named, and no cached outline of one serves the other', async () => {
    const root = writeHandbook({ 'handbook.config.yaml': config(), 'content/index.md': TABLE });
    expect(await check(root)).toEqual({ code: 0, diagnostics: [], notes: [] });
    writeFileSync(join(root, 'handbook.config.yaml'), config('remark'));
    expect(await check(root)).toEqual({ code: 1, diagnostics: REMARK_ONLY, notes: [] });
    writeFileSync(join(root, 'handbook.config.yaml'), config('comrak'));
    expect(await check(root)).toEqual({ code: 0, diagnostics: [], notes: [] });
  });

  it("makes a build lay out each parser's HTML, never a page the other made in the last build", async () => {
    const root = writeHandbook({ 'handbook.config.yaml': config(), 'content/index.md': MAILTO });
    const out = join(tempDir(), 'site');
    const page = () => /<p>Write to .*? today\.<\/p>/.exec(readFileSync(join(out, 'index.html'), 'utf8'))?.[0];
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(page()).toBe('<p>Write to <a href="mailto:someone@example.com">mailto:someone@example.com</a> today.</p>');
    writeFileSync(join(root, 'handbook.config.yaml'), config('remark'));
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(page()).toBe('<p>Write to mailto:<a href="mailto:someone@example.com">someone@example.com</a> today.</p>');
  });

  it('falls back to remark where comrak cannot be loaded (Node with --jitless), and says so once', async () => {
    const root = writeHandbook({ 'handbook.config.yaml': config(), 'content/index.md': TABLE });
    const result = await runCli(['check', '--root', root, '--format', 'json'], { env: { NODE_OPTIONS: '--jitless' } });
    expect({ code: result.code, diagnostics: JSON.parse(result.stdout) as unknown, notes: handbookLines(result.stderr) }).toEqual({ code: 1, diagnostics: REMARK_ONLY, notes: [FALLBACK] });
    // remark's result was cached as remark's: with comrak back, the page is parsed again, by comrak.
    expect(await check(root)).toEqual({ code: 0, diagnostics: [], notes: [] });
  });

  it('falls back in every worker thread too, and says so once', async () => {
    const root = tempDir();
    // Past the 400 bodies from which they are parsed in worker threads.
    await writeGenerated(root, 450);
    const result = await runCli(['check', '--root', root, '--format', 'json', '--no-cache', '--today', BENCH_TODAY], { env: { NODE_OPTIONS: '--jitless' } });
    expect({ code: result.code, diagnostics: JSON.parse(result.stdout) as unknown, notes: handbookLines(result.stderr) }).toEqual({ code: 0, diagnostics: [], notes: [FALLBACK] });
  });
});
