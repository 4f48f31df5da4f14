import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readableTexts } from '../../src/disclosure/decode.js';
import { encodings, secretFinder } from '../../src/disclosure/find.js';
import type { Secret } from '../../src/disclosure/secrets.js';
import { leakDiagnostics, leakScanner } from '../../src/output/leak-scan.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const canary = (text: string, path = 'kpis[0].current_value'): Secret => ({ text, file: 'content/k.md', path, line: 9, column: 20, record: 'KPI `k`', field: path.split('.').pop()! });
/** The files in which the scan finds `text`, from a site given as path → content. */
async function foundIn(files: Record<string, string | Uint8Array>, text: string): Promise<string[]> {
  const dir = writeHandbook(files);
  return (await leakScanner([canary(text)])(dir)).map((l) => l.file);
}
/** What the finder finds of `secret` in `text`, as written there. */
const found = (text: string, ...secrets: string[]) => secretFinder(secrets.map((s) => canary(s)))(text).map((h) => h.found);

describe('leakScanner', () => {
  it('reports one leak per file and secret, and one diagnostic per page at the secret\'s source, naming the page', async () => {
    const dir = writeHandbook({ 'a/index.html': '<dd>7301.113</dd><dd>7301.113</dd>', 'b/c.html': 'x 7301.113', 'pagefind/fragment/x.pf_fragment': gzipSync('{"url":"/a/","content":"7301.113"}'), 'pagefind/index/en_1.pf_index': '7301.113' });
    const leaks = await leakScanner([canary('7301.113')])(dir);
    expect(leaks.map((l) => [l.file, l.page])).toEqual([['a/index.html', '/a/'], ['b/c.html', '/b/c.html'], ['pagefind/fragment/x.pf_fragment', '/a/'], ['pagefind/index/en_1.pf_index', undefined]]);
    // The fragment is the page's own text; the index file names no page, and the pages are where to look.
    expect(leakDiagnostics(leaks)).toEqual(['/a/', '/b/c.html'].map((page) => ({
      file: 'content/k.md', line: 9, column: 20, severity: 'error', code: 'build/leak', path: 'kpis[0].current_value',
      message: `internal value \`7301.113\` of KPI \`k\` appears in the public page \`${page}\` (output file \`${page === '/a/' ? 'a/index.html' : 'b/c.html'}\`); nothing was published`,
      hint: 'remove it from the layout or data that prints it, or publish it with a `publish` approval',
    })));
  });

  it('names a file that shows no page when only it holds the secret', async () => {
    const dir = writeHandbook({ 'pagefind/index/en_1.pf_index': '7301.113', 'feed.xml': '<v>7301.113</v>' });
    expect(leakDiagnostics(await leakScanner([canary('7301.113')])(dir)).map((d) => d.message)).toEqual([
      'internal value `7301.113` of KPI `k` appears in the public output file `feed.xml`; nothing was published',
      'internal value `7301.113` of KPI `k` appears in the public output file `pagefind/index/en_1.pf_index`; nothing was published',
    ]);
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
    const files = async (skip: (file: string) => boolean) => (await scan(dir, skip)).map((l) => l.file);
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

describe('secretFinder: every spelling of a secret, and no false alarm', () => {
  it('finds a number however it is written: thousands separators, trailing zeros, full-width digits', () => {
    expect(found('We opened 7,391.27 and 4411.50 and ７３９１.２７ accounts.', '7391.27', '4411.5')).toEqual(['7,391.27', '4411.50', '７３９１.２７']);
    expect(found('from 1,200 to 2,000 signups', '2000')).toEqual(['2,000']);
    expect(found('We opened 1734 new accounts', '1734')).toEqual(['1734']);
  });

  it('a list written with commas is several numbers, each found alone', () => {
    expect(found('1734,12,99', '1734')).toEqual(['1734']);
  });

  it('finds a URL whatever its scheme, host case, default port or percent-encoding, but not a longer URL it begins', () => {
    const url = 'https://dash.example.com/d/12?x=1';
    expect(found('see http://DASH.example.com:443/d/12?x=1.', url)).toEqual([]);
    expect(found('see http://DASH.example.com:80/d/%31%32?x=1.', url)).toEqual(['http://DASH.example.com:80/d/%31%32?x=1']);
    expect(found('see HTTPS://dash.example.com/d/12?x=1 now', url)).toEqual(['HTTPS://dash.example.com/d/12?x=1']);
    expect(found('a public https://dash.example.com/d/12?x=1&y=2 and https://dash.example.com/d/123', url)).toEqual([]);
    expect(found('<a href="https://dash.example.com/d">', 'https://dash.example.com/d')).toEqual(['https://dash.example.com/d']);
    expect(found('<a href="https://dash.example.com/d/12">', 'https://dash.example.com/d')).toEqual([]);
  });

  it('explains numbers inside URLs, paths, XML namespaces, dates, fragments and character references', () => {
    expect(found('<svg xmlns="http://www.w3.org/2000/svg">', '2000')).toEqual([]);
    expect(found('see [#217](https://gitlab.com/meta/-/issues/2170) and /issues/2170/', '2170')).toEqual([]);
    expect(found('due 2024-07-31', '2024')).toEqual([]);
    expect(found('<a href="#2024">&#2024;', '2024')).toEqual([]);
    expect(found('in 2024 we grew', '2024')).toEqual(['2024']);
  });

  it('needs whole tokens: a longer number or a unit is no match', () => {
    expect(found('12.115 2.115 32.11 v2.11a 2.11.5 1000px', '2.11', '1000')).toEqual([]);
    expect(found('at 2.11. (2.11)', '2.11')).toEqual(['2.11', '2.11']);
  });
});

describe('readableTexts: what a browser or spreadsheet would read in a file', () => {
  const texts = (bytes: Uint8Array) => readableTexts(bytes).map((r) => [r.how ?? 'text', r.text]);
  /** A zip archive of one deflated file, as a spreadsheet (.xlsx) or document is one. */
  const zip = (name: string, data: string) => {
    const raw = deflateRawSync(Buffer.from(data));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(0, 42);
    const centralAt = local.length + nameBytes.length + raw.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + nameBytes.length, 12);
    end.writeUInt32LE(centralAt, 16);
    return Buffer.concat([local, nameBytes, raw, central, nameBytes, end]);
  };

  it('reads UTF-8, UTF-16 with and without a byte-order mark, gzip and zip entries', () => {
    expect(texts(Buffer.from('plain 4411.5'))).toEqual([['text', 'plain 4411.5']]);
    expect(texts(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('wide 4411.5', 'utf16le')]))).toEqual([['UTF-16', 'wide 4411.5']]);
    expect(texts(Buffer.from('wide 4411.5', 'utf16le'))).toEqual([['UTF-16', 'wide 4411.5']]);
    expect(texts(gzipSync('packed 4411.5'))).toEqual([['gzip-compressed', 'packed 4411.5']]);
    expect(texts(zip('xl/sheet1.xml', '<c><v>4411.5</v></c>'))).toEqual([['zip entry xl/sheet1.xml', '<c><v>4411.5</v></c>']]);
  });

  it('reads base64 inside a text (a data: URL), where it lies', () => {
    const encoded = Buffer.from('<svg><text>4411.5 users</text></svg>').toString('base64');
    const found = readableTexts(Buffer.from(`<img src="data:image/svg+xml;base64,${encoded}">`));
    expect(found.map((r) => [r.how ?? 'text', r.at])).toEqual([['text', undefined], ['base64', 36]]);
    expect(found[1]!.text).toBe('<svg><text>4411.5 users</text></svg>');
  });

  it('reads no text in a binary file: digits among an image\'s bytes mean nothing', () => {
    expect(texts(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x32, 0x30, 0x30, 0x30, 0, 1]))).toEqual([]);
  });
});
