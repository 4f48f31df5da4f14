import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

/**
 * Every module `handbook check` loads, following static imports (not `import type`,
 * not `await import(…)`, which load only on demand) from the CLI entry.
 */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(join(REPO, file), 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(relative(REPO, join(REPO, dirname(file), spec)).replace(/\.js$/, '.ts'));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('handbook check', () => {
  const { files, packages } = staticGraph('src/cli/main.ts');

  it('loads neither Eleventy nor the renderer nor the search indexer', () => {
    expect([...packages].filter((p) => /^(@11ty\/|rehype-|remark-rehype$|hast|pagefind$)/.test(p))).toEqual([]);
    expect([...files].filter((f) => /^src\/(render|eleventy|site|view|output)\/|^src\/commands\/build\.ts$|^src\/pipeline\/(build|project|layout|search|scan|publish)\.ts$|^src\/bodies\/render\.ts$/.test(f))).toEqual([]);
  });

  it('does load the parser and the checks it runs (the graph is really followed)', () => {
    expect(packages).toContain('remark-parse');
    expect(files).toContain('src/link/links.ts');
  });
});
