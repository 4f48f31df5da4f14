import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { copySample, removeTempDirs } from '../helpers/temp.js';
import { buildSite, indexedUrls, listFiles, searchIndexText } from './build-site.js';

const SITE = 'https://handbook.example.com';
/** Every page of the sample's public site, the generated indexes included; not the 404 page. */
// The quarters' archive pages are pages like any other: listed, searched.
const PUBLIC_PAGES = ['/', '/company/', '/company/strategic-goals/', '/data-team/', '/data-team/kpis/', '/kpis/', '/okrs/', '/okrs/2022-q3/', '/okrs/2023-q1/', '/transparency/'];

/** Values of the sample that only the internal audience may see (not published by any approval). */
const INTERNAL_VALUES = ['47290', '61380', '2473', 'Alarm: below the expected range'];
/** A word that only the draft page below contains. */
const DRAFT_WORD = 'quokkaplanning';

const read = (site: string, file: string) => readFileSync(join(site, file), 'utf8');
const wholeToken = (value: string) => new RegExp(`(?<![\\w.])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w]|\\.\\d)`);

let sample: { public: string; internal: string };
let withDraft: { public: string; internal: string };
let noUrl: string;

beforeAll(async () => {
  const draftRoot = copySample();
  writeFileSync(
    join(draftRoot, 'content/company/offsite-plans.md'),
    `---\ntitle: Offsite Plans\ndraft: true\ndescription: Not agreed yet.\n---\n\nThe ${DRAFT_WORD} offsite agenda is still being written.\n`,
  );
  const noUrlRoot = copySample();
  const config = readFileSync(join(noUrlRoot, 'handbook.config.yaml'), 'utf8');
  writeFileSync(join(noUrlRoot, 'handbook.config.yaml'), config.replace(/^ {2}url: .*\n/m, ''));
  const [samplePublic, sampleInternal, draftPublic, draftInternal, noUrlPublic] = await Promise.all([
    buildSite(REPO, 'public'),
    buildSite(REPO, 'internal'),
    buildSite(draftRoot, 'public'),
    buildSite(draftRoot, 'internal'),
    buildSite(noUrlRoot, 'public'),
  ]);
  sample = { public: samplePublic, internal: sampleInternal };
  withDraft = { public: draftPublic, internal: draftInternal };
  noUrl = noUrlPublic;
});

afterAll(removeTempDirs);

describe('sitemap.xml', () => {
  it('lists every public page at its canonical URL on site.url, in URL order', () => {
    const xml = read(sample.public, 'sitemap.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')).toBe(true);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(PUBLIC_PAGES.map((p) => SITE + p));
    for (const [, date] of xml.matchAll(/<lastmod>([^<]*)<\/lastmod>/g)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves drafts out of the public site and its sitemap', () => {
    const xml = read(withDraft.public, 'sitemap.xml');
    expect(xml).not.toContain('offsite-plans');
    expect(existsSync(join(withDraft.public, 'company/offsite-plans/index.html'))).toBe(false);
    expect(existsSync(join(withDraft.internal, 'company/offsite-plans/index.html'))).toBe(true);
  });

  it('is not written for the internal audience', () => {
    expect(existsSync(join(sample.internal, 'sitemap.xml'))).toBe(false);
  });

  it('is not written without site.url, and pages then have no canonical link', () => {
    expect(existsSync(join(noUrl, 'sitemap.xml'))).toBe(false);
    expect(read(noUrl, 'index.html')).not.toContain('rel="canonical"');
    expect(read(sample.public, 'company/index.html')).toContain(`<link rel="canonical" href="${SITE}/company/">`);
  });
});

describe('robots.txt', () => {
  it('lets crawlers in and points at the sitemap on a public site', () => {
    expect(read(sample.public, 'robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('names no sitemap when there is none', () => {
    expect(read(noUrl, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });

  it('keeps every crawler out of an internal site', () => {
    expect(read(sample.internal, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n');
  });
});

describe('404.html', () => {
  it('is a page with the site chrome, kept out of search engines', () => {
    for (const site of [sample.public, sample.internal]) {
      const html = read(site, '404.html');
      expect(html).toContain('<h1>Page not found</h1>');
      expect(html).toContain('<nav class="sidebar" aria-label="Handbook">');
      expect(html).toContain('<a href="/data-team/">Data Team</a>');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).not.toContain('rel="canonical"');
    }
  });
});

describe('assets', () => {
  it('ships the stylesheet, the search script and an SVG favicon, and links nothing from another origin', () => {
    const files = listFiles(sample.public);
    expect(files).toEqual(expect.arrayContaining(['assets/site.css', 'assets/search.js', 'assets/favicon.svg']));
    expect(read(sample.public, 'assets/favicon.svg')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = read(sample.public, file);
      // Every stylesheet, script, icon and image is a path on this site; a canonical link loads nothing.
      for (const [tag] of html.matchAll(/<(?:link|script|img)\b[^>]*>/g)) {
        if (tag.includes('rel="canonical"')) continue;
        const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
        expect(url, `${file}: ${tag}`).toMatch(/^\/(?!\/)/);
      }
    }
  });
});

describe('search index', () => {
  it('holds exactly the listed pages of the audience: not the 404 page, not drafts in the public build', () => {
    expect(indexedUrls(sample.public)).toEqual([...PUBLIC_PAGES].sort());
    expect(indexedUrls(withDraft.public)).toEqual([...PUBLIC_PAGES].sort());
    expect(indexedUrls(withDraft.internal)).toEqual([...PUBLIC_PAGES, '/company/offsite-plans/'].sort());
    const entry = JSON.parse(read(withDraft.public, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(PUBLIC_PAGES.length);
  });

  it('has no word of a draft in the public index', () => {
    const publicText = [...searchIndexText(withDraft.public).values()].join('\n');
    const internalText = [...searchIndexText(withDraft.internal).values()].join('\n');
    expect(internalText.includes(DRAFT_WORD)).toBe(true);
    expect(publicText.includes(DRAFT_WORD)).toBe(false);
  });

  it('has no internal value in any file of the public index, while the internal index has them all', () => {
    const publicFiles = searchIndexText(sample.public);
    const internalText = [...searchIndexText(sample.internal).values()].join('\n');
    for (const value of INTERNAL_VALUES) {
      expect(wholeToken(value).test(internalText), `the internal index has ${value}`).toBe(true);
      for (const [file, text] of publicFiles) expect(wholeToken(value).test(text), `public pagefind/${file} has ${value}`).toBe(false);
    }
  });

  it('is written by Pagefind with its search scripts self-hosted under /pagefind/, without its UI bundles', () => {
    const files = listFiles(join(sample.public, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind']));
    expect(files.some((f) => f.startsWith('fragment/'))).toBe(true);
    expect(files.some((f) => f.startsWith('index/'))).toBe(true);
    // The site has its own search box; Pagefind's ready-made UIs would be dead weight.
    expect(files.filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
  });
});
