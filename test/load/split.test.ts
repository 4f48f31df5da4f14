import { existsSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/split.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

const FILE = 'content/a.md';

describe('threat 1: front matter that runs code', () => {
  const refused = (language: string) => ({
    diagnostic: {
      file: FILE,
      line: 1,
      column: 4,
      severity: 'error',
      code: 'frontmatter/language',
      message: `front matter language \`${language}\` is not supported; front matter is never executed`,
      hint: 'write the front matter as YAML after a plain `---` line',
    },
  });

  it.each(['js', 'javascript', 'json', 'coffee', 'toml'])('---%s is refused at line 1', (language) => {
    expect(splitFrontMatter(FILE, `---${language}\n{ "title": "x" }\n---\n`)).toEqual(refused(language));
  });

  it('a space between the fence and the language does not get past it', () => {
    expect(splitFrontMatter(FILE, '--- javascript\n{ title: "x" }\n---\n')).toEqual(refused('javascript'));
  });

  it('the code is not run while splitting', () => {
    const marker = join(tempDir(), 'ran');
    process.env.MARKER = marker;
    try {
      expect(splitFrontMatter(FILE, "---javascript\nrequire('fs').writeFileSync(process.env.MARKER, 'x')\n---\n")).toEqual(refused('javascript'));
    } finally {
      delete process.env.MARKER;
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe("threat 2: gray-matter's cache", () => {
  const TEXT = '---\ntitle: Cached\n---\nBody.\n';

  it('is real: without options a mutation of data leaks into the next call', () => {
    const text = '---\ntitle: Control\n---\n';
    matter(text).data.title = 'Mutated';
    expect(matter(text).data.title).toBe('Mutated');
  });

  it('does not touch our split: the same text splits the same way twice', () => {
    const first = splitFrontMatter(FILE, TEXT);
    expect(splitFrontMatter(FILE, TEXT)).toEqual(first);
    expect(first).toEqual({ yaml: '\ntitle: Cached', body: 'Body.\n', bodyOffset: 22, bodyLine: 4 });
  });
});

describe('threat 3: front matter that a parser would not see becomes an error, not body text', () => {
  const at = (code: string, line: number, column: number, message: string, hint: string) => ({ diagnostic: { file: FILE, line, column, severity: 'error', code, message, hint } });
  const LATE = ['the front matter fence must be the very first line of the file', 'remove the blank lines or spaces before `---`'] as const;
  const FENCE_HINT = 'use exactly three dashes and LF or CRLF line endings';

  it.each([
    ['a leading blank line', '\n---\ntitle: A\n---\n', at('frontmatter/not-at-start', 2, 1, ...LATE)],
    ['a leading space', ' ---\ntitle: A\n---\n', at('frontmatter/not-at-start', 1, 2, ...LATE)],
    ['blank lines and an indented fence', '\n\n  ---\ntitle: A\n---\n', at('frontmatter/not-at-start', 3, 3, ...LATE)],
    ['four dashes', '----\ntitle: A\n----\n', at('frontmatter/fence', 1, 1, 'the opening fence must be exactly `---`, found `----`', FENCE_HINT)],
    ['CR-only line endings', '---\rtitle: A\r---\rBody.\r', at('frontmatter/fence', 1, 1, 'the file uses CR-only line endings, so its front matter cannot be found', FENCE_HINT)],
    ['no closing fence', '---\ntitle: A\n\nBody.\n', at('frontmatter/unclosed', 1, 1, 'front matter has no closing `---` line', 'add a line with `---` after the last front-matter key')],
    ['no front matter at all', '# Title\n\nBody.\n', at('frontmatter/missing', 1, 1, 'page has no front matter', 'start the file with `---`, a `title:` line, and `---`')],
    ['an empty file', '', at('frontmatter/missing', 1, 1, 'page has no front matter', 'start the file with `---`, a `title:` line, and `---`')],
  ])('%s', (_name, text, expected) => {
    expect(splitFrontMatter(FILE, text)).toEqual(expected);
  });

  it('CRLF keeps the line numbers of LF', () => {
    expect(splitFrontMatter(FILE, '---\r\ntitle: A\r\n---\r\nBody.\r\n')).toMatchObject({ body: 'Body.\r\n', bodyLine: 4 });
  });

  // gray-matter's split ends before the closing fence's "\n", which would leave the last value a "\r".
  it('CRLF gives the parser the same YAML as LF, up to line endings', () => {
    const split = splitFrontMatter(FILE, '---\r\ntitle: A\r\nweight: 2\r\n---\r\nBody.\r\n');
    expect('yaml' in split && split.yaml.replace(/\r\n/g, '\n')).toBe('\ntitle: A\nweight: 2');
  });

  // gray-matter cuts at the first "\n---" substring, so such a line would end the front matter early
  // and publish the rest of it (here an internal value) as body text.
  it('a front-matter line starting with `---` is an error, never body text', () => {
    const split = splitFrontMatter(FILE, '---\ntitle: Leak\n---current_value: 42\n---\nBody.\n');
    expect(split).toEqual(at('frontmatter/fence', 3, 1, 'a line inside the front matter starts with `---`; it would end the front matter early', 'quote the value, or remove the dashes'));
  });
});

describe('threat 8: front matter is capped before parsing', () => {
  const KIB64 = 64 * 1024;

  it('refuses one byte of YAML over 64 KiB', () => {
    const yaml = `title: Big\ndescription: ${'y'.repeat(KIB64 - 'title: Big\ndescription: \n'.length + 1)}\n`;
    expect(splitFrontMatter(FILE, `---\n${yaml}---\nBody.\n`)).toEqual({
      diagnostic: {
        file: FILE,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'frontmatter/too-large',
        message: `front matter is larger than the limit of ${KIB64} bytes`,
        hint: 'keep front matter small; long histories belong in the dashboard',
      },
    });
  });

  it('accepts 64 KiB counting the opening fence', () => {
    const head = '---\ntitle: Fits\ndescription: ';
    const text = `${head}${'y'.repeat(KIB64 - head.length - 1)}\n---\nBody.\n`;
    expect(splitFrontMatter(FILE, text)).toMatchObject({ body: 'Body.\n', bodyLine: 5 });
  });
});
