import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readCacheJson, writeCacheJson } from '../cache/store.js';

/** What identifies a file's bytes without reading them, as git's index does: any write changes one of these. */
interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A piece of the site (a page, a search shard): the key of everything it was made from, and the files it wrote. */
interface Unit {
  key: string;
  files: Record<string, Stamp>;
}

interface Manifest {
  outDir: string;
  /** Hash of the internal values the output was scanned for (public builds), '' when it was not scanned. */
  scannedFor: string;
  units: Record<string, Unit>;
}

/**
 * Lets a build take files from the previous build's output instead of making
 * them again. A unit is reused only when its key (a hash of everything its
 * files depend on) is the one recorded, and each of its files in the output
 * folder still has the size, mtime and inode recorded after that build: a file
 * edited or replaced since is made again. Reused files are hard-linked into the
 * staging folder, so the previous output is never written to.
 */
export class OutputReuse {
  /** Units in this build's output; `kept` holds the stamps of files linked from the last, which a link leaves as they were. */
  private readonly made = new Map<string, { key: string; files: string[]; kept?: Record<string, Stamp> }>();
  private readonly taken = new Set<string>();
  /** Folders of the staging folder made so far: thousands of pages share a few hundred, and a mkdir each cost seconds. */
  private readonly folders = new Set<string>();
  /** The manifest of this build's output, made by `seal` from the staging folder. */
  private sealed: Manifest | undefined;

  private constructor(
    private readonly file: string,
    private readonly outDir: string,
    private readonly previous: Manifest | undefined,
  ) {}

  /**
   * The record of the last build of `audience` into `outDir`; none when
   * `enabled` is false. Each output folder has a record of its own, so builds
   * into dist/ and `handbook serve`'s folder do not make each other start over.
   */
  static async open(cacheDirectory: string, audience: string, outDir: string, enabled: boolean): Promise<OutputReuse> {
    const file = join(cacheDirectory, `output-${audience}-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.json`);
    const previous = enabled ? await readCacheJson<Manifest>(file) : undefined;
    return new OutputReuse(enabled ? file : '', outDir, previous?.outDir === outDir ? previous : undefined);
  }

  /** Whether the previous output holds `id` made from the same inputs, untouched since. */
  reusable(id: string, key: string): boolean {
    const unit = this.previous?.units[id];
    if (unit?.key !== key) return false;
    return Object.entries(unit.files).every(([file, stamp]) => {
      try {
        const now = lstatSync(join(this.outDir, file));
        return now.isFile() && sameStamp(now, stamp);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    });
  }

  /**
   * Puts a reusable unit's files into `staging`: a hard link, or a copy where the
   * file system has none. Fails if a file is already there, so nothing this
   * build wrote is ever replaced.
   */
  take(id: string, staging: string): void {
    const unit = this.previous!.units[id]!;
    const kept: Record<string, Stamp> = {};
    for (const [file, stamp] of Object.entries(unit.files)) {
      const target = join(staging, file);
      const folder = dirname(target);
      if (!this.folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.folders.add(folder);
      }
      const source = join(this.outDir, file);
      try {
        linkSync(source, target);
        kept[file] = stamp;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'ENOENT') throw new OutputChangedError(source);
        if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes(code)) throw err;
        // A copy is not checked again by `seal`: the file must be as recorded before and after it is copied.
        if (!sameStamp(lstatSync(source), stamp)) throw new OutputChangedError(source);
        copyFileSync(source, target);
        if (!sameStamp(lstatSync(source), stamp)) throw new OutputChangedError(source);
      }
    }
    this.made.set(id, { key: unit.key, files: Object.keys(unit.files), kept });
    this.taken.add(id);
  }

  /** Records a unit this build made, with the files it wrote (relative to the output folder). */
  record(id: string, key: string, files: string[]): void {
    this.made.set(id, { key, files });
  }

  /** The files taken from the last build so far, when it scanned them for exactly these internal values: they need no second scan. */
  scannedFiles(canaries: string): ReadonlySet<string> {
    if (canaries === '' || this.previous?.scannedFor !== canaries) return new Set();
    return new Set([...this.taken].flatMap((id) => this.made.get(id)!.files));
  }

  /**
   * Stamps every file of this build's output in `staging` (a rename into place
   * keeps size, mtime and inode), after checking that each file taken from the
   * last build is still what was recorded: a file the previous output folder
   * had rewritten since `reusable` (by another process) would otherwise be
   * published unscanned. Call it last, once everything is written and scanned.
   */
  seal(staging: string, scannedFor: string): void {
    const units: Record<string, Unit> = {};
    for (const [id, { key, files, kept }] of this.made) {
      const stamps: Record<string, Stamp> = {};
      for (const file of files) {
        const { size, mtimeMs, ino } = lstatSync(join(staging, file));
        const was = kept?.[file];
        if (was && !sameStamp({ size, mtimeMs, ino }, was)) throw new OutputChangedError(join(this.outDir, file));
        stamps[file] = { size, mtimeMs, ino };
      }
      units[id] = { key, files: stamps };
    }
    this.sealed = { outDir: this.outDir, scannedFor, units };
  }

  /** Records the sealed output for the next build; the write's error when the cache is read-only. */
  async save(): Promise<Error | undefined> {
    if (this.file === '' || !this.sealed) return undefined;
    return writeCacheJson(this.file, this.sealed);
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** Raised when a file of the previous output changed while a build was taking it: another process writes to the output folder. */
export class OutputChangedError extends Error {
  override name = 'OutputChangedError';
  constructor(readonly file: string) {
    super(`${file} changed during the build: is another build writing to the same output folder?`);
  }
}
