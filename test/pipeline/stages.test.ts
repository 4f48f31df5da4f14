import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import { withGeneratedBlock } from '../../src/docs/generated-block.js';
import { pipelineDiagram } from '../../src/pipeline/diagram.js';
import { buildSite } from '../../src/pipeline/build.js';
import { CHECK_STAGES, checkHandbook, STAGES } from '../../src/pipeline/index.js';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

const names = STAGES.map((s) => s.name);

describe('the pipeline, declared once', () => {
  it('has one module per stage, src/pipeline/<stage>.ts, exporting the stage function', async () => {
    for (const name of names) {
      const module = (await import(`../../src/pipeline/${name}.ts`)) as Record<string, unknown>;
      expect(typeof module[name], name).toBe('function');
    }
  });

  it('no stage reaches into another stage: stage modules import each other for types only', () => {
    for (const name of names) {
      const source = readFileSync(join(REPO, `src/pipeline/${name}.ts`), 'utf8');
      const values = [...source.matchAll(/^import (?!type )[^;]*from '\.\/([a-z-]+)\.js';$/gm)].map((m) => m[1]).filter((m) => names.includes(m as never));
      expect(values, name).toEqual([]);
    }
  });

  it('check runs a prefix of the build: load, analyze, link; the build runs every stage in order', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(REPO, 'handbook.config.yaml'), join(root, 'handbook.config.yaml'));
    const paths = resolvePaths(root, {});
    const seen: { check: string[]; build: string[] } = { check: [], build: [] };
    const checked = await checkHandbook({ paths, today: '2026-06-15', cache: false, readValues: true, onStage: (s) => seen.check.push(s) });
    const built = await buildSite({ paths, today: '2026-06-15', cache: false, readValues: false, onStage: (s) => seen.build.push(s) }, { audience: 'public' });
    expect([checked.diagnostics.filter((d) => d.severity === 'error'), built.written]).toEqual([[], true]);
    expect(seen).toEqual({ check: CHECK_STAGES, build: names });
    expect(seen.build.slice(0, CHECK_STAGES.length)).toEqual(seen.check);
  });

  it('the README shows the stages as generated from that list (`npm run docs`)', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toBe(withGeneratedBlock(readme, 'pipeline', pipelineDiagram()));
    for (const name of names) expect(readme).toContain(`| \`${name}\` | \`src/pipeline/${name}.ts\` |`);
  });
});
