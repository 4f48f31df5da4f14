import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

/** A handbook with a draft page whose body would be news, and a public page. */
const handbook = () =>
  writeHandbook({
    'handbook.config.yaml': 'site:\n  title: Tamper\n',
    'content/index.md': '---\ntitle: Home\n---\n\nWelcome to the handbook.\n',
    'content/plans.md': '---\ntitle: Plans\ndraft: true\n---\n\nThe secret plan: acquire everyone.\n',
  });
/** A build as a given machine (its cache key lives under XDG_CACHE_HOME). */
const build = (root: string, out: string, machine: string, ...args: string[]) => runCli(['build', '--root', root, '--out', out, ...args], { env: { XDG_CACHE_HOME: machine } });
const CACHE = (root: string) => join(root, '.cache/okr-handbook');

describe('the cache can make a build faster, never different', () => {
  it('a front-matter cache edited by hand (the draft flag removed) is ignored: the draft stays out', async () => {
    const root = handbook();
    const machine = tempDir();
    expect((await build(root, 'warm', machine)).code).toBe(0);
    const file = join(CACHE(root), 'front-matter.json');
    const [seal, body] = readFileSync(file, 'utf8').split(/\n([\s\S]*)/);
    // Dropping `draft: true` from the cached data would publish the draft if the cache were trusted.
    writeFileSync(file, `${seal}\n${body!.replace('"draft":true', '"draft":false')}`);
    expect((await build(root, 'tampered', machine)).code).toBe(0);
    expect((await build(root, 'cold', machine, '--no-cache')).code).toBe(0);
    expect(readTree(join(root, 'tampered'))).toEqual(readTree(join(root, 'cold')));
    expect(readdirSync(join(root, 'tampered'))).not.toContain('plans');
  });

  it('a .cache/ from another machine (committed, or restored from a shared CI cache) reads as empty', async () => {
    const root = handbook();
    expect((await build(root, 'first', tempDir())).code).toBe(0);
    // Another machine's key: every sealed file of the cache is another's.
    const other = tempDir();
    expect((await build(root, 'second', other)).code).toBe(0);
    expect((await build(root, 'cold', other, '--no-cache')).code).toBe(0);
    expect(readTree(join(root, 'second'))).toEqual(readTree(join(root, 'cold')));
  });

  it('a cached page body changed by hand fails the build instead of reaching the site', async () => {
    const root = handbook();
    const machine = tempDir();
    expect((await build(root, 'first', machine)).code).toBe(0);
    const html = join(CACHE(root), 'html');
    for (const name of readdirSync(html)) writeFileSync(join(html, name), readFileSync(join(html, name), 'utf8').replace('Welcome', 'Pwned'));
    // A changed layout makes every page laid out again, so every body is read from the cache.
    const result = await build(root, 'second', machine, '--today', '2030-01-01');
    const again = await build(root, 'third', machine);
    expect([result.code, again.code]).toEqual([2, 2]);
    expect(again.stderr).toMatch(/^handbook: the cache file .*\/html\/.*\.json was changed since okr-handbook wrote it; delete .* \(or build with --no-cache\)\n/);
    expect(readdirSync(root)).not.toContain('third');
  });
});
