import { readFile } from 'node:fs/promises';
import { posix, relative, sep } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { ProjectPaths } from '../config/paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { git } from '../load/git.js';
import { loadPages } from '../load/page.js';
import { readContent } from '../load/read.js';
import { peopleById } from '../okrs/owners.js';
import { rootRelative } from '../pipeline/context.js';

/** What `handbook codeowners` made: the file's text and, with `--check`, whether the file there differs; or a config that failed. */
export type CodeownersResult = { text: string; stale?: boolean } | { configFailed: true; diagnostics: Diagnostic[]; sources: Map<string, string> };

const HEADER = [
  '# Written by `handbook codeowners` from the `owner:` of each handbook page (the owner',
  '# of a folder\'s index.md owns the folder). Change the owners and run it again; do not edit.',
];

/**
 * A CODEOWNERS file (GitHub and GitLab read the same format) from the owners
 * of the pages: a section's index.md gives its whole folder, any other page
 * its own file, each to its owner's @handle. Folders come before the files in
 * them (the last matching line wins), paths are from the repository's root.
 * An owner without a handle, an unknown owner and a page that does not
 * validate are named in comments instead of being left out silently.
 */
export async function codeowners(ctx: { paths: ProjectPaths; check?: string }): Promise<CodeownersResult> {
  const { paths } = ctx;
  const loaded = await loadConfig(paths.configPath, rootRelative(paths, paths.configPath));
  if (!loaded.config) return { configFailed: true, diagnostics: loaded.diagnostics, sources: loaded.texts };
  const people = peopleById(loaded.config.people);
  const { pages, diagnostics } = loadPages(await readContent(paths.root, paths.contentDir), loaded.config.pages.extra_keys);
  const prefix = await repositoryPrefix(paths.root);
  const content = relative(paths.root, paths.contentDir).split(sep).join('/');
  const rules: { pattern: string; line: string }[] = [];
  for (const page of pages) {
    const id = page.data.owner;
    if (id === undefined) continue;
    const folder = posix.basename(page.contentPath).toLowerCase() === 'index.md';
    const full = posix.join(prefix, content, folder ? posix.dirname(page.contentPath) : page.contentPath);
    const pattern = full === '.' ? '/' : `/${full}${folder ? '/' : ''}`;
    const person = people.get(id);
    const line = !person ? `# ${pattern}: owner \`${id}\` is not a person in \`people\`` : person.handle === undefined ? `# ${pattern}: ${person.name} has no handle` : `${escapePattern(pattern)} @${person.handle}`;
    rules.push({ pattern, line });
  }
  rules.sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
  const failed = [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].map((file) => `# /${posix.join(prefix, file)}: its front matter does not validate (\`handbook check\` says why)`);
  const text = `${[...HEADER, ...rules.map((r) => r.line), ...failed].join('\n')}\n`;
  if (ctx.check === undefined) return { text };
  const existing = await readFile(ctx.check, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  return { text, stale: existing !== text };
}

/** Where the root is inside its git repository (`docs/handbook/`), or nothing outside one: CODEOWNERS paths start at the repository's root. */
async function repositoryPrefix(root: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  } catch {
    return '';
  }
}

/** Spaces are escaped in CODEOWNERS patterns, and a leading `#` would start a comment. */
function escapePattern(pattern: string): string {
  return pattern.replace(/([ \\#])/g, '\\$1');
}
