import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

/** A handbook root in a temp dir, from relative path → text. */
function handbook(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Which files got which rule, in report order. */
async function reported(root: string) {
  const { code, diagnostics } = await checkJson(root, ['--today', '2022-04-01']);
  return { code, found: (diagnostics as { file: string; code: string }[]).map(({ file, code }) => ({ file, code })) };
}

/**
 * page/duplicate-url exists because the build would silently overwrite one
 * output file with another. These cases write the same output file, yet
 * `check` reports nothing and exits 0.
 */
describe('two sources of one output file', () => {
  // Regression (fixed): indexPages (src/link/page-index.ts) keys pages by `page.url` as written.
  // normalisePermalink keeps `/a/b/index.html` as it is, while a/b.md is `/a/b/`:
  // different keys, yet canonicalUrl treats them as one page and outputPathForUrl
  // writes both to a/b/index.html. Same for `/kpis/index.html` against the generated `/kpis/`.
  it('a permalink ending in index.html collides with the page or generated page of that folder', async () => {
    const root = handbook({
      'content/a/b.md': '---\ntitle: B\n---\n',
      'content/other.md': '---\ntitle: Other\npermalink: /a/b/index.html\n---\n',
      'content/k.md': '---\ntitle: K\npermalink: /kpis/index.html\n---\n',
    });
    expect(await reported(root)).toEqual({
      code: 1,
      found: [
        { file: 'content/a/b.md', code: 'page/duplicate-url' },
        { file: 'content/k.md', code: 'page/duplicate-url' },
        { file: 'content/other.md', code: 'page/duplicate-url' },
      ],
    });
  });

  // Regression (fixed): FRONTMATTER.md copies static/x to /x, but indexPages never compares
  // page URLs with `staticUrls`, so a static file and a page that write the same
  // path (static/feed.xml and `permalink: /feed.xml`; static/a/b/index.html and
  // a/b.md) overwrite each other in dist/ without a word.
  it('a static file collides with a page written to the same path', async () => {
    const root = handbook({
      'content/a/b.md': '---\ntitle: B\n---\n',
      'content/feed.md': '---\ntitle: Feed\npermalink: /feed.xml\n---\n',
      'static/a/b/index.html': '<p>old export</p>\n',
      'static/feed.xml': '<rss/>\n',
    });
    expect(await reported(root)).toEqual({
      code: 1,
      found: [
        { file: 'content/a/b.md', code: 'page/duplicate-url' },
        { file: 'content/feed.md', code: 'page/duplicate-url' },
      ],
    });
  });
});
