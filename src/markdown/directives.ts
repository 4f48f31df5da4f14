import type { Heading, Root, RootContent } from 'mdast';

/** Which records a directive places. */
export type RecordKind = 'okr' | 'kpi';

/**
 * A placeholder in the tree where a record's card goes. Its heading is a real
 * mdast heading just before it, so slugs and the table of contents treat it
 * like any heading the editor wrote.
 */
export interface RecordNode {
  type: 'handbookRecord';
  kind: RecordKind;
  index: number;
}

declare module 'mdast' {
  interface RootContentMap {
    handbookRecord: RecordNode;
  }
}

/** The heading text of each record a page holds: OKR titles and KPI names, in front-matter order. */
export type RecordTitles = Record<RecordKind, readonly string[]>;

/** The directive lines editors write, alone in their paragraph. */
export const DIRECTIVES: Readonly<Record<string, RecordKind>> = { ':::okrs': 'okr', ':::kpis': 'kpi' };

/**
 * Replaces `:::okrs` and `:::kpis` paragraphs with a heading and a placeholder
 * per record. A record's heading is one level below the nearest heading above
 * the directive (h2 at the top). Records whose directive is absent go at the end.
 */
export function expandDirectives(tree: Root, titles: RecordTitles): void {
  const placed = new Set<RecordKind>();
  const out: RootContent[] = [];
  let depth = 1;
  for (const node of tree.children) {
    if (node.type === 'heading') depth = node.depth;
    const kind = directiveOf(node);
    if (kind === undefined) {
      out.push(node);
      continue;
    }
    if (!placed.has(kind)) out.push(...recordNodes(titles[kind], kind, depth));
    placed.add(kind);
  }
  for (const kind of ['okr', 'kpi'] as const) if (!placed.has(kind)) out.push(...recordNodes(titles[kind], kind, 1));
  tree.children = out;
}

function directiveOf(node: RootContent): RecordKind | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  return only?.type === 'text' ? DIRECTIVES[only.value.trim()] : undefined;
}

function recordNodes(titles: readonly string[], kind: RecordKind, parentDepth: number): RootContent[] {
  const depth = Math.min(6, parentDepth + 1) as Heading['depth'];
  return titles.flatMap((title, index): RootContent[] => [
    { type: 'heading', depth, children: [{ type: 'text', value: title }] },
    { type: 'handbookRecord', kind, index },
  ]);
}
