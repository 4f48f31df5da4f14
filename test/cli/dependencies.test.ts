import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

/** One import of a package (relative imports are not listed). */
interface PackageImport {
  file: string;
  specifier: string;
  /** The package's name: `@scope/name` or `name`, without a subpath. */
  name: string;
  /** `import type`, `export type`, `import { type A }` or `import('x').A`: erased by tsc, nothing loaded at run time. */
  typeOnly: boolean;
}

/** The imports of one source: static imports and re-exports (`import 'x'` too), and `import('x')`. */
function packageImports(file: string, source: string): PackageImport[] {
  const found: Omit<PackageImport, 'name'>[] = [];
  // The clause before `from` holds only names, braces, commas and `*`: no code around an import is taken for one.
  for (const match of source.matchAll(/^[ \t]*(import|export)\s+(type\s+)?(?:([\w$*{},\s]+?)\s+from\s*)?['"]([^'"\n]+)['"]/gm)) {
    const clause = match[3]?.trim() ?? '';
    const inlineTypes = /^\{.*\}$/s.test(clause) && clause.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    found.push({ file, specifier: match[4]!, typeOnly: Boolean(match[2]) || (clause !== '' && inlineTypes) });
  }
  // `typeof import('x')` and `import('x').Name` are types; `import('x').then(…)` is not.
  for (const match of source.matchAll(/(typeof\s+)?\bimport\(\s*['"]([^'"\n]+)['"]\s*\)(\.(?!then\b|catch\b|finally\b)[A-Za-z_$])?/g)) {
    found.push({ file, specifier: match[2]!, typeOnly: Boolean(match[1] || match[3]) });
  }
  return found
    .filter(({ specifier }) => !/^[./#]/.test(specifier))
    .map((i) => ({ ...i, name: i.specifier.startsWith('@') ? i.specifier.split('/').slice(0, 2).join('/') : i.specifier.split('/')[0]! }));
}

/** The files under `dir` (relative to the repository) whose names end in `ext`. */
function filesUnder(dir: string, ext: string, recursive = true): string[] {
  return (readdirSync(join(REPO, dir), { recursive }) as string[]).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

function importsOf(files: string[]): PackageImport[] {
  return files.flatMap((file) => packageImports(file, readFileSync(join(REPO, file), 'utf8')));
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const dependencies = new Set(Object.keys(manifest.dependencies));
const declared = new Set([...dependencies, ...Object.keys(manifest.devDependencies)]);

/** Packages in `dependencies` that the shipped code does not import, and why they are there all the same. */
const USED_OTHERWISE: Record<string, string> = {
  comrak: 'loaded with require() in src/markdown/comrak.ts, so that a WebAssembly that cannot be loaded is caught and remark parses instead',
};

/** The code a user of the package runs: what `files` in package.json ships, compiled from src/ and schemas/. */
const SHIPPED = [...filesUnder('src', '.ts'), ...filesUnder('schemas', '.ts'), ...filesUnder('bin', '.js', false), '.eleventy.js'];
/** The tests and their helpers (not the fixture sites they build, nor this file: its sample sources import made-up packages). */
const TESTS = [...filesUnder('test', '.ts').filter((f) => !f.startsWith('test/fixtures/') && f !== 'test/cli/dependencies.test.ts'), 'vitest.config.ts'];

/** What is wrong with one import, or undefined. Type-only imports may name a package's `@types/…` instead. */
function problem(i: PackageImport, allowed: Set<string>, list: string): string | undefined {
  if (i.specifier.startsWith('node:')) return undefined;
  if (builtinModules.includes(i.name)) return `${i.file}: import '${i.specifier}' as 'node:${i.specifier}'`;
  const types = `@types/${i.name.replace(/^@/, '').replace('/', '__')}`;
  if (allowed.has(i.name) || (i.typeOnly && (declared.has(i.name) || declared.has(types)))) return undefined;
  return `${i.file}: ${i.typeOnly ? 'imports types of' : 'imports'} ${i.name}, which is not in ${list}`;
}

describe('declared dependencies', () => {
  it('finds every form of import', () => {
    const source = [
      "import a from 'a';",
      "import * as b from '@scope/b/sub';",
      "import {\n  c1,\n  type C2,\n} from 'c';",
      "import 'd';",
      "export { e } from 'e';",
      "export * from 'f';",
      "import type { G } from 'g';",
      "import { type H1, type H2 } from 'h';",
      "export type { I } from 'i';",
      "const j = await import('j');",
      "type K = typeof import('k');",
      "type L = import('l').L;",
      "import('m').then(() => {});",
      "import n from 'node:fs';",
      "import o from './o.js';",
      "const p = `import q from 'q'`;",
      "export const r = 's';",
    ].join('\n');
    expect(packageImports('x.ts', source).map((i) => `${i.name}${i.typeOnly ? ' (types)' : ''}`)).toEqual([
      'a',
      '@scope/b',
      'c',
      'd',
      'e',
      'f',
      'g (types)',
      'h (types)',
      'i (types)',
      'node:fs',
      'j',
      'k (types)',
      'l (types)',
      'm',
    ]);
  });

  it('every package the shipped code imports is a node: builtin or in dependencies (type-only imports: devDependencies too)', () => {
    const imports = importsOf(SHIPPED);
    expect(imports.length).toBeGreaterThan(50);
    expect(imports.flatMap((i) => problem(i, dependencies, 'dependencies') ?? [])).toEqual([]);
  });

  it('every package in dependencies is imported by the shipped code', () => {
    const imported = new Set(importsOf(SHIPPED).filter((i) => !i.typeOnly).map((i) => i.name));
    expect([...dependencies].filter((name) => !imported.has(name) && !(name in USED_OTHERWISE))).toEqual([]);
    expect(Object.keys(USED_OTHERWISE).filter((name) => !dependencies.has(name))).toEqual([]);
  });

  it("the tests' imports are in devDependencies or dependencies", () => {
    const imports = importsOf(TESTS);
    expect(imports.map((i) => i.name)).toContain('playwright-core');
    expect(imports.flatMap((i) => problem(i, declared, 'devDependencies or dependencies') ?? [])).toEqual([]);
  });
});
