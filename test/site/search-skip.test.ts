import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
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
});
