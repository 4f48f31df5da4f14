import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../schemas/config.js';
import { fieldsOf, objectsOf } from '../../schemas/describe.js';
import { ExportFilesSchema } from '../../schemas/exports.js';
import { LayoutDataSchema } from '../../schemas/layout-data.js';
import { PageSchema } from '../../schemas/page.js';
import { DOC_BLOCKS } from '../../src/docs/blocks.js';
import { withGeneratedBlock } from '../../src/docs/generated-block.js';
import { REPO } from '../helpers/cli.js';

const DOCS = readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`).sort();
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');

/** A Markdown text without its fenced code blocks: each opened by a line of three backticks or more (indented in a list item, maybe), closed by the same. */
function withoutFences(text: string): string {
  return text.replace(/^ *(`{3,})[^\n]*\n[\s\S]*?^ *\1 *$/gm, '');
}

/** The anchors a Markdown file has: GitHub's slugs of its headings, and `<a id>`s. */
function anchorsOf(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = [...withoutFences(text).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!.replace(/`/g, '')));
  return new Set([...headings, ...[...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!)]);
}

/** Every link of a Markdown file to another file of the repository, or to an anchor, as `[target, fragment]`. */
function localLinks(text: string): [string, string | undefined][] {
  return [...withoutFences(text).replace(/`[^`\n]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('/'))
    .map((href) => {
      const [path = '', fragment] = href.split('#');
      return [path, fragment];
    });
}

describe('docs/', () => {
  it.each(DOC_BLOCKS.map((b) => [`${b.file} ${b.name}`, b] as const))('%s is as generated (run `npm run docs` after changing its source)', (_name, block) => {
    const text = read(block.file);
    expect(text).toBe(withGeneratedBlock(text, block.name, block.make()));
  });

  it('is linked from the README, page by page', () => {
    const readme = read('README.md');
    for (const file of DOCS) expect(readme, file).toContain(`](${file})`);
  });

  it.each(['README.md', ...DOCS])('%s: every link to a file or an anchor leads somewhere, and none leaves the package', (file) => {
    const text = read(file);
    for (const [path, fragment] of localLinks(text)) {
      const target = path === '' ? file : normalize(join(dirname(file), path));
      expect(target.startsWith('..'), `${file} links out of the package: ${path}`).toBe(false);
      expect(existsSync(join(REPO, target)), `${file} → ${path}`).toBe(true);
      if (fragment !== undefined && target.endsWith('.md')) expect([...anchorsOf(read(target))], `${file} → ${path}#${fragment}`).toContain(fragment);
    }
  });

  it('ships in the package (npm pack)', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining([...DOCS, 'layouts/page.njk', 'bin/handbook.js']));
  });
});

describe('the schemas the references are made from', () => {
  it.each([
    ['the front matter', PageSchema],
    ['the config', ConfigSchema],
    ['the exports', ExportFilesSchema],
    ['the layout data', LayoutDataSchema],
  ] as const)('describe every field of %s', (_name, root) => {
    const missing = objectsOf(root).flatMap(({ schema, path }) => fieldsOf(schema).filter((f) => f.description.length < 8).map((f) => `${path || '(root)'}.${f.name}`));
    expect(missing).toEqual([]);
  });
});
