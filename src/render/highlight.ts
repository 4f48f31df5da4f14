import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { refractor } from 'refractor';
import docker from 'refractor/docker';
import graphql from 'refractor/graphql';
import hcl from 'refractor/hcl';
import jsx from 'refractor/jsx';
import toml from 'refractor/toml';
import tsx from 'refractor/tsx';
import { visit } from 'unist-util-visit';

// Prism's common languages (refractor's default set), and a few more that handbooks hold: Dockerfiles, Terraform, TOML, GraphQL, React.
for (const syntax of [docker, graphql, hcl, jsx, toml, tsx]) refractor.register(syntax);

/**
 * Highlights fenced code at build time: a block whose language (` ```ts `)
 * Prism knows gets its tokens as `<span class="token keyword">` …, which the
 * stylesheet colours in light and dark; a block without a language, or in one
 * Prism does not know, stays plain text. Prism (refractor) rather than
 * highlight.js or Shiki: it is the fastest of them on short blocks (1.3–4×
 * highlight.js), and gives a tree, not HTML to parse again.
 *
 * It runs on the sanitised tree: its output is text and fixed class names
 * only, so the sanitiser needs to allow nothing for it.
 */
export function rehypeHighlight() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre' || index === undefined) return;
      const language = languageOf(node);
      if (language === undefined || !refractor.registered(language)) return;
      node.children = refractor.highlight(hastToString(node), language).children as ElementContent[];
    });
  };
}

/** The language of a code element, from the `language-…` class remark-rehype gives it (the info string's first word). */
function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const found = Array.isArray(classes) ? classes.find((c): c is string => typeof c === 'string' && c.startsWith('language-')) : undefined;
  return found?.slice('language-'.length).toLowerCase();
}
