import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { build, listFiles } from './helpers.js';

afterAll(removeTempDirs);

/**
 * test/fixtures/link/link-to-redirect (pages that moved, links to their old
 * URLs), plus a draft that moved and a `_redirects` of the handbook's own in
 * static/, built for a project site under /handbook/.
 */
function handbook(): string {
  const root = tempDir();
  cpSync(join(REPO, 'test/fixtures/link/link-to-redirect'), root, { recursive: true });
  writeFileSync(join(root, 'content/plan.md'), '---\ntitle: Plan\ndraft: true\nredirect_from: [/old-plan]\n---\n\nSoon.\n');
  mkdirSync(join(root, 'static'));
  writeFileSync(join(root, 'static/_redirects'), '/handbook/legacy/* /handbook/strategy/:splat 301');
  writeFileSync(join(root, 'handbook.config.yaml'), 'site:\n  title: Moves & Co\n  url: https://example.github.io/handbook/\n');
  return root;
}

const page = (title: string, to: string, canonical: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} has moved · Moves &amp; Co</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
<meta http-equiv="refresh" content="0; url=${to}">
<script>location.replace("${to}" + location.hash)</script>
</head>
<body>
<p>This page has moved to <a href="${to}">${title}</a>.</p>
</body>
</html>
`;

describe('a page that moved (redirect_from)', () => {
  const root = handbook();
  const built = Promise.all([build(root, '--out', join(root, 'public'), '--no-cache'), build(root, '--out', join(root, 'internal'), '--audience', 'internal', '--no-cache')]);

  it('gets a redirect page at each old URL, under the base path', async () => {
    const [pub] = await built;
    expect(pub.code, pub.stdout + pub.stderr).toBe(0);
    const out = join(root, 'public');
    expect(readFileSync(join(out, 'company/goals/index.html'), 'utf8')).toBe(page('Goals', '/handbook/strategy/goals/', 'https://example.github.io/handbook/strategy/goals/'));
    expect(readFileSync(join(out, 'goals.html'), 'utf8')).toBe(page('Goals', '/handbook/strategy/goals/', 'https://example.github.io/handbook/strategy/goals/'));
    expect(readFileSync(join(out, 'metrics/index.html'), 'utf8')).toBe(page('Metrics', '/handbook/data/metrics/', 'https://example.github.io/handbook/data/metrics/'));
    // A redirect page is no page of the site: not in the sitemap, not searched.
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).not.toContain('company/goals');
    expect(listFiles(join(out, 'pagefind')).length).toBeGreaterThan(0);
    // The three content pages and the generated OKR, KPI and transparency pages.
    expect(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"page_count":6');
  });

  it('is listed in _redirects, after the lines the handbook wrote itself; a draft\'s only in the internal site', async () => {
    await built;
    expect(readFileSync(join(root, 'public/_redirects'), 'utf8')).toBe(
      '/handbook/legacy/* /handbook/strategy/:splat 301\n' +
        '# Pages that moved (redirect_from), written by okr-handbook\n' +
        '/handbook/company/goals/ /handbook/strategy/goals/ 301\n' +
        '/handbook/goals.html /handbook/strategy/goals/ 301\n' +
        '/handbook/metrics/ /handbook/data/metrics/ 301\n',
    );
    expect(readFileSync(join(root, 'internal/_redirects'), 'utf8')).toContain('/handbook/metrics/ /handbook/data/metrics/ 301\n/handbook/old-plan/ /handbook/plan/ 301\n');
    expect(existsSync(join(root, 'public/old-plan/index.html'))).toBe(false);
    expect(existsSync(join(root, 'internal/old-plan/index.html'))).toBe(true);
  });

  it('is linked at its new URL wherever a link names an old one', async () => {
    await built;
    const home = readFileSync(join(root, 'public/index.html'), 'utf8');
    for (const href of ['/handbook/strategy/goals/', '/handbook/strategy/goals/#why', '/handbook/strategy/goals/#how']) expect(home).toContain(`href="${href}"`);
    const metrics = readFileSync(join(root, 'public/data/metrics/index.html'), 'utf8');
    expect(metrics).toContain('<a href="/handbook/strategy/goals/#how">Calculation logic</a>');
    expect(metrics).toContain('<a href="/handbook/strategy/goals/">the goals</a>');
  });
});
