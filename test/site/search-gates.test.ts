import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputReuse } from '../../src/output/reuse.js';
import { writeSearchIndex } from '../../src/site/search.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';
import { indexedUrls } from './build-site.js';

afterAll(removeTempDirs);

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>About ${title.toLowerCase()}.</p></main></body></html>`;

describe('the search index, while Eleventy is still writing pages', () => {
  it('indexes a shard only once its pages are written', async () => {
    const staging = join(tempDir(), 'staging');
    mkdirSync(staging);
    const pages = ['/alpha/', '/beta/'].map((url) => ({ url, outputPath: `${url.slice(1)}index.html`, key: url, shard: 0 }));
    const gates = new Map<string, () => void>();
    const written = (outputPath: string) => new Promise<void>((resolve) => gates.set(outputPath, resolve));
    const indexing = writeSearchIndex(staging, pages, 1, await OutputReuse.open(tempDir(), 'public', join(staging, '..', 'dist'), false), { written });

    // Nothing can be read before Eleventy writes it: a shard indexed early would fail on the missing file.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(join(staging, 'pagefind'))).toBe(false);
    for (const { outputPath, url } of pages) {
      mkdirSync(dirname(join(staging, outputPath)), { recursive: true });
      writeFileSync(join(staging, outputPath), page(url.slice(1, -1)));
      gates.get(outputPath)?.();
    }
    await indexing;
    expect(indexedUrls(staging).sort()).toEqual(['/alpha/', '/beta/']);
  }, 60_000);
});
