import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { listFiles, readTexts } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';

/** The sample's OKRs are current on this day, whatever day the tests run. */
export const TODAY = '2022-05-20';

/** Builds a handbook root with the real CLI into a fresh temp folder and returns that folder. */
export async function buildSite(root: string, audience: 'public' | 'internal', extraArgs: readonly string[] = []): Promise<string> {
  const out = join(tempDir(), 'site');
  const result = await runCli(['build', '--root', root, '--audience', audience, '--out', out, '--today', TODAY, ...extraArgs]);
  if (result.code !== 0) throw new Error(`handbook build --audience ${audience} failed with ${result.code}:\n${result.stdout}${result.stderr}`);
  return out;
}

export { listFiles };

/** Pagefind's files of a built site as text, gzipped ones decompressed, by path. */
export function searchIndexText(site: string): Map<string, string> {
  return readTexts(join(site, 'pagefind'));
}

/** The pages in a Pagefind index: one fragment per page, each naming its URL. */
export function indexedUrls(site: string): string[] {
  const urls: string[] = [];
  for (const [rel, text] of searchIndexText(site)) {
    if (!rel.startsWith('fragment/')) continue;
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    urls.push(fragment.url);
  }
  return urls.sort();
}
