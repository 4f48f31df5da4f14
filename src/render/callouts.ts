import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/** GitHub's alert types, as editors write them (`> [!NOTE]`), and the title each shows. */
const CALLOUTS = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const;
type CalloutKind = keyof typeof CALLOUTS;

/** The marker on the first line of a blockquote, alone on its line (GitHub ignores it otherwise). */
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

/**
 * GitHub alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`,
 * `[!CAUTION]` alone on a blockquote's first line) as callouts: a `role="note"`
 * block with a visible title (its icon comes from the stylesheet, so screen
 * readers skip it and pages do not repeat it); any other blockquote stays
 * one. Runs on the sanitised tree and makes only fixed markup, so the
 * sanitiser needs to allow nothing for it.
 */
export function rehypeCallouts() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'blockquote' || !parent || index === undefined) return;
      const first = node.children.find((c): c is Element => c.type === 'element');
      const text = first?.tagName === 'p' ? first.children[0] : undefined;
      const marker = text?.type === 'text' ? MARKER.exec(text.value) : null;
      if (!first || !text || text.type !== 'text' || !marker) return;
      const kind = marker[1]!.toLowerCase() as CalloutKind;
      text.value = text.value.slice(marker[0].length);
      if (text.value === '') first.children.shift();
      // A hard break (two spaces) after the marker would start the paragraph with an empty line.
      if (first.children[0]?.type === 'element' && first.children[0].tagName === 'br') first.children.shift();
      // A paragraph left empty goes, with the line break after it.
      const at = node.children.indexOf(first);
      const next = node.children[at + 1];
      const gone = first.children.length > 0 ? 0 : next?.type === 'text' && next.value.trim() === '' ? 2 : 1;
      const rest: ElementContent[] = [...node.children.slice(0, at), ...node.children.slice(at + gone)];
      parent.children[index] = h('div', { className: ['callout', `callout-${kind}`], role: 'note' }, [h('p', { className: ['callout-title'] }, CALLOUTS[kind]), ...rest]);
    });
  };
}
