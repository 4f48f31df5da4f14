import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputReuse } from '../output/reuse.js';

/** A staging folder beside the output folder: the site is written there, then published or discarded. */
export interface Staging {
  dir: string;
  /**
   * A folder for the layout process beside it (not inside: it is not output; nor
   * named as the staging folder and more, which Node's permission model 20.20
   * would then refuse to list).
   */
  work: string;
  /** Removes the staging and work folders; the output folder stays exactly as it was. */
  discard(): Promise<void>;
}

/** Opens a fresh staging folder beside `outDir`. */
export async function openStaging(outDir: string): Promise<Staging> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const dir = join(parent, `.${basename(outDir)}.staging-${tag}`);
  const work = join(parent, `.${basename(outDir)}.layout-${tag}`);
  await mkdir(dir);
  return { dir, work, discard: async () => void (await Promise.all([rm(dir, { recursive: true, force: true }), rm(work, { recursive: true, force: true })])) };
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

/**
 * What a build of `outDir` killed before left beside it (`.NAME.staging-PID-TAG`,
 * `.NAME.layout-PID-TAG`, `.NAME.old-PID-TAG`, its process gone): if it was killed between the two
 * renames of `publish`, the previous output is put back; the rest is removed.
 * Every build starts with this, whether it publishes or not.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(outDir)}.`;
  const leftovers = (await readdir(parent)).flatMap((name) => {
    const [kind, pid] = name.startsWith(prefix) ? name.slice(prefix.length).split('-') : [];
    return (kind === 'staging' || kind === 'layout' || kind === 'old') && /^\d+$/.test(pid ?? '') && !alive(Number(pid)) ? [{ name, kind }] : [];
  });
  if (!existsSync(outDir)) {
    const old = leftovers.find((l) => l.kind === 'old');
    if (old) await rename(join(parent, old.name), outDir);
  }
  for (const { name } of leftovers) await rm(join(parent, name), { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
