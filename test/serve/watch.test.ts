import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { watchTargets } from '../../src/serve/watch.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

const QUIET = 60;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** Watches `root`'s content/ and layouts/ folders and its config file; resolves each batch of changes. */
function watchRoot(root: string) {
  const batches: string[][] = [];
  let wake: (() => void) | undefined;
  const watcher = watchTargets(
    [
      { path: join(root, 'content'), kind: 'folder' },
      { path: join(root, 'layouts'), kind: 'folder' },
      { path: join(root, 'handbook.config.yaml'), kind: 'file' },
    ],
    (paths) => {
      batches.push(paths.map((p) => p.slice(root.length + 1)).sort());
      wake?.();
    },
    QUIET,
  );
  closers.push(() => watcher.close());
  return {
    batches,
    /** The next batch, or none within `ms`. */
    next: (ms = 3000) =>
      new Promise<string[] | undefined>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve(batches.shift());
        };
        if (batches.length > 0) return done();
        const timer = setTimeout(done, ms);
        wake = done;
      }),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the watcher of handbook serve', () => {
  it('reports a burst of writes once it is quiet, as one batch', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content/a'), { recursive: true });
    const w = watchRoot(root);
    writeFileSync(join(root, 'content/a/x.md'), '1');
    writeFileSync(join(root, 'content/a/x.md'), '2');
    writeFileSync(join(root, 'content/y.md'), '3');
    expect(await w.next()).toEqual(expect.arrayContaining(['content/a/x.md', 'content/y.md']));
    expect(await w.next(300)).toBeUndefined();
  });

  it('picks up a folder made after it started, and what is written into it', async () => {
    const root = tempDir();
    const w = watchRoot(root);
    mkdirSync(join(root, 'layouts/partials'), { recursive: true });
    expect(await w.next()).toContain('layouts');
    await pause(50);
    writeFileSync(join(root, 'layouts/partials/toc.njk'), 'x');
    expect(await w.next()).toContain('layouts/partials/toc.njk');
  });

  it('keeps watching a folder removed and made again (a git checkout)', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content'));
    const w = watchRoot(root);
    rmSync(join(root, 'content'), { recursive: true });
    expect(await w.next()).toContain('content');
    mkdirSync(join(root, 'content'));
    await w.next();
    await pause(50);
    writeFileSync(join(root, 'content/back.md'), 'x');
    expect(await w.next()).toContain('content/back.md');
  });

  it('keeps watching a folder inside a target removed and made again, and one moved in', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content/team/people'), { recursive: true });
    const w = watchRoot(root);
    rmSync(join(root, 'content/team'), { recursive: true });
    expect(await w.next()).toContain('content/team');
    mkdirSync(join(root, 'content/team/people'), { recursive: true });
    await w.next();
    await pause(50);
    writeFileSync(join(root, 'content/team/people/ann.md'), 'x');
    expect(await w.next()).toContain('content/team/people/ann.md');
    const outside = tempDir();
    mkdirSync(join(outside, 'moved/deep'), { recursive: true });
    renameSync(join(outside, 'moved'), join(root, 'content/moved'));
    expect(await w.next()).toContain('content/moved');
    await pause(50);
    writeFileSync(join(root, 'content/moved/deep/page.md'), 'x');
    expect(await w.next()).toContain('content/moved/deep/page.md');
  });

  it('sees a config saved by rename, as editors save, again and again', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'handbook.config.yaml'), 'a');
    const w = watchRoot(root);
    for (const text of ['b', 'c']) {
      writeFileSync(join(root, 'handbook.config.yaml.tmp'), text);
      renameSync(join(root, 'handbook.config.yaml.tmp'), join(root, 'handbook.config.yaml'));
      expect(await w.next()).toEqual(['handbook.config.yaml']);
    }
  });

  it('ignores hidden files and editors\' scratch files, and files beside the targets', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content'));
    const w = watchRoot(root);
    writeFileSync(join(root, 'content/.page.md.swp'), 'x');
    writeFileSync(join(root, 'content/page.md~'), 'x');
    writeFileSync(join(root, 'content/4913'), 'x');
    mkdirSync(join(root, 'content/.git'));
    writeFileSync(join(root, 'content/.git/index'), 'x');
    writeFileSync(join(root, 'README.md'), 'x');
    mkdirSync(join(root, 'dist'));
    expect(await w.next(500)).toBeUndefined();
  });
});
