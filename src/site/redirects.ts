import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { outputPathForUrl, withBase } from '../pages/url.js';
import { escapeHtml } from '../html/escape.js';

/** An old URL of a page (`redirect_from`) and where the page is now; site paths. */
export interface Redirect {
  from: string;
  to: string;
  /** The page's title, for the link a reader sees. */
  title: string;
}

/** What the redirects of one build need to know of its site. */
export interface RedirectSite {
  /** The site's path on its host (`/handbook`), `''` at the root. */
  base: string;
  /** The site's absolute URL, when it has one: the redirect pages' canonical links. */
  url: string;
  title: string;
}

/**
 * Writes what keeps old URLs working on any static host: a redirect page at
 * each old URL that is a page's (one ending in `/` or `.html`), and
 * `_redirects` at the site root, in the Netlify and Cloudflare Pages format,
 * after the lines of a `_redirects` of static/ (copied already; the host
 * applies the first rule that matches).
 */
export async function writeRedirects(staging: string, redirects: readonly Redirect[], site: RedirectSite): Promise<void> {
  for (const redirect of redirects) {
    if (!(redirect.from.endsWith('/') || redirect.from.endsWith('.html'))) continue;
    const file = join(staging, outputPathForUrl(redirect.from));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, redirectPage(redirect, site), { flag: 'wx' });
  }
  if (redirects.length === 0) return;
  const own = await readFile(join(staging, '_redirects'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  await writeFile(join(staging, '_redirects'), `${own}${own === '' || own.endsWith('\n') ? '' : '\n'}${redirectsFile(redirects, site.base)}`);
}

/** The `_redirects` lines: one permanent redirect per old URL, both under the base path. */
export function redirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = [...redirects].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)).map((r) => `${withBase(base, r.from)} ${withBase(base, r.to)} 301`);
  return `# Pages that moved (redirect_from), written by okr-handbook\n${lines.join('\n')}\n`;
}

/**
 * A page that sends the reader on at once: a meta refresh (no script needed),
 * a script that keeps the address's `#fragment` (the refresh drops it), a
 * canonical link so search engines move their entry, `noindex`, and a link
 * to follow by hand.
 */
export function redirectPage(redirect: Redirect, site: RedirectSite): string {
  const to = withBase(site.base, redirect.to);
  const canonical = site.url ? site.url.replace(/\/+$/, '') + encodeURI(redirect.to) : to;
  const title = escapeHtml(redirect.title);
  // In a script, `</` could end the element early.
  const script = JSON.stringify(to).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} has moved · ${escapeHtml(site.title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(to)}">
<script>location.replace(${script} + location.hash)</script>
</head>
<body>
<p>This page has moved to <a href="${escapeHtml(to)}">${title}</a>.</p>
</body>
</html>
`;
}
