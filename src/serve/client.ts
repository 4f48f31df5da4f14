/// <reference lib="dom" />
import { OVERLAY_TAG } from './overlay.js';

/** Where a served page listens for builds (server-sent events), and where it loads this script from. */
export const EVENTS_PATH = '/__handbook/events';
export const CLIENT_PATH = '/__handbook/client.js';

/**
 * What `handbook serve` adds to every page it serves, never to a built file:
 * it listens for builds and reloads the page after a good one, lays the
 * errors over the page after a failed one (Esc hides them), shows a small
 * badge while a build runs, and reloads once the server is back after a
 * restart. Runs in the browser, as a classic script (it reads its own URL):
 * it is sent as its own source text.
 */
function client(tag: string, eventsPath: string): void {
  const badgeId = 'handbook-serve-badge';
  const removeOverlay = () => document.querySelectorAll(tag).forEach((el) => el.remove());
  const wireOverlay = (host: Element) => {
    host.shadowRoot?.querySelector('[data-close]')?.addEventListener('click', () => host.remove());
  };
  const showOverlay = (html: string) => {
    removeOverlay();
    const host = document.createElement(tag);
    host.attachShadow({ mode: 'open' }).innerHTML = html;
    document.body.append(host);
    wireOverlay(host);
  };
  const badge = (text: string | undefined) => {
    document.getElementById(badgeId)?.remove();
    if (text === undefined) return;
    const host = document.createElement('div');
    host.id = badgeId;
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<style>p{position:fixed;right:12px;bottom:12px;z-index:2147483646;margin:0;padding:4px 10px;border-radius:999px;background:#1f2328;color:#fff;font:13px/1.5 system-ui,sans-serif;opacity:.85}</style><p role="status">${text}</p>`;
    document.body.append(host);
  };

  document.querySelectorAll(tag).forEach(wireOverlay);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') removeOverlay();
  });

  // The build this page came from: a page loaded just before a build finished learns of it on connecting.
  const build = new URL((document.currentScript as HTMLScriptElement).src).searchParams.get('build') ?? '';
  let lost = false;
  const events = new EventSource(`${eventsPath}?build=${encodeURIComponent(build)}`);
  events.addEventListener('open', () => {
    // The server came back (a restart): what it serves now may differ from this page.
    if (lost) location.reload();
  });
  events.addEventListener('error', () => {
    lost = true;
  });
  events.addEventListener('building', () => badge('Rebuilding…'));
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('errors', (event) => {
    badge(undefined);
    showOverlay((JSON.parse((event as MessageEvent<string>).data) as { html: string }).html);
  });
  addEventListener('pagehide', () => events.close());
}

/** The script served at `CLIENT_PATH`. */
export const CLIENT_SCRIPT = `(${client.toString()})(${JSON.stringify(OVERLAY_TAG)}, ${JSON.stringify(EVENTS_PATH)});\n`;
