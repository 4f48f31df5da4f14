/// <reference lib="dom" />
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/harness.js';
import { listFiles } from '../helpers/files.js';

/** A link of a built site that a static host would not serve, or whose fragment names no element. */
export interface UnresolvedLink {
  /** The output file the link appears on, relative to the output folder (`a/b/index.html`). */
  page: string;
  /** The element and attribute it was read from (`a[href]`, `img[src]`). */
  attribute: string;
  /** The attribute's value, as the browser reads it (entities decoded). */
  url: string;
  /** Why it does not resolve. */
  reason: string;
}

/** What one crawl saw: enough to tell a real pass from a crawl of nothing. */
export interface CrawlResult {
  /** HTML files read. */
  pages: number;
  /** Internal links resolved (external ones are not counted). */
  links: number;
  unresolved: UnresolvedLink[];
}

/** What the crawl needs of one HTML file. */
export interface ParsedPage {
  links: { attribute: string; url: string }[];
  /** Every `id`, and every `name` of an `<a>`: what a fragment can reach (HTML, "the indicated part of the document"). */
  anchors: string[];
  /** The first `<base href>`, if any. */
  base: string | null;
}

/**
 * Runs in the browser: Chromium's own HTML parser (DOMParser, the parser a
 * reader's browser uses, entities decoded, attributes as the DOM has them).
 * Self-contained, as page.evaluate sends its source.
 */
const extract = (htmls: string[]): ParsedPage[] =>
  htmls.map((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const links: { attribute: string; url: string }[] = [];
    for (const el of Array.from(doc.querySelectorAll('[href], [src]'))) {
      if (el.localName === 'base') continue;
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value !== null) links.push({ attribute: `${el.localName}[${attr}]`, url: value });
      }
    }
    const anchors = [...Array.from(doc.querySelectorAll('[id]')).map((el) => el.id), ...Array.from(doc.querySelectorAll('a[name]')).map((el) => el.getAttribute('name') ?? '')];
    return { links, anchors, base: doc.querySelector('base[href]')?.getAttribute('href') ?? null };
  });

/**
 * HTML parsing for the crawl, by headless Chromium (the browser tests' own,
 * test/setup/chromium.ts): no HTML parser is a declared dependency of this
 * package (parse5 and hast-util-from-html are not installed; htmlparser2 is
 * only Eleventy's, and test/cli/dependencies.test.ts holds the tests to
 * declared packages), and a browser's is the reference anyway. Launched on
 * first use; `close()` it in `afterAll`.
 */
export class ChromiumHtml {
  private started?: Promise<{ browser: Browser; page: Page }>;

  async parse(htmls: readonly string[]): Promise<ParsedPage[]> {
    this.started ??= launchChromium().then(async (browser) => ({ browser, page: await browser.newPage() }));
    const { page } = await this.started;
    return page.evaluate(extract, [...htmls]);
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    // A launch that failed has already failed its test; nothing is left to close.
    const launched = await started?.catch(() => undefined);
    await launched?.browser.close();
  }
}

/** The scheme+host the pages are pretended to be served from; any other origin is external. */
const ORIGIN = 'http://crawl.invalid';
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function decodePercent(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * Reads every `.html` file under `outDir`, collects each `href` and `src`, and
 * resolves the internal ones as a static host serving `outDir` at `/` (or at
 * `prefix`, such as `/handbook`, where a link outside it fails) would:
 * relative to the page's own URL (or its `<base href>`); `/a/b/` is
 * `a/b/index.html`; `/a/b` is served too when `a/b/index.html` exists (hosts
 * redirect it to `/a/b/`); `/x.css` is that file; the query is ignored. A
 * fragment must then name an element of the target page (`id`, or `name` of an
 * `<a>`), tried as written and percent-decoded, as browsers do; an empty
 * fragment and `#top` mean the top of the page. Fragments of non-HTML targets
 * (`report.pdf#page=2`) are not checked.
 *
 * Skipped: `http:`, `https:`, `mailto:`, `tel:` and protocol-relative URLs (any
 * URL that leaves the site's origin, which also covers absolute canonical
 * links), and `data:` URLs (self-contained). Any other scheme (`javascript:`,
 * `file:` …) is reported: a static site has nothing to serve for it.
 */
export async function crawl(outDir: string, html: ChromiumHtml, prefix = ''): Promise<CrawlResult> {
  const files = listFiles(outDir).filter((f) => f.endsWith('.html'));
  const pages = await html.parse(files.map((file) => readFileSync(join(outDir, file), 'utf8')));
  const parsed = new Map(files.map((file, i) => [file, pages[i]!]));
  const anchorsOf = new Map(files.map((file, i) => [file, new Set(pages[i]!.anchors)]));

  const unresolved: UnresolvedLink[] = [];
  let links = 0;
  for (const file of files) {
    const page = parsed.get(file)!;
    const pageUrl = new URL(`${prefix}/${file.split('/').map(encodeURIComponent).join('/')}`, ORIGIN);
    let base = pageUrl;
    if (page.base !== null) {
      try {
        base = new URL(page.base.trim(), pageUrl);
      } catch {
        unresolved.push({ page: file, attribute: 'base[href]', url: page.base, reason: 'not a valid URL' });
      }
    }
    for (const link of page.links) {
      const fail = (reason: string) => unresolved.push({ page: file, attribute: link.attribute, url: link.url, reason });
      let url: URL;
      try {
        url = new URL(link.url.trim(), base);
      } catch {
        fail('not a valid URL');
        continue;
      }
      if (url.protocol === 'data:') continue;
      if (url.origin !== ORIGIN) {
        if (EXTERNAL_SCHEMES.has(url.protocol)) continue;
        fail(`scheme \`${url.protocol}\` is not served by a static host`);
        continue;
      }
      links++;
      const path = decodePercent(url.pathname);
      if (path === undefined) {
        fail(`malformed percent-encoding in \`${url.pathname}\``);
        continue;
      }
      if (!path.startsWith(`${prefix}/`)) {
        fail(`outside the site's base path \`${prefix}/\``);
        continue;
      }
      const rel = path.slice(prefix.length + 1);
      let target: string | undefined;
      if (rel === '' || rel.endsWith('/')) {
        if (isFile(join(outDir, rel, 'index.html'))) target = `${rel}index.html`;
      } else if (isFile(join(outDir, rel))) target = rel;
      else if (isFile(join(outDir, rel, 'index.html'))) target = `${rel}/index.html`;
      if (target === undefined) {
        fail(`no file \`${rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel}\` in the output`);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment === '' || !target.endsWith('.html')) continue;
      const anchors = anchorsOf.get(target) ?? new Set<string>();
      const decoded = decodePercent(fragment);
      const found = anchors.has(fragment) || (decoded !== undefined && anchors.has(decoded)) || (decoded ?? fragment).toLowerCase() === 'top';
      if (!found) fail(`no element with id \`${decoded ?? fragment}\` in \`${target}\``);
    }
  }
  return { pages: files.length, links, unresolved };
}

/** One line per unresolved link, for an assertion message that reads on its own. */
export function describeUnresolved(list: readonly UnresolvedLink[]): string[] {
  return list.map((u) => `${u.page}: ${u.attribute}="${u.url}" — ${u.reason}`);
}
