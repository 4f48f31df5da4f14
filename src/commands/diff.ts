import type { Audience } from '../../schemas/visibility.js';
import { loadConfig } from '../config/load.js';
import type { ProjectPaths } from '../config/paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareRecords } from '../diff/compare.js';
import type { DiffReport } from '../diff/format.js';
import { reviewRecords } from '../diff/records.js';
import { readContentAt } from '../load/git-tree.js';
import { loadPages } from '../load/page.js';
import { readContent } from '../load/read.js';
import { rootRelative } from '../pipeline/context.js';

/** What `handbook diff` found: a report, a config that failed (exit 2, its diagnostics), or a revision git cannot read (exit 2). */
export type DiffResult = { report: DiffReport } | { configFailed: true; diagnostics: Diagnostic[]; sources: Map<string, string> } | { problem: string };

/**
 * `handbook diff --base REF`: the OKRs, key results and KPIs that changed
 * between commit REF and the working tree, field by field, for one audience.
 * Both sides are read by the same loader and projected by the same schemas
 * (with the working tree's config and `today`), so the public report holds
 * public fields only. A file whose front matter fails on either side is left
 * out of both and named: its records would otherwise look added or removed.
 */
export async function diff(ctx: { paths: ProjectPaths; today: string; base: string; audience: Audience }): Promise<DiffResult> {
  const { paths } = ctx;
  const loaded = await loadConfig(paths.configPath, rootRelative(paths, paths.configPath));
  if (!loaded.config) return { configFailed: true, diagnostics: loaded.diagnostics, sources: loaded.texts };
  const config = loaded.config;
  const baseFiles = await readContentAt(paths.root, paths.contentDir, ctx.base);
  if ('problem' in baseFiles) return baseFiles;
  const sides = {
    base: loadPages(baseFiles, config.pages.extra_keys),
    'working tree': loadPages(await readContent(paths.root, paths.contentDir), config.pages.extra_keys),
  };
  const failed = (side: keyof typeof sides) => new Set(sides[side].diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const unreadable = (['base', 'working tree'] as const).flatMap((side) => [...failed(side)].map((file) => ({ side, file })));
  const skip = new Set(unreadable.map((u) => u.file));
  const context = { audience: ctx.audience, config, today: ctx.today };
  const records = (side: keyof typeof sides) => reviewRecords(sides[side].pages.filter((p) => !skip.has(p.file)), context);
  const changes = compareRecords(records('base'), records('working tree'));
  return { report: { base: ctx.base, audience: ctx.audience, today: ctx.today, changes, unreadable } };
}
