import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Builds a site into a fresh folder beside `outDir` and swaps it in only when
 * `produce` succeeds. On any failure the staging folder is removed and `outDir`
 * stays exactly as it was; stale files never survive a build.
 */
export async function writeAtomically<T>(outDir: string, produce: (stagingDir: string) => Promise<T>): Promise<T> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${basename(outDir)}.staging-${tag}`);
  await mkdir(staging);
  let result: T;
  try {
    result = await produce(staging);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  const old = join(parent, `.${basename(outDir)}.old-${tag}`);
  let moved = false;
  try {
    await rename(outDir, old);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
  }
  try {
    await rename(staging, outDir);
  } catch (err) {
    if (moved) await rename(old, outDir);
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  if (moved) await rm(old, { recursive: true, force: true });
  return result;
}
