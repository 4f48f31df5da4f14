import type { Root } from 'mdast';
import { holdsTemplateSyntax } from '../markdown/migration.js';
import { renderTree } from '../render/processor.js';
import type { RenderedMarkdown } from './analyze.js';

/**
 * Renders an expanded tree with every link as a token (`\uE000n\uE001` for
 * `hrefs[n]`), so the HTML does not depend on which pages exist. A target that
 * holds template syntax (`{{ site.baseurl }}/x`) cannot be resolved: it is left
 * out, and `check` warns of it. Loaded only by builds: `check` never loads the
 * renderer.
 */
export function renderWithTokens(tree: Root): RenderedMarkdown {
  const hrefs: string[] = [];
  const parts = renderTree(tree, (href) => (holdsTemplateSyntax(href) ? undefined : `\uE000${hrefs.push(href) - 1}\uE001`));
  return { parts, hrefs };
}
