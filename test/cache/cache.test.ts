import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { readTree } from '../helpers/files.js';
import { removeTempDirs, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

/** Enough pages that bodies are analysed in worker threads (WORKER_THRESHOLD in src/bodies/index.ts). */
const PAGES = 420;

function handbook(): string {
  const files: Record<string, string> = {
    'handbook.config.yaml': 'site:\n  title: Cache\napprovers:\n  - { id: ceo, name: CEO }\n',
    'content/index.md': '---\ntitle: Home\n---\n\n[First](/s/p0/#intro)\n',
    'content/s/metrics.md':
      '---\ntitle: Metrics\nkpis:\n  - id: m\n    name: Metric M\n    definition: How many.\n    calculation: https://example.com/m\n    current_value: 7301.25\n---\n\n:::kpis\n',
  };
  for (let i = 0; i < PAGES; i++) {
    files[`content/s/p${i}.md`] = `---\ntitle: Page ${i}\nweight: ${i}\n---\n\n## Intro\n\nText of page ${i} with a [link](../s/p${(i + 1) % PAGES}.md#intro) and **bold**.\n\n| a | b |\n|---|---|\n| ${i} | x |\n`;
  }
  return writeHandbook(files);
}


describe.each(['public', 'internal'] as const)('a cached %s build', (audience) => {
  const root = handbook();
  const build = async (out: string, ...flags: string[]) => {
    const result = await runCli(['build', '--root', root, '--audience', audience, '--out', out, '--today', '2026-11-23', ...flags]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    return readTree(join(root, out));
  };

  it('is byte-identical to a cold build, before and after one page is edited', async () => {
    rmSync(join(root, '.cache'), { recursive: true, force: true });
    const cold = await build('cold', '--no-cache');
    expect(existsSync(join(root, '.cache'))).toBe(false);
    await build('fill');
    const warm = await build('warm');
    expect(warm).toEqual(cold);

    appendFileSync(join(root, 'content/s/p7.md'), '\nAn edited paragraph.\n');
    const editedCold = await build('edited-cold', '--no-cache');
    const editedWarm = await build('edited-warm');
    expect(editedWarm).toEqual(editedCold);
    expect(editedWarm['s/p7/index.html']).not.toEqual(warm['s/p7/index.html']);
  }, 180_000);

  it('into the folder of the last build, is byte-identical to a cold build after a body, a title and a layout edit', async () => {
    const edits = [
      () => appendFileSync(join(root, 'content/s/p11.md'), '\nAnother paragraph.\n'),
      // A title is in every sidebar and in the previous / next links of its neighbours.
      () => writeFileSync(join(root, 'content/s/p12.md'), readFileSync(join(root, 'content/s/p12.md'), 'utf8').replace('title: Page 12', 'title: Page Twelve')),
      () => {
        cpSync(join(REPO, 'layouts'), join(root, 'layouts'), { recursive: true, force: false, errorOnExist: false });
        appendFileSync(join(root, 'layouts/page.njk'), '\n<!-- edited layout -->\n');
      },
    ];
    await build('same');
    for (const edit of edits) {
      edit();
      expect(await build('same')).toEqual(await build('same-cold', '--no-cache'));
    }
  }, 240_000);
});

describe('a cached check', () => {
  it('reports the same diagnostics as an uncached one, run after run and after an edit', async () => {
    const root = writeHandbook({
      'content/index.md': '---\ntitle: Home\nsubcategory: migrated\n---\n\n[Gone](/nowhere/)\n',
      'content/bad.md': '---\ntitle: Bad\nweight: two\n---\n',
      'content/ok.md': '---\ntitle: Fine\n---\n\n## Intro\n',
    });
    const check = (...flags: string[]) => runCli(['check', '--root', root, '--format', 'json', ...flags]);
    const cold = await check('--no-cache');
    expect(JSON.parse(cold.stdout).map((d: { code: string }) => d.code)).toEqual(['schema/invalid-type', 'page/unknown-key', 'link/broken-page']);
    expect([await check(), await check()]).toEqual([cold, cold]);
    expect(existsSync(join(root, '.cache/okr-handbook/front-matter.json'))).toBe(true);

    appendFileSync(join(root, 'content/ok.md'), '\n[Broken](#nope)\n');
    expect(await check()).toEqual(await check('--no-cache'));
  });
});
