import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeHash, pipelineVersion } from '../../src/cache/pipeline.js';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

describe('the pipeline version every cache key includes', () => {
  it('names the installed version of each dependency, not its range', () => {
    const [, dependencies] = JSON.parse(pipelineVersion()) as [string, string[], string];
    const installed = (name: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(dependencies).toContain(`unified@${installed('unified')}`);
    expect(dependencies).toContain(`@11ty/eleventy@${installed('@11ty/eleventy')}`);
    expect(dependencies).toContain(`pagefind@${installed('pagefind')}`);
  });

  it("changes with any change to okr-handbook's code, and refuses to hash no code at all", () => {
    const root = tempDir();
    mkdirSync(join(root, 'src/cache'), { recursive: true });
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'src/cache/store.js'), 'export const a = 1;\n');
    writeFileSync(join(root, 'schemas/page.js'), 'export const b = 2;\n');
    const before = codeHash(root);
    expect(codeHash(root)).toBe(before);
    writeFileSync(join(root, 'schemas/page.js'), 'export const b = 3;\n');
    expect(codeHash(root)).not.toBe(before);
    expect(() => codeHash(tempDir())).toThrow(/finds no code to hash/);
  });
});
