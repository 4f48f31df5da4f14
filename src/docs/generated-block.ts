/**
 * Replaces the text between `<!-- NAME:start … -->` and `<!-- NAME:end -->`
 * in a document with `body`: the README's generated parts, made by
 * `npm run docs` and checked by a test, so they never drift from the code.
 */
export function withGeneratedBlock(document: string, name: string, body: string): string {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->`).exec(document);
  const end = document.indexOf(`<!-- ${name}:end -->`);
  if (!start || end < start.index) throw new Error(`the document has no generated block \`${name}\` to replace`);
  return `${document.slice(0, start.index + start[0].length)}\n${body}\n${document.slice(end)}`;
}
