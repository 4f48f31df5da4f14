import type { Root } from 'mdast';
import { renderTree } from '../render/processor.js';
import type { RenderedMarkdown } from './analyze.js';

/**
 * Renders an expanded tree with every link as a token (`\uE000n\uE001` for
 * `hrefs[n]`), so the HTML does not depend on which pages exist. Loaded only by
 * builds: `check` never loads the renderer.
 */
export function renderWithTokens(tree: Root): RenderedMarkdown {
  const hrefs: string[] = [];
  const parts = renderTree(tree, (href) => `\uE000${hrefs.push(href) - 1}\uE001`);
  return { parts, hrefs };
}
