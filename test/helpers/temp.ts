import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from './cli.js';

/** Where the data-driven `check` fixtures live. */
export const CHECK_FIXTURES = join(REPO, 'test/fixtures/check');

const made: string[] = [];

/** A fresh, empty directory under the OS temp folder, removed by `removeTempDirs`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-test-'));
  made.push(dir);
  return dir;
}

/** Copies `test/fixtures/check/<name>` into a fresh temp dir and returns that dir. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(CHECK_FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Copies the sample handbook of this repo (content/ and handbook.config.yaml) into a fresh temp dir. */
export function copySample(): string {
  const dir = tempDir();
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(REPO, 'handbook.config.yaml'), join(dir, 'handbook.config.yaml'));
  return dir;
}

/** Removes every directory `tempDir` made in this test file; call it from `afterAll`. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes a handbook root from a map of relative path → content into a fresh temp dir. */
export function writeHandbook(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [file, data] of Object.entries(files)) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return dir;
}
