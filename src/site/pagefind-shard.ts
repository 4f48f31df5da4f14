import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { PAGEFIND_RUNTIME } from './search-runtime.js';

/** One shard of the search index to make: the folder of its pages, and where its bundle goes. */
export interface ShardTask {
  source: string;
  target: string;
  /** The primary bundle carries Pagefind's runtime; the others are merged into it by the browser. */
  primary: boolean;
}

/** The bundle's files written (relative to `target`), or the errors Pagefind reported. */
export type ShardResult = { files: string[] } | { errors: string[] };

/** Heading anchors ("#") and decorations hidden from screen readers are not words of the page. */
export const PAGEFIND_OPTIONS = { excludeSelectors: ['.heading-anchor', '[aria-hidden="true"]'] };
/** Pagefind's ready-made search UIs: the site has its own small search box (layouts/assets/search.js). */
const UNUSED_SEARCH_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Indexes one shard with a Pagefind process of its own, closed when done so its
 * memory goes with it. The default export: shards run in worker threads, each
 * thread with its own Pagefind process, so two shards are indexed at once.
 */
export default async function indexShard(task: ShardTask): Promise<ShardResult> {
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!index) return { errors };
    const added = await index.addDirectory({ path: task.source });
    if (added.errors.length > 0) return { errors: added.errors };
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) return { errors: bundle.errors };
    const files: string[] = [];
    for (const file of bundle.files) {
      if (UNUSED_SEARCH_FILES.test(file.path) || (!task.primary && PAGEFIND_RUNTIME.test(file.path))) continue;
      const target = join(task.target, file.path);
      await mkdir(dirname(target), { recursive: true });
      // Never over an existing file: it could be a link into the previous output.
      await writeFile(target, file.content, { flag: 'wx' });
      files.push(file.path);
    }
    return { files };
  } finally {
    await pagefind.close();
  }
}
