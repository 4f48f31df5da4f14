import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);

/**
 * A KPI `definition` is Markdown (FRONTMATTER.md) and the build renders it as
 * HTML (src/view/records.ts `definitionHtml`), so its links reach the site.
 *
 * Regression (fixed): checkLinks only reads body links (the outline) and front-matter
 * values whose schema is `Link` (`frontMatterLinks`); `definition` is `Text`, so
 * a broken page link or a `javascript:` URL inside it is never reported, and
 * `check` passes with exit 0.
 */
describe('links inside a KPI definition', () => {
  it('are checked like body links', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'content'));
    writeFileSync(
      join(root, 'content/metrics.md'),
      [
        '---',
        'title: Metrics',
        'kpis:',
        '  - id: app',
        '    name: APP',
        '    definition: |',
        '      See [the method](/no-such-page) or [run it](javascript:alert(1)).',
        '    calculation: https://example.com/app.sql',
        '---',
        '',
      ].join('\n'),
    );
    const { code, diagnostics } = await checkJson(root, ['--today', '2022-04-01']);
    const found = (diagnostics as { code: string; path?: string; severity: string }[]).map(({ code, path, severity }) => ({ code, path, severity }));
    expect({ code, found }).toEqual({
      code: 1,
      found: [
        { code: 'link/broken-page', path: 'kpis[0].definition', severity: 'error' },
        { code: 'link/invalid-url', path: 'kpis[0].definition', severity: 'error' },
      ],
    });
  });
});
