import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE, PACKAGE_ROOT } from '../package-root.js';

/**
 * What every cached result depends on besides its own input: the installed
 * version of each dependency (an `npm update` within the ranges changes a
 * parser or Eleventy) and a hash of okr-handbook's own code (a change between
 * releases, as in development), so a cache never serves what an older
 * pipeline made.
 */
export function pipelineVersion(): string {
  const dependencies = Object.keys(PACKAGE.dependencies).sort().map((name) => `${name}@${installedVersion(name) ?? PACKAGE.dependencies[name]}`);
  return JSON.stringify([PACKAGE.version, dependencies, ownCodeHash()]);
}

/** The version of a dependency as installed: from its package.json in the nearest node_modules/ that has it, as Node looks for it. */
function installedVersion(name: string): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A hash of this copy of okr-handbook's code: the compiled lib/ or, from the TypeScript sources, src/ and schemas/; and the Eleventy config file. */
function ownCodeHash(): string {
  // This module is <code root>/src/cache/pipeline.{js,ts}.
  const codeRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  return codeHash(codeRoot, join(PACKAGE_ROOT, '.eleventy.js'));
}

/** A hash of the code in `root`'s src/ and schemas/ (JavaScript or TypeScript) and of `extra` files. */
export function codeHash(root: string, ...extra: string[]): string {
  const hash = createHash('sha256');
  const files = ['src', 'schemas'].flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(js|ts)$/.test(f))
          .map((f) => join(folder, f))
      : [],
  );
  // Hashing nothing would make every version of the code look the same.
  if (files.length === 0) throw new Error(`okr-handbook finds no code to hash under ${root}`);
  for (const file of files.sort()) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  for (const file of extra) hash.update(readFileSync(file));
  return hash.digest('base64url');
}
