import { ConfigSchema } from '../../schemas/config.js';
import { ExportFilesSchema } from '../../schemas/exports.js';
import { LayoutDataSchema } from '../../schemas/layout-data.js';
import { PageSchema } from '../../schemas/page.js';
import { commandHelp, COMMANDS, type CommandName } from '../cli/args.js';
import { PACKAGE } from '../package-root.js';
import { CI_FILES } from '../scaffold/ci.js';
import { initFiles } from '../scaffold/init.js';
import { schemaReference } from './reference.js';

/** A generated part of a file of docs/: `npm run docs` writes it, a test checks it. */
export interface DocBlock {
  file: string;
  /** The block's name in `<!-- NAME:start … -->` … `<!-- NAME:end -->`. */
  name: string;
  make(): string;
}

const fence = (language: string, text: string) => `\`\`\`${language}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\``;

/**
 * Every generated block of docs/: the references from the schemas (front
 * matter, config, exports, layout data), the commands from their help, the CI recipes
 * and the commented config from what `handbook init` writes.
 */
export const DOC_BLOCKS: readonly DocBlock[] = [
  { file: 'docs/front-matter.md', name: 'reference', make: () => schemaReference(PageSchema, { depth: 2, visibility: true }) },
  { file: 'docs/config.md', name: 'reference', make: () => schemaReference(ConfigSchema, { depth: 2 }) },
  { file: 'docs/config.md', name: 'example', make: () => fence('yaml', initFiles({ title: 'Acme Handbook', today: '2026-01-01', version: PACKAGE.version }).get('handbook.config.yaml')!) },
  { file: 'docs/exports.md', name: 'reference', make: () => schemaReference(ExportFilesSchema, { depth: 2, visibility: true }) },
  { file: 'docs/layouts.md', name: 'reference', make: () => schemaReference(LayoutDataSchema, { depth: 3, visibility: true }) },
  { file: 'docs/commands.md', name: 'commands', make: () => (Object.keys(COMMANDS) as CommandName[]).map((name) => `## handbook ${name}\n\n${fence('text', commandHelp(name))}`).join('\n\n') },
  { file: 'docs/ci.md', name: 'github-actions', make: () => ciFile('.github/workflows/handbook.yml') },
  { file: 'docs/ci.md', name: 'gitlab-ci', make: () => ciFile('.gitlab-ci.yml') },
];

function ciFile(path: string): string {
  return `\`${path}\`:\n\n${fence('yaml', CI_FILES[path]!)}`;
}
