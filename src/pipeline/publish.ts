import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputReuse } from '../output/reuse.js';

/** A staging folder beside the output folder: the site is written there, then published or discarded. */
export interface Staging {
  dir: string;
  /** Removes the staging folder; the output folder stays exactly as it was. */
  discard(): Promise<void>;
}

/** Opens a fresh staging folder beside `outDir`. */
export async function openStaging(outDir: string): Promise<Staging> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `.${basename(outDir)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir);
  return { dir, discard: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Stage 8, publish: the record of this output is sealed (every file taken
 * from the last output checked once more), then the staging folder is swapped
 * into the output folder by rename: readers see the old site or the new one,
 * never half of either. Resolves once the new site is in place, with the
 * removal of the old one under way: thousands of files take a while to
 * delete, and `serve` need not wait for them to reload the pages.
 */
export async function publish(staging: Staging, outDir: string, reuse: OutputReuse, scannedFor: string): Promise<{ removed: Promise<void> }> {
  reuse.seal(staging.dir, scannedFor);
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${basename(staging.dir).split('-').slice(-2).join('-')}`);
  let moved = false;
  try {
    await rename(outDir, old);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    await rename(staging.dir, outDir);
  } catch (err) {
    if (moved) await rename(old, outDir);
    throw err;
  }
  const removed = moved ? rm(old, { recursive: true, force: true }) : Promise.resolve();
  // Awaited by the caller; until then, a failure is not an unhandled one.
  removed.catch(() => undefined);
  return { removed };
}
