import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Canary } from '../../src/output/canaries.js';
import { encodings, leakScanner } from '../../src/output/leak-scan.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const canary = (text: string, path = 'kpis[0].current_value'): Canary => ({ text, file: 'content/k.md', path, line: 9, column: 20 });
/** The files in which the scan finds `text`, from a site given as path → content. */
async function foundIn(files: Record<string, string | Uint8Array>, text: string): Promise<string[]> {
  const dir = writeHandbook(files);
  return (await leakScanner([canary(text)])(dir)).map((d) => /`([^`]+)`; nothing/.exec(d.message)![1]!);
}

describe('leakScanner', () => {
  it('reports one diagnostic per file and canary, at the canary\'s source', async () => {
    const dir = writeHandbook({ 'a.html': '<dd>7301.113</dd><dd>7301.113</dd>', 'b/c.html': 'x 7301.113' });
    expect(await leakScanner([canary('7301.113')])(dir)).toEqual(['a.html', 'b/c.html'].map((f) => ({
      file: 'content/k.md', line: 9, column: 20, severity: 'error', code: 'build/leak', path: 'kpis[0].current_value',
      message: `internal value \`7301.113\` appears in the public output file \`${f}\`; nothing was published`,
      hint: 'remove it from the layout or data that prints it, or publish it with a `publish` approval',
    })));
  });

  it('matches whole tokens only, so a longer number or word is no leak', async () => {
    expect(await foundIn({ 'a.html': '12.115 2.115 32.11 v2.11a 2.11.5' }, '2.11')).toEqual([]);
    expect(await foundIn({ 'a.html': 'at 2.11.' }, '2.11')).toEqual(['a.html']);
    expect(await foundIn({ 'a.html': '(2.11)' }, '2.11')).toEqual(['a.html']);
  });

  it('finds HTML-escaped, JSON-escaped and URL-encoded forms', async () => {
    expect(await foundIn({ 'a.html': 'note: fish &amp; chips &lt;3' }, 'fish & chips <3')).toEqual(['a.html']);
    expect(await foundIn({ 'a.html': 'note: fish &#x26; chips &#x3C;3' }, 'fish & chips <3')).toEqual(['a.html']);
    expect(await foundIn({ 'a.json': '{"n":"say \\"hi\\""}' }, 'say "hi"')).toEqual(['a.json']);
    expect(await foundIn({ 'a.html': '<a href="/go?u=https%3A%2F%2Fx.example.com%2Fd%2F1">' }, 'https://x.example.com/d/1')).toEqual(['a.html']);
  });

  it('searches gzipped files decompressed, and hidden files too', async () => {
    expect(await foundIn({ 'pagefind/fragment/x.pf_fragment': gzipSync('pagefind_dcd{"content":"Current 7301.113"}') }, '7301.113')).toEqual(['pagefind/fragment/x.pf_fragment']);
    expect(await foundIn({ '.well-known/x.txt': '7301.113' }, '7301.113')).toEqual(['.well-known/x.txt']);
  });

  it('skips the files it is told to, scan after scan', async () => {
    const dir = writeHandbook({ 'a.html': '7301.113', 'pagefind/b.pf_meta': '7301.113' });
    const scan = leakScanner([canary('7301.113')]);
    const files = async (skip: (file: string) => boolean) => (await scan(dir, skip)).map((d) => /`([^`]+)`; nothing/.exec(d.message)![1]!);
    expect(await files((f) => f.startsWith('pagefind/'))).toEqual(['a.html']);
    expect(await files((f) => !f.startsWith('pagefind/'))).toEqual(['pagefind/b.pf_meta']);
  });

  it('finds nothing without canaries, and in an empty folder', async () => {
    const dir = writeHandbook({ 'a.html': '7301.113' });
    expect(await leakScanner([])(dir)).toEqual([]);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(await leakScanner([canary('7301.113')])(empty)).toEqual([]);
  });

  it('lists the forms of a value', () => {
    expect(encodings(`a&b "c" <d> 'e'/f`)).toEqual([
      `a&b "c" <d> 'e'/f`,
      'a&amp;b &quot;c&quot; &lt;d&gt; &#39;e&#39;/f',
      `a&#x26;b &#x22;c&#x22; &#x3C;d> 'e'/f`,
      `a&b \\"c\\" <d> 'e'/f`,
      'a&amp;b &#92;&quot;c&#92;&quot; &lt;d&gt; &#39;e&#39;/f',
      `a&#x26;b \\&#x22;c\\&#x22; &#x3C;d> 'e'/f`,
      'a%26b%20%22c%22%20%3Cd%3E%20\'e\'%2Ff',
      'a&b%20%22c%22%20%3Cd%3E%20\'e\'/f',
    ]);
  });

  // `{{ value | dump }}` writes JSON inside HTML: both escapings at once.
  it('finds a value dumped as JSON into HTML by Nunjucks', async () => {
    expect(await foundIn({ 'a.html': '<pre>{&quot;note&quot;:&quot;say &#92;&quot;hi&#92;&quot;&quot;}</pre>' }, 'say "hi"')).toEqual(['a.html']);
  });

  it('control: the same dump without a quote inside the value is found', async () => {
    expect(await foundIn({ 'a.html': '<pre>{&quot;note&quot;:&quot;say hi loudly&quot;}</pre>' }, 'say hi loudly')).toEqual(['a.html']);
  });
});
