import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { prettyBlock, prettySummary } from '../diagnostics/reporters/pretty.js';
import { escapeHtml } from '../html/escape.js';

/** The overlay's element: a custom element whose shadow root keeps the site's CSS and ours apart. */
export const OVERLAY_TAG = 'handbook-overlay';

const STYLE = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; background: rgb(0 0 0 / 0.55); padding: 4vh 3vw; box-sizing: border-box;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
.panel { max-width: 60rem; margin: 0 auto; background: #fff; border-radius: 8px; border-top: 6px solid #cf222e; box-shadow: 0 12px 40px rgb(0 0 0 / 0.35); padding: 1.25rem 1.5rem; }
header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
h2 { margin: 0; font-size: 1.15rem; }
.summary { margin: 0.25rem 0 0; color: #cf222e; font-weight: 600; }
.note { margin: 0.25rem 0 0; color: #59636e; font-size: 0.9rem; }
button { font: inherit; border: 1px solid #d1d9e0; background: #f6f8fa; border-radius: 6px; padding: 0.2rem 0.75rem; cursor: pointer; }
ol { list-style: none; margin: 1rem 0 0; padding: 0; }
li { border-top: 1px solid #d1d9e0; padding: 0.85rem 0; }
.head { margin: 0; overflow-wrap: anywhere; }
.place { font: 600 0.95em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.severity { display: inline-block; margin: 0 0.5rem; padding: 0 0.4rem; border-radius: 4px; font-size: 0.8rem; font-weight: 600; text-transform: uppercase; color: #fff; background: #cf222e; }
.warning .severity { background: #9a6700; }
.rule { color: #59636e; font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.detail { margin: 0.25rem 0 0; color: #32383f; }
.detail b { color: #59636e; font-weight: 600; }
pre { margin: 0.6rem 0 0; padding: 0.6rem 0.8rem; background: #f6f8fa; border-radius: 6px; overflow: auto; font: 0.85rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media (prefers-color-scheme: dark) {
  .backdrop { color: #e6edf3; }
  .panel { background: #151b23; border-top-color: #f85149; }
  .summary { color: #ff7b72; }
  .note, .rule, .detail b { color: #9198a1; }
  .detail { color: #d1d7e0; }
  button { background: #212830; border-color: #3d444d; color: inherit; }
  li { border-top-color: #3d444d; }
  pre { background: #0d1117; }
}
`;

/**
 * The inside of the overlay that `handbook serve` lays over every page while
 * the handbook has errors: the same pieces the pretty report prints (place,
 * severity, message, rule, field path, hint, code frame), escaped into HTML.
 */
export function overlayBody(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, fileCount: number, hasSite: boolean): string {
  const items = diagnostics.map((d) => {
    const b = prettyBlock(d, sources);
    const details = [['path', b.path], ['hint', b.hint], ['see', b.see]].flatMap(([label, text]) => (text ? [`<p class="detail"><b>${label}:</b> ${escapeHtml(text)}</p>`] : []));
    return [
      `<li class="${b.severity}">`,
      `<p class="head"><span class="place">${escapeHtml(b.place)}</span><span class="severity">${b.severity}</span>${escapeHtml(b.message)} <span class="rule">${escapeHtml(b.code)}</span></p>`,
      ...details,
      b.frame !== undefined ? `<pre>${escapeHtml(b.frame)}</pre>` : '',
      '</li>',
    ].join('');
  });
  const note = hasSite ? 'The page below is from the last good build. Fix the files and save: this goes away.' : 'No site has been built yet. Fix the files and save: the site appears.';
  return [
    `<style>${STYLE}</style>`,
    '<div class="backdrop" part="backdrop"><section class="panel" role="alertdialog" aria-labelledby="title" aria-describedby="summary">',
    `<header><div><h2 id="title">The handbook has errors</h2><p class="summary" id="summary">${escapeHtml(prettySummary(diagnostics, fileCount).text)}</p><p class="note">${note}</p></div><button type="button" data-close>Hide (Esc)</button></header>`,
    `<ol>${items.join('')}</ol>`,
    '</section></div>',
  ].join('\n');
}

/** The overlay element as it goes into a page: its shadow root declared in the HTML, so it shows before any script runs. */
export function overlayElement(body: string): string {
  return `<${OVERLAY_TAG}><template shadowrootmode="open">${body}</template></${OVERLAY_TAG}>`;
}
