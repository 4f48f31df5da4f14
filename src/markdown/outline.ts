import GithubSlugger from 'github-slugger';
import type { z } from 'zod';
import type { HeadingSchema } from '../../schemas/layout-data.js';
import type { PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { holdsTemplateSyntax, type MigrationFinding, migrationFindings } from './migration.js';

/** A heading as readers and links see it (`id`: GitHub's slug of the text, with -1, -2 … for repeats on the page). */
export type OutlineHeading = z.infer<typeof HeadingSchema>;

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
  /** Links of each Markdown field of the front matter (a KPI's definition, an OKR's retrospective), in the order of `markdownFields`. */
  markdownLinks?: BodyLink[][];
  /** Template syntax and raw HTML a migrated handbook left in the body (`check` warns of each); absent when there is none. */
  migration?: MigrationFinding[];
  /** The same in each Markdown field of the front matter, in the order of `markdownFields`; absent when there is none. */
  markdownMigration?: MigrationFinding[][];
}

/**
 * Reads headings (with the same slugs rehype-slug gives in the built HTML),
 * links and, given the body's `source`, what a migrated handbook left in it
 * (template syntax, raw HTML) from an expanded tree, in one walk. A link whose
 * target holds template syntax is no link to check: it is never written.
 */
export function outlineOf(tree: Root, source?: string): Outline {
  const slugger = new GithubSlugger();
  const outline: Outline = { headings: [], links: [], recordAnchors: { okr: [], kpi: [] } };
  // remark-rehype numbers footnotes in the order they are first referenced, and a
  // reference inside a heading adds its number to the heading's text in the HTML.
  const footnotes = new Map<string, number>();
  const footnote = (id: string) => footnotes.get(id) ?? footnotes.set(id, footnotes.size + 1).get(id)!;
  let last: OutlineHeading | undefined;
  const migration: MigrationFinding[] = [];
  visit(tree, (node) => {
    if (source !== undefined) migration.push(...migrationFindings(node, source));
    if (node.type === 'footnoteReference') footnote(node.identifier);
    if (node.type === 'heading') {
      const text = headingText(node.children, footnote);
      last = { depth: node.depth, text, id: slugger.slug(text) };
      outline.headings.push(last);
    } else if (node.type === 'handbookRecord' && last) {
      outline.recordAnchors[node.kind].push(last.id);
    } else if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.position && !holdsTemplateSyntax(node.url)) {
      outline.links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
  });
  if (migration.length > 0) outline.migration = migration;
  return outline;
}

/**
 * The text rehype-slug sees in the HTML heading: images and raw HTML contribute
 * nothing, a footnote reference its number.
 */
function headingText(children: readonly PhrasingContent[], footnote: (id: string) => number): string {
  return children
    .map((child) => {
      if (child.type === 'footnoteReference') return String(footnote(child.identifier));
      if ('children' in child) return headingText(child.children as PhrasingContent[], footnote);
      return toString(child, { includeImageAlt: false, includeHtml: false });
    })
    .join('');
}
