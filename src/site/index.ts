import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageView } from '../view/page.js';

/** What the site-wide files need to know about one build. */
export interface SiteFilesInput {
  audience: 'public' | 'internal';
  siteUrl: string;
  siteTitle: string;
  pages: readonly PageView[];
  layoutsDir: string;
}

/**
 * Writes what a site needs besides its pages into the staging folder: the
 * layouts' assets (CSS, JS, favicon) under /assets/.
 */
export async function writeSiteFiles(staging: string, input: SiteFilesInput): Promise<void> {
  await cp(join(input.layoutsDir, 'assets'), join(staging, 'assets'), { recursive: true });
}
