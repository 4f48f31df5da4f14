import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** A heading as readers and links see it. */
export interface OutlineHeading {
  depth: number;
  text: string;
  /** The anchor: GitHub's slug of the text, with -1, -2 … for repeats on the page. */
  id: string;
}

/** A link written in the body, with its place in the body (1-based). */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

/** What link checking and the table of contents need from a page body. */
export interface Outline {
  headings: OutlineHeading[];
  links: BodyLink[];
  /** Anchor of each record heading, by kind and index in the front matter. */
  recordAnchors: { okr: string[]; kpi: string[] };
}

/**
 * Reads headings (with the same slugs rehype-slug gives in the built HTML) and
 * links from an expanded tree, in one walk.
 */
export function outlineOf(tree: Root): Outline {
  const slugger = new GithubSlugger();
  const outline: Outline = { headings: [], links: [], recordAnchors: { okr: [], kpi: [] } };
  let last: OutlineHeading | undefined;
  visit(tree, (node) => {
    if (node.type === 'heading') {
      // Same text rehype-slug sees: images and raw HTML contribute nothing to the HTML heading's text.
      const text = toString(node, { includeImageAlt: false, includeHtml: false });
      last = { depth: node.depth, text, id: slugger.slug(text) };
      outline.headings.push(last);
    } else if (node.type === 'handbookRecord' && last) {
      outline.recordAnchors[node.kind].push(last.id);
    } else if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.position) {
      outline.links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
  });
  return outline;
}
