import { existsSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const JAVASCRIPT = "---javascript\nrequire('fs').writeFileSync(process.env.MARKER, 'javascript')\n---\nBody.\n";
const JS_IIFE = "---js\n(function () { require('fs').writeFileSync(process.env.MARKER + '.js', 'js'); return { title: 'x' }; })()\n---\nBody.\n";

const MESSAGE = (language: string) => `front matter language \`${language}\` is not supported; front matter is never executed`;
const HINT = 'write the front matter as YAML after a plain `---` line';

describe('front matter that would run code', () => {
  let markers: string;
  beforeAll(() => {
    markers = tempDir();
  });

  it('is live: gray-matter with its defaults runs both payloads', () => {
    const marker = join(markers, 'control');
    process.env.MARKER = marker;
    try {
      matter(JAVASCRIPT);
      matter(JS_IIFE);
    } finally {
      delete process.env.MARKER;
    }
    expect([existsSync(marker), existsSync(`${marker}.js`)]).toEqual([true, true]);
  });

  it('is refused at line 1 by check, and never executed', async () => {
    const marker = join(markers, 'check');
    const root = writeHandbook({ 'content/javascript.md': JAVASCRIPT, 'content/js.md': JS_IIFE });

    const result = await checkJson(root, [], { env: { MARKER: marker } });

    expect({ code: result.code, stderr: result.stderr, diagnostics: result.diagnostics }).toEqual({
      code: 1,
      stderr: '',
      diagnostics: [
        { file: 'content/javascript.md', line: 1, column: 4, severity: 'error', code: 'frontmatter/language', message: MESSAGE('javascript'), hint: HINT },
        { file: 'content/js.md', line: 1, column: 4, severity: 'error', code: 'frontmatter/language', message: MESSAGE('js'), hint: HINT },
      ],
    });
    expect([existsSync(marker), existsSync(`${marker}.js`)]).toEqual([false, false]);
  });
});
