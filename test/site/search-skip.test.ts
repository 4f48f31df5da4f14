import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { treeHash } from '../helpers/tree-hash.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { buildSite, searchIndexText } from './build-site.js';

afterAll(removeTempDirs);

describe('a layout region marked <!--search:skip-->', () => {
  it('is on the page but not in the search index; the rest of the page is', async () => {
    const root = copySample();
    cpSync(join(REPO, 'layouts'), join(root, 'layouts'), { recursive: true });
    const page = join(root, 'layouts/page.njk');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<h1>{{ hb.title }}</h1>', '<h1>{{ hb.title }}</h1>\n<!--search:skip--><p>Quokkaskipped</p><!--/search:skip--><p>Quokkakept</p>'));
    const site = await buildSite(root, 'public');
    expect(readFileSync(join(site, 'company/index.html'), 'utf8')).toContain('<p>Quokkaskipped</p>');
    const index = [...searchIndexText(site).values()].join('\n');
    expect(index).toContain('Quokkakept');
    expect(index).not.toContain('Quokkaskipped');
  });

  it('without its closing marker fails the build, which writes nothing', async () => {
    const root = copySample();
    cpSync(join(REPO, 'layouts'), join(root, 'layouts'), { recursive: true });
    const build = () => runCli(['build', '--root', root, '--today', '2022-05-20']);
    expect((await build()).code).toBe(0);
    const page = join(root, 'layouts/page.njk');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<h1>{{ hb.title }}</h1>', '<h1>{{ hb.title }}</h1>\n<!--search:skip--><p>Open-ended</p>'));
    const before = { content: treeHash(join(root, 'content')), dist: treeHash(join(root, 'dist')) };
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^dist:1:1 {2}error {2}search index: [a-z/-]*index\.html has a <!--search:skip--> without its <!--\/search:skip--> \(or the other way round\); fix the layout {2}build\/search-index$/m);
    expect({ content: treeHash(join(root, 'content')), dist: treeHash(join(root, 'dist')) }).toEqual(before);
  });
});
