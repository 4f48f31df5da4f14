import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of okr-handbook's own package.json, found by walking up from this
 * module: the same answer from the TypeScript sources and from the compiled lib/.
 */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== 'okr-handbook') {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('okr-handbook cannot find its own package.json');
    dir = parent;
  }
  return dir;
})();

/** okr-handbook's package.json. */
export const PACKAGE = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bugs?: { url?: string } };
