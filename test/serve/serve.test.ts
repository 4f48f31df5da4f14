import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { type Served, startServe } from '../helpers/serve.js';
import { copySample, removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';

afterAll(removeTempDirs);

const TODAY = '2026-06-15';

/** The events a page receives, read from the stream as a page holds it open. */
async function events(origin: string, build: number | string) {
  const response = await fetch(`${origin}/__handbook/events?build=${build}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    /** The next event of one of `names`, with its data. */
    async next(...names: string[]): Promise<{ name: string; data: unknown }> {
      for (;;) {
        const match = /event: (\w+)\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          if (names.includes(match[1]!)) return { name: match[1]!, data: JSON.parse(match[2]!) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += value;
      }
    },
    close: () => reader.cancel(),
  };
}

const text = async (origin: string, path: string) => (await fetch(origin + path)).text();

describe('handbook serve over HTTP', () => {
  let root: string;
  let served: Served;
  beforeAll(async () => {
    root = copySample();
    served = await startServe(['--root', root, '--today', TODAY]);
    await served.waitFor(/\(first build\); open pages reload\.\n/);
  });
  afterAll(async () => {
    if (served.child.exitCode === null) await served.stop();
  });

  it('serves as a static host does: /a/ is a/index.html, /a redirects there, anything else is 404.html with status 404', async () => {
    const page = await fetch(`${served.origin}/company/strategic-goals/`);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([200, 'text/html; charset=utf-8', 'no-store']);
    const redirect = await fetch(`${served.origin}/company?x=1`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/company/?x=1']);
    const missing = await fetch(`${served.origin}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    const css = await fetch(`${served.origin}/assets/site.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect((await fetch(`${served.origin}/assets/site.css`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${served.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('serves nothing outside the site, however the path is written', async () => {
    const { port } = new URL(served.origin);
    for (const path of ['/../handbook.config.yaml', '/%2e%2e/%2e%2e/handbook.config.yaml', '/..%2fhandbook.config.yaml', '/..%5chandbook.config.yaml', '/%00', '/%E0%A4%A']) {
      // Raw requests: fetch would tidy the path up before sending it.
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      expect([400, 404], path).toContain(status);
      expect(body, path).not.toContain('approvers');
    }
  });

  it('adds the reload script to every HTML response, the 404 page too, and never to a built file', async () => {
    expect(await text(served.origin, '/company/strategic-goals/')).toMatch(/<script src="\/__handbook\/client\.js\?build=1" defer><\/script><\/body>/);
    expect(await text(served.origin, '/nowhere/')).toContain('/__handbook/client.js?build=1');
    expect(readFileSync(join(root, '.cache/okr-handbook/serve-public/company/strategic-goals/index.html'), 'utf8')).not.toContain('__handbook');
    const script = await fetch(`${served.origin}/__handbook/client.js`);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(await script.text()).toContain('new EventSource');
  });

  it('tells a page from an earlier build to reload as soon as it connects', async () => {
    const stream = await events(served.origin, 0);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect((await stream.next('reload', 'errors')).name).toBe('reload');
    await stream.close();
  });

  it('rebuilds on a layout folder made while it runs, and the pages change', async () => {
    const stream = await events(served.origin, 1);
    mkdirSync(join(root, 'layouts/partials'), { recursive: true });
    writeFileSync(join(root, 'layouts/partials/breadcrumbs.njk'), '<nav class="my-crumbs">{{ hb.title }}</nav>\n');
    await stream.next('reload');
    await stream.close();
    expect(await text(served.origin, '/company/strategic-goals/')).toContain('<nav class="my-crumbs">Strategic Goals</nav>');
  });

  it('rebuilds on a file added to static/, a folder made while it runs', async () => {
    const stream = await events(served.origin, 2);
    mkdirSync(join(root, 'static/files'), { recursive: true });
    writeFileSync(join(root, 'static/files/plan.txt'), 'the plan\n');
    await stream.next('reload');
    await stream.close();
    expect(await text(served.origin, '/files/plan.txt')).toBe('the plan\n');
  });

  it('shows a broken config over the pages, as check reports it, and reloads once it is fixed (saved by rename, as editors do)', async () => {
    const config = join(root, 'handbook.config.yaml');
    const good = readFileSync(config, 'utf8');
    const stream = await events(served.origin, 3);
    writeFileSync(`${config}.tmp`, good.replace('  max_current: 3', '  max_current: three'));
    renameSync(`${config}.tmp`, config);
    const failed = await stream.next('errors');
    const html = (failed.data as { html: string }).html;
    expect(html).toMatch(/handbook\.config\.yaml:\d+:16<\/span><span class="severity">error<\/span>expected number, got string `three` <span class="rule">schema\/invalid-type<\/span>/);
    expect(html).toContain('The page below is from the last good build.');
    // A page loaded now carries the overlay in its HTML.
    expect(await text(served.origin, '/')).toContain('<handbook-overlay><template shadowrootmode="open">');
    const cli = await runCli(['check', '--root', root, '--format', 'json', '--no-cache']);
    expect(cli.code).toBe(2);
    writeFileSync(`${config}.tmp`, good);
    renameSync(`${config}.tmp`, config);
    await stream.next('reload');
    await stream.close();
    expect(await text(served.origin, '/')).not.toContain('<handbook-overlay>');
  });

  it('prints check\'s report for a failed build, and one line for each build', () => {
    expect(served.stdout()).toMatch(/handbook\.config\.yaml:\d+:16 {2}error {2}expected number, got string `three` {2}schema\/invalid-type\n/);
    expect(served.stdout()).toMatch(/\] Not built \(handbook\.config\.yaml changed\): open pages show the errors over the last good site\.\n/);
    expect(served.stdout()).toMatch(/\] Built \d+ pages in \d+ ms \(layouts[^)]* changed\); open pages reload\.\n/);
  });

  it('stops on Ctrl-C with exit code 0', async () => {
    expect(await served.stop('SIGINT')).toBe(0);
    expect(served.stdout()).toMatch(/Stopped\.\n$/);
    expect(served.stderr()).toBe('\nStopping… (a build under way ends first; Ctrl-C again quits at once)\n');
  });
});

describe('handbook serve, edge cases', () => {
  it('with a first build that fails: a page saying so, with the errors; the site once they are fixed', async () => {
    const root = writeHandbook({ 'content/index.md': '---\ntitle: Home\nweight: heavy\n---\nHello.\n' });
    const served = await startServe(['--root', root]);
    try {
      await served.waitFor(/Not built \(first build\): open pages show the errors\.\n/);
      const page = await fetch(`${served.origin}/`);
      expect(page.status).toBe(503);
      const body = await page.text();
      expect(body).toContain('The handbook has no site yet.');
      expect(body).toContain('content/index.md:3:9');
      expect(body).toContain('No site has been built yet.');
      const stream = await events(served.origin, 0);
      expect((await stream.next('errors')).name).toBe('errors');
      writeFileSync(join(root, 'content/index.md'), '---\ntitle: Home\nweight: 1\n---\nHello.\n');
      await stream.next('reload');
      await stream.close();
      expect(await text(served.origin, '/')).toContain('Hello.');
    } finally {
      await served.stop();
    }
  });

  it('serves the internal site with --audience internal, into a folder of its own', async () => {
    const root = copySample();
    const served = await startServe(['--root', root, '--audience', 'internal', '--today', TODAY]);
    try {
      expect(served.stdout()).toContain(`Serving the internal site at ${served.origin}/ (built into ${join(root, '.cache/okr-handbook/serve-internal')}); Ctrl-C stops.`);
      await served.waitFor(/\(first build\)/);
      expect(await text(served.origin, '/')).toContain('class="internal-banner"');
    } finally {
      await served.stop();
    }
  });

  it('builds the internal site with the values directory, and rebuilds when a values file changes; the public site never reads it', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'test/fixtures/build/values'), root, { recursive: true });
    const values = join(root, 'values/q3.yaml');
    const internal = await startServe(['--root', root, '--audience', 'internal', '--today', '2030-06-15']);
    try {
      await internal.waitFor(/\(first build\); open pages reload\.\n/);
      expect(await text(internal.origin, '/')).toContain('7712.5');
      const from = internal.stdout().length;
      writeFileSync(values, readFileSync(values, 'utf8').replace('current_value: 7712.5', 'current_value: 8123.5'));
      await internal.waitFor(/Built \d+ pages in \d+ ms \(values\/q3\.yaml changed\)/, from);
      expect(await text(internal.origin, '/')).toContain('8123.5');
    } finally {
      await internal.stop();
    }
    const open = await startServe(['--root', root, '--today', '2030-06-15']);
    try {
      await open.waitFor(/\(first build\); open pages reload\.\n/);
      expect(await text(open.origin, '/')).not.toContain('8123.5');
    } finally {
      await open.stop();
    }
  });

  it('rebuilds when the people file the config names changes', async () => {
    const root = writeHandbook({
      'handbook.config.yaml': 'site:\n  title: Owners\npeople_file: people.yaml\n',
      'people.yaml': '- { id: ana, name: Ana Lima }\n',
      'content/index.md': '---\ntitle: Home\nowner: ana\n---\nHello.\n',
    });
    const served = await startServe(['--root', root, '--today', TODAY]);
    try {
      await served.waitFor(/\(first build\); open pages reload\.\n/);
      expect(await text(served.origin, '/')).toContain('Ana Lima');
      const from = served.stdout().length;
      writeFileSync(join(root, 'people.yaml'), '- { id: ana, name: Ana Lima Souza }\n');
      await served.waitFor(/Built \d+ pages in \d+ ms \(people\.yaml changed\)/, from);
      expect(await text(served.origin, '/')).toContain('Ana Lima Souza');
    } finally {
      await served.stop();
    }
  });

  it('says so in one line when the port is taken, and exits 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const root = writeHandbook({ 'content/index.md': '---\ntitle: Home\n---\n' });
      expect(await runCli(['serve', '--root', root, '--port', String(port)])).toEqual({ code: 2, stdout: '', stderr: `handbook: port ${port} is in use on 127.0.0.1; choose another with --port (0 picks a free one)\n` });
    } finally {
      blocker.close();
    }
  });
});
