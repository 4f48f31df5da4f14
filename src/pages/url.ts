import { posix } from 'node:path';

/**
 * The URL of a page from its path inside the content folder:
 * `company/goals.md` → `/company/goals/`, `company/index.md` → `/company/`.
 */
export function urlForContentPath(contentPath: string): string {
  const noExt = contentPath.replace(/\.md$/i, '');
  const dir = posix.basename(noExt) === 'index' ? posix.dirname(noExt) : noExt;
  return dir === '.' ? '/' : `/${dir}/`;
}

/**
 * A permalink in its canonical form: `/x/brand` and `/x/brand/index.html` mean
 * `/x/brand/`; another file name with an extension stays as it is.
 */
export function normalisePermalink(permalink: string): string {
  if (permalink.endsWith('/')) return permalink;
  if (permalink.endsWith('/index.html')) return permalink.slice(0, -'index.html'.length);
  return /\.[A-Za-z0-9]+$/.test(posix.basename(permalink)) ? permalink : `${permalink}/`;
}

/**
 * The canonical page URL a site-relative path refers to, so that `/a/b`, `/a/b/`
 * and `/a/b/index.html` all name the same page. Query and fragment must be removed first.
 */
export function canonicalUrl(path: string): string {
  let p = posix.normalize(path.replace(/\/index\.html$/, '/'));
  if (p.endsWith('.md')) p = urlForContentPath(p.slice(1));
  return p === '/' || p.endsWith('/') || /\.[A-Za-z0-9]+$/.test(posix.basename(p)) ? p : `${p}/`;
}

/** The file an output URL is written to, relative to the output folder. */
export function outputPathForUrl(url: string): string {
  const rel = url.replace(/^\//, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/**
 * The path a site is served under, from its URL, without a trailing slash:
 * `https://example.github.io/handbook/` → `/handbook`; `''` at a host's root.
 */
export function basePath(siteUrl: string | undefined): string {
  return siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
}

/**
 * The one function every URL the site writes goes through: a site path as the
 * site serves it, under its base path (`/company/` → `/handbook/company/`).
 * Anything else (`https:`, `mailto:`, `//host`, `#x`, `?q`) is left as it is.
 */
export function withBase(base: string, url: string): string {
  return base !== '' && url.startsWith('/') && !url.startsWith('//') ? base + url : url;
}

/**
 * Where one build's site lives: `site.url`, or `--base-url` over it for one
 * build (a preview). An override that is only a path (`/mr-12/`) keeps the
 * configured origin. `url` is absolute, or absent when neither gives an origin.
 */
export function siteLocation(configured: string | undefined, override: string | undefined): { url?: string; base: string } {
  if (override === undefined) return { ...(configured ? { url: configured } : {}), base: basePath(configured) };
  if (override.startsWith('/')) {
    const base = override.replace(/\/+$/, '');
    return { ...(configured ? { url: new URL(`${base}/`, configured).href } : {}), base };
  }
  return { url: override, base: basePath(override) };
}
