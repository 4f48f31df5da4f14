import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EleventyBuild, type EleventyPage, HANDBOOK_OPTIONS, handbookPlugin, OutputPathError } from '../../src/eleventy/plugin.js';
import { listFiles, readTexts } from './helpers.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';

// .eleventy.js imports the compiled plugin from lib/ (`npm test` compiles first).
import { EleventyRunError, runEleventy as runInFolder, type RunOptions } from '../../src/eleventy/run.js';

afterAll(removeTempDirs);

/** `runEleventy` with a work folder of its own, outside the folders a test looks at. */
const runEleventy = <P extends EleventyPage>(build: EleventyBuild<P>, layoutsDir: string, outDir: string, options: Partial<RunOptions<P>> = {}) => runInFolder(build, layoutsDir, outDir, { workDir: join(tempDir(), 'layout'), ...options });

const LAYOUTS = {
  'layouts/_base.njk': '<title>{{ hb.title }} · {{ site.title }}</title>\n<main>{{ content | safe }}</main>\n',
  'layouts/page.njk': '---\nlayout: _base.njk\n---\n<h1>{{ hb.title }}</h1>\n{{ hb.html | safe }}',
};

/** A page of these tests: what Eleventy needs, and what the tiny layout prints. */
type TinyPage = EleventyPage & Record<string, unknown>;

function tinyBuild(): EleventyBuild<TinyPage> {
  return {
    site: { title: 'Tiny & Co' },
    base: '',
    pages: [
      { layout: 'page', outputPath: 'index.html', title: 'Home <b>', html: '<p>Hello {{ site.title }}</p>' },
      { layout: 'page', outputPath: 'team/goals/index.html', title: 'Goals', html: '<p>Goals</p>' },
    ],
  };
}

describe('runEleventy, in memory, with a tiny build and a temp layouts folder', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = writeHandbook(LAYOUTS);
    out = join(root, 'out');
    await runEleventy(tinyBuild(), join(root, 'layouts'), out);
  });

  it('writes exactly one file per page, at its outputPath', () => {
    expect(listFiles(out)).toEqual(['index.html', 'team/goals/index.html']);
  });

  it('applies the layout chain with autoescape; page HTML is data, never templated', () => {
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<title>Home &lt;b&gt; · Tiny &amp; Co</title>\n<main><h1>Home &lt;b&gt;</h1>\n<p>Hello {{ site.title }}</p></main>\n');
    expect(readFileSync(join(out, 'team/goals/index.html'), 'utf8')).toBe('<title>Goals · Tiny &amp; Co</title>\n<main><h1>Goals</h1>\n<p>Goals</p></main>\n');
  });

  it('removes its temporary input folder and writes nothing beside the output folder', () => {
    expect(readdirSync(root).sort()).toEqual(['layouts', 'out']);
  });

  it('an outputPath with .. stays inside the output folder', async () => {
    const dir = tempDir();
    const escaped = join(dir, 'out');
    await runEleventy({ site: { title: 'T' }, base: '', pages: [{ layout: 'page', outputPath: '../../escaped.html', title: 'E', html: '' }] }, join(root, 'layouts'), escaped);
    expect([readdirSync(dir), listFiles(escaped)]).toEqual([['out'], ['escaped.html']]);
  });
});

describe('Nunjucks loads templates from the layouts folder only', () => {
  // The working directory (this repository) holds package.json; a layout must not read it.
  for (const [include, shown] of [['package.json', 'package.json'], ['../../../../etc/hostname', '/etc/hostname'], ['/etc/hostname', '/etc/hostname']] as const) {
    it(`an include of ${include} fails the run`, async () => {
      const root = writeHandbook({ ...LAYOUTS, 'layouts/page.njk': `---\nlayout: _base.njk\n---\n{% include "${include}" %}` });
      const run = runEleventy(tinyBuild(), join(root, 'layouts'), join(root, 'out'));
      await expect(run).rejects.toThrow(EleventyRunError);
      await expect(run).rejects.toThrow(`(${join(root, 'layouts/page.njk')})\n  Error: template not found: ${shown}`);
      expect(existsSync(join(root, 'out')) ? listFiles(join(root, 'out')) : []).toEqual([]);
    });
  }
});

describe('runEleventy in batches', () => {
  // Big sites go through Eleventy a batch at a time; every page must still be written, the same way.
  it('writes the same files whatever the batch size', async () => {
    const root = writeHandbook(LAYOUTS);
    await runEleventy(tinyBuild(), join(root, 'layouts'), join(root, 'whole'));
    await runEleventy(tinyBuild(), join(root, 'layouts'), join(root, 'batched'), { batch: 1 });
    expect(readTexts(join(root, 'batched'))).toEqual(readTexts(join(root, 'whole')));
    expect(listFiles(join(root, 'batched'))).toEqual(['index.html', 'team/goals/index.html']);
  });
});

describe('runEleventy imported from the TypeScript sources', () => {
  // run.ts finds .eleventy.js from the package root, so it runs from the TypeScript sources too.
  it('runs', async () => {
    const root = writeHandbook(LAYOUTS);
    await runEleventy(tinyBuild(), join(root, 'layouts'), join(root, 'out'));
    expect(listFiles(join(root, 'out'))).toEqual(['index.html', 'team/goals/index.html']);
  });
});

describe('the output-path guard of the plugin', () => {
  // Eleventy already keeps `..` inside its output; this second check fails a write that would not be.
  it('refuses a page written outside the output folder, and passes one inside', () => {
    const transforms: ((this: { page: { outputPath: string | false } }, content: string) => string)[] = [];
    const config = {
      [HANDBOOK_OPTIONS]: { build: tinyBuild(), outDir: '/srv/site', layoutsDir: '/srv/layouts' },
      setDynamicPermalinks() {},
      setTemplateFormats() {},
      setUseGitIgnore() {},
      addGlobalData() {},
      addTemplate() {},
      setNunjucksEnvironmentOptions() {},
      amendLibrary() {},
      addTransform: (_name: string, fn: (typeof transforms)[number]) => void transforms.push(fn),
    };
    handbookPlugin(config);
    const [guard] = transforms;
    expect(guard!.call({ page: { outputPath: '/srv/site/a/index.html' } }, 'ok')).toBe('ok');
    expect(() => guard!.call({ page: { outputPath: '/srv/elsewhere/a.html' } }, 'x')).toThrow(OutputPathError);
  });
});
