import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, posix } from 'node:path';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH } from './client.js';
import { overlayElement } from './overlay.js';

/** What the server shows: the last good site, and the errors of the last build while it failed. */
export interface SiteState {
  /** The folder of the last good site; none before the first good build. */
  dir?: string;
  /** Counts good builds: each page says which it came from, so one loaded just before a build still learns of it. */
  build: number;
  /** The overlay's inside while the last build failed. */
  overlay?: string;
}

/** An event for the pages open in browsers. */
export type PageEvent = { name: 'building' } | { name: 'reload' } | { name: 'errors'; html: string };

/** The running server. */
export interface DevServer {
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Tells every open page. */
  send(event: PageEvent): void;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** How the server finds what to serve. */
export interface ServerOptions {
  host: string;
  port: number;
  state(): SiteState;
  /** Resolves when the site folder may be read: not before the first build ends, nor while a build swaps it in. */
  ready(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
};

/** Keeps idle event streams open through proxies and sleeping laptops. */
const HEARTBEAT_MS = 20_000;

/**
 * Serves the last good site as a static host does (`/a/` is `a/index.html`,
 * `/a` redirects to `/a/`, anything else is 404.html with status 404), adds
 * the reload script (and, while the last build failed, the overlay) to every
 * HTML response, never to a file, and keeps an event stream open to each page.
 * Whatever cannot listen (a port in use) comes back as a sentence.
 */
export async function startServer(options: ServerOptions): Promise<DevServer | { problem: string }> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res, options, streams).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`handbook serve: ${(err as Error).message}\n`);
    });
  });
  const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(options.port, options.host, () => resolve(undefined));
  });
  if (listening) return { problem: listenProblem(listening, options) };
  const heartbeat = setInterval(() => streams.forEach((res) => res.write(': ping\n\n')), HEARTBEAT_MS);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${shownHost(options.host)}:${port}`,
    send(event) {
      const data = event.name === 'errors' ? JSON.stringify({ html: event.html }) : '{}';
      for (const res of streams) res.write(`event: ${event.name}\ndata: ${data}\n\n`);
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(heartbeat);
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions, streams: Set<ServerResponse>): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === CLIENT_PATH) {
    send(req, res, 200, TYPES['.js']!, CLIENT_SCRIPT);
    return;
  }
  if (url.pathname === EVENTS_PATH) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    // A page that came from an earlier build, or that missed the last failure, is told at once.
    const state = options.state();
    if (url.searchParams.get('build') !== String(state.build) && state.dir) res.write('event: reload\ndata: {}\n\n');
    else if (state.overlay !== undefined) res.write(`event: errors\ndata: ${JSON.stringify({ html: state.overlay })}\n\n`);
    return;
  }
  await options.ready();
  const state = options.state();
  if (!state.dir) {
    const page = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>handbook serve</title></head><body><p>The handbook has no site yet.</p></body></html>\n';
    send(req, res, 503, TYPES['.html']!, withClient(page, state));
    return;
  }
  let path: string;
  try {
    path = posix.normalize(decodeURIComponent(url.pathname));
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path.includes('\0') || !path.startsWith('/') || path.split('/').includes('..')) {
    res.writeHead(400).end();
    return;
  }
  const file = join(state.dir, path);
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory() && !path.endsWith('/')) {
    res.writeHead(301, { location: `${url.pathname}/${url.search}`, 'cache-control': 'no-store' }).end();
    return;
  }
  const target = found?.isDirectory() ? join(file, 'index.html') : file;
  const exists = found?.isDirectory() ? Boolean(await stat(target).catch(() => undefined)) : Boolean(found?.isFile());
  if (!exists) {
    const notFound = await readFile(join(state.dir, '404.html'), 'utf8').catch(() => 'Not found\n');
    send(req, res, 404, TYPES['.html']!, withClient(notFound, state));
    return;
  }
  const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
  if (type === TYPES['.html']) {
    send(req, res, 200, type, withClient(await readFile(target, 'utf8'), state));
    return;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A page as served: the reload script and, while the last build failed, the overlay, before `</body>`. */
export function withClient(html: string, state: SiteState): string {
  const added = `${state.overlay !== undefined ? overlayElement(state.overlay) : ''}<script src="${CLIENT_PATH}?build=${state.build}" defer></script>`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + added : html.slice(0, at) + added + html.slice(at);
}

function shownHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function listenProblem(err: NodeJS.ErrnoException, options: ServerOptions): string {
  const where = `${shownHost(options.host)}:${options.port}`;
  if (err.code === 'EADDRINUSE') return `port ${options.port} is in use on ${shownHost(options.host)}; choose another with --port (0 picks a free one)`;
  if (err.code === 'EACCES') return `cannot listen on ${where}: permission denied; choose a port above 1023 with --port`;
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return `cannot listen on ${where}: --host ${options.host} is not an address of this machine`;
  return `cannot listen on ${where}: ${err.message}`;
}
