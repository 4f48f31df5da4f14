import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { OKR_LABEL_PREFIX } from '../../schemas/okr.js';
import type { ProjectPaths } from '../config/paths.js';
import type { Handbook } from '../link/index.js';
import { urlForContentPath } from '../pages/url.js';
import { checkHandbook } from '../pipeline/index.js';
import { rootRelative } from '../pipeline/context.js';
import { slugOf, titleOf } from '../scaffold/names.js';
import { type NewKind, skeleton } from '../scaffold/new.js';

/** What `handbook new` is asked for. */
export interface NewOptions {
  kind: NewKind;
  /** The file as given: inside the content folder (from the working directory), or relative to it. */
  path: string;
  title?: string;
  /** YYYY-MM-DD. */
  today: string;
}

/** What `handbook new` did: the file it wrote, or why it wrote nothing (a usage error). */
export type NewResult = { file: string; url: string } | { problem: string };

/**
 * `handbook new page|okr|kpi PATH`: writes a skeleton that passes `check`. The
 * handbook is read first (through the check's stages and their cache), so the
 * new page's URL and its OKR's or KPI's id and label are not taken already.
 */
export async function newPage(cwd: string, paths: ProjectPaths, options: NewOptions): Promise<NewResult> {
  const target = targetFile(cwd, paths.contentDir, options.path);
  if ('problem' in target) return target;
  const { file } = target;
  const shown = rootRelative(paths, file);
  if (existsSync(file)) return { problem: `${shown} already exists; choose another PATH` };
  const contentPath = relative(paths.contentDir, file).split(sep).join('/');
  const url = urlForContentPath(contentPath);
  const name = basename(file, '.md') === 'index' ? basename(dirname(file)) : basename(file, '.md');
  const title = options.title ?? titleOf(name);
  if (title === '') return { problem: `no title can be made from ${shown}; give one with --title` };
  const id = slugOf(title) || slugOf(name) || options.kind;

  const checked = existsSync(paths.contentDir) ? await checkHandbook({ paths, today: options.today, cache: true, readValues: false }) : undefined;
  const taken = checked?.handbook && takenBy(checked.handbook, { url, id, label: OKR_LABEL_PREFIX + title, kind: options.kind });
  if (taken) return { problem: `${taken}; choose another ${taken.startsWith('the URL') ? 'PATH' : '--title'}` };

  const kpiIds = [...(checked?.handbook?.kpis.keys() ?? [])];
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, skeleton({ kind: options.kind, title, url, id, today: options.today, kpiIds }), { flag: 'wx' });
  return { file: shown, url };
}

/** The Markdown file PATH names: inside the content folder as given from `cwd`, else relative to the content folder. */
function targetFile(cwd: string, contentDir: string, path: string): { file: string } | { problem: string } {
  const index = path.endsWith('/') || path.endsWith(sep);
  const inside = (p: string) => p.startsWith(contentDir + sep);
  const fromCwd = resolve(cwd, path);
  let file = inside(fromCwd) || isAbsolute(path) ? fromCwd : resolve(contentDir, path);
  if (index) file = resolve(file, 'index.md');
  else if (!/\.md$/i.test(file)) file += '.md';
  if (!inside(file)) return { problem: `${path} is outside the content folder ${contentDir}` };
  if (relative(contentDir, file).split(sep).some((segment) => segment.startsWith('.'))) return { problem: `${path} is hidden (a name starting with a dot): check and build skip it` };
  return { file };
}

/** What already holds the new page's URL, or its record's id or label, if anything does. */
function takenBy(handbook: Handbook, wanted: { url: string; id: string; label: string; kind: NewKind }): string | undefined {
  const { index } = handbook;
  const page = index.byUrl.get(wanted.url);
  if (page) return `the URL ${wanted.url} is ${page.file}'s`;
  if (index.generated.has(wanted.url) || index.unvalidatedUrls.has(wanted.url)) return `the URL ${wanted.url} is taken`;
  for (const p of handbook.pages) {
    if (wanted.kind === 'okr') {
      const okr = (p.data.okrs ?? []).find((o) => o.id === wanted.id || o.label === wanted.label);
      if (okr) return okr.id === wanted.id ? `${p.file} defines an OKR with the id \`${wanted.id}\`` : `${p.file} defines an OKR labelled \`${wanted.label}\``;
    }
    if (wanted.kind === 'kpi' && (p.data.kpis ?? []).some((k) => k.id === wanted.id)) return `${p.file} defines a KPI with the id \`${wanted.id}\``;
  }
  return undefined;
}
