/**
 * The preview server over HTTP, without a browser: what it serves, what it refuses, the events it
 * sends, and how it starts and stops. test/preview/preview-browser.test.ts drives the pages themselves.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { createEventStreams } from '../../src/preview/event-streams.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/preview/handle-request.ts';
import { startPreview, type PreviewServer, type PreviewState } from '../../src/preview/preview-server.ts';
import { tempDir } from '../support/temp.ts';

const CLIENT = join(import.meta.dirname, '../../src/preview/client');

/** A one-page PDF showing `text`. */
async function tinyPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 100]).drawText(text, { x: 10, y: 50, size: 12, font });
  return doc.save();
}

/** A preview closed when the test ends. */
async function preview(options?: { port?: number }): Promise<PreviewServer & { port: number }> {
  const server = await startPreview(options);
  onTestFinished(() => server.close());
  return Object.assign(server, { port: Number(new URL(server.url).port) });
}

/** A folder with nordwind.pdf ("Revenue 100") and the state that names it. */
async function oneBriefing(): Promise<{ dir: string; pdf: string; bytes: Uint8Array; state: PreviewState }> {
  const dir = tempDir('preview-server-');
  const pdf = join(dir, 'nordwind.pdf');
  const bytes = await tinyPdf('Revenue EUR 100.0 million');
  writeFileSync(pdf, bytes);
  return { dir, pdf, bytes, state: { entries: [{ name: 'nordwind', title: 'Nordwind Energi', pdf, version: 'v1' }], failures: [], building: false } };
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A request exactly as given: the path is sent as it is (no normalisation of .. or %2f, unlike fetch). */
function get(port: number, path: string, options: { method?: string; host?: string | null } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = options.host === null ? {} : { Host: options.host ?? `127.0.0.1:${port}` };
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** An open /events stream: the events as they arrive, and whether the server ended it. */
function events(port: number): Promise<{ next(): Promise<{ event: string; data: string }>; ended: Promise<void>; headers: IncomingMessage['headers']; stop(): void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/events', agent: false }, (res) => {
      const queue: { event: string; data: string }[] = [];
      const waiting: ((e: { event: string; data: string }) => void)[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
          if (fields.data === undefined) continue;
          const event = { event: fields.event ?? 'message', data: fields.data };
          const waiter = waiting.shift();
          if (waiter) waiter(event);
          else queue.push(event);
        }
      });
      const ended = new Promise<void>((done) => res.on('end', done));
      onTestFinished(() => void req.destroy());
      resolve({
        headers: res.headers,
        ended,
        stop: () => req.destroy(),
        next: () => {
          const queued = queue.shift();
          if (queued) return Promise.resolve(queued);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error('no event within 2 s')), 2_000);
            waiting.push((e) => {
              clearTimeout(timer);
              done(e);
            });
          });
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The addresses this process listens on at `port`, in /proc/net/tcp{,6} notation (0100007F is 127.0.0.1). Only this
 * process's own sockets count: another test binding a free port at that moment may be given the same one.
 */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const own = new Set(readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1];
      return inode === undefined ? [] : [inode];
    } catch {
      return []; // closed since it was listed
    }
  }));
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
    let table = '';
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      return []; // no IPv6 on this machine
    }
    return table.split('\n').slice(1).map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && own.has(cols[9] ?? ''))
      .map((cols) => cols[1]!.split(':')[0]!);
  });
}

describe('the preview server', () => {
  it('listens on 127.0.0.1 only, on a free port unless told one', async () => {
    const server = await preview();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
    expect(listeners(server.port)).toEqual(['0100007F']);
    expect((await get(server.port, '/')).status).toBe(200);
  });

  it('serves the index, the viewer of each briefing, its PDF as it is on disk now, and its own files', async () => {
    const { pdf, bytes, state } = await oneBriefing();
    const server = await preview();
    server.update(state);

    const index = await get(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString()).toContain('<script type="module" src="/assets/index.js"></script>');

    const viewer = await get(server.port, '/view/nordwind');
    expect(viewer.status).toBe(200);
    expect(viewer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(viewer.body.toString()).toContain('<title>Nordwind Energi · preview</title>');

    const first = await get(server.port, '/pdf/nordwind.pdf?v=v1');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(first.body, Buffer.from(bytes))).toBe(0);
    // Read at request time: the bytes a rebuild wrote, even before update() names the new version.
    const rebuilt = await tinyPdf('Revenue EUR 120.5 million');
    writeFileSync(pdf, rebuilt);
    expect(Buffer.compare((await get(server.port, '/pdf/nordwind.pdf')).body, Buffer.from(rebuilt))).toBe(0);

    const head = await get(server.port, '/pdf/nordwind.pdf', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(rebuilt.length));
    expect(head.body.length).toBe(0);

    const types: Record<string, string> = {
      'viewer.js': 'text/javascript; charset=utf-8',
      'index.js': 'text/javascript; charset=utf-8',
      'live.js': 'text/javascript; charset=utf-8',
      'events-worker.js': 'text/javascript; charset=utf-8',
      'preview.css': 'text/css; charset=utf-8',
      'icon.svg': 'image/svg+xml',
    };
    for (const [file, type] of Object.entries(types)) {
      const asset = await get(server.port, `/assets/${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers['content-type'], file).toBe(type);
      expect(asset.body.toString(), file).toBe(readFileSync(join(CLIENT, file), 'utf8'));
    }
    for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
      const asset = await get(server.port, `/assets/${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers['content-type'], file).toBe('text/javascript; charset=utf-8');
      expect(asset.body.length, file).toBeGreaterThan(100_000);
    }
  });

  it('answers 404 to anything else: unknown names, traversal, listings, its own source files', async () => {
    const { pdf, state } = await oneBriefing();
    const server = await preview();
    server.update(state);
    const refused = [
      '/pdf/..%2f..%2fetc%2fpasswd.pdf',
      '/pdf/../../etc/passwd',
      '/pdf/%2e%2e/%2e%2e/etc/passwd.pdf',
      `/pdf/${encodeURIComponent(pdf.slice(0, -4))}.pdf`,
      `/pdf/${encodeURIComponent(pdf)}`,
      '/pdf/nordwind',
      '/pdf/nordwind.pdf/',
      '/pdf/unknown.pdf',
      '/pdf/%E0%A4%A.pdf',
      '/pdf/',
      '/view/unknown',
      '/view/',
      '/view/nordwind/..',
      '/assets/',
      '/assets',
      '/assets/../preview-server.ts',
      '/assets/..%2fpreview-server.ts',
      '/assets/index.html',
      '/assets/viewer.html',
      '/assets/pdf.mjs',
      '/client/viewer.js',
      '/src/preview/client/viewer.js',
      '/node_modules/pdfjs-dist/legacy/build/pdf.min.mjs',
      '//etc/passwd',
      '/favicon.ico',
      '/index.html',
    ];
    for (const path of refused) expect((await get(server.port, path)).status, path).toBe(404);

    // A briefing that is no longer in the state is gone too, though its PDF is still on disk.
    server.update({ ...state, entries: [] });
    expect((await get(server.port, '/pdf/nordwind.pdf')).status).toBe(404);
    expect((await get(server.port, '/view/nordwind')).status).toBe(404);
  });

  it('serves a briefing whose name is not plain ASCII (a canvas "Nordwind Årsrapport 年报.yaml"), with a header-safe file name', async () => {
    const { pdf, bytes } = await oneBriefing();
    const name = 'Nordwind Årsrapport 年报';
    const server = await preview();
    server.update({ entries: [{ name, title: 'Nordwind Energi', pdf, version: 'v1' }], failures: [], building: false });
    // The URLs the index page links to (encodeURIComponent), as a browser sends them.
    const viewer = await get(server.port, `/view/${encodeURIComponent(name)}`);
    expect(viewer.status).toBe(200);
    expect(viewer.body.toString()).toContain(`<span id="name" class="name">${name}</span>`);
    const answer = await get(server.port, `/pdf/${encodeURIComponent(name)}.pdf?v=v1`);
    expect(answer.status).toBe(200);
    expect(Buffer.compare(answer.body, Buffer.from(bytes))).toBe(0);
    expect(answer.headers['content-disposition']).toBe('inline; filename="Nordwind__rsrapport___.pdf"');
  });

  it('refuses a foreign Host header (DNS rebinding) and anything but GET and HEAD', async () => {
    const server = await preview();
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect((await get(server.port, '/', { host })).status, host).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', 'localhost', `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`]) {
      const answer = await get(server.port, '/', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body.toString()).not.toContain('<html');
    }
    // No Host at all: Node refuses an HTTP/1.1 request without one before it reaches the preview.
    expect((await get(server.port, '/', { host: null })).status).toBe(400);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await get(server.port, '/', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });

  it('sends its security headers on every answer, and pages with no inline script or style', async () => {
    const { state } = await oneBriefing();
    const server = await preview();
    server.update(state);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )worker-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    for (const [path, status] of [['/', 200], ['/view/nordwind', 200], ['/pdf/nordwind.pdf', 200], ['/assets/viewer.js', 200], ['/nothing', 404]] as const) {
      const answer = await get(server.port, path);
      expect(answer.status, path).toBe(status);
      expect(answer.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
    for (const path of ['/', '/view/nordwind']) {
      const html = (await get(server.port, path)).body.toString();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, path).toMatch(/ src="\/assets\/[\w.]+\.js"/);
        expect(body, path).toBe('');
      }
      expect(html, path).not.toMatch(/<style|\sstyle=|\son[a-z]+=|https?:\/\/|javascript:/i);
    }
  });

  it('escapes what the canvas says: titles with HTML or terminal control characters', async () => {
    const { pdf } = await oneBriefing();
    const server = await preview();
    // With a terminal hyperlink (OSC 8) and an 8-bit control (C1) too: gone whole, not left as "]8;;file:///..." text.
    const title = '<img src=x onerror=alert(1)>\x1b[31m "Nordwind" & {{name}}\x07\x1b]8;;file:///home/ir/secret\x07\x9b';
    server.update({ entries: [{ name: 'nordwind', title, pdf, version: '1' }], failures: [], building: false });
    const html = (await get(server.port, '/view/nordwind')).body.toString();
    expect(html).toContain('<h1 id="title">&#60;img src=x onerror=alert(1)&#62; &#34;Nordwind&#34; &#38; {{name}}</h1>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('sends the state over Server-Sent Events at once and on every update, with no file system paths', async () => {
    const { dir, pdf, state } = await oneBriefing();
    const server = await preview();
    const stream = await events(server.port);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    const first = await stream.next();
    expect(first.event).toBe('state');
    expect(JSON.parse(first.data)).toEqual({ building: false, entries: [], failures: [], findings: [] });

    server.update({
      ...state,
      entries: [...state.entries, { name: 'nordwind--finance', title: 'Nordwind\x1b[1m: Finance\n', pdf: join(dir, 'nordwind--finance.pdf'), version: 'f1' }, { name: 'other', title: 'Other', pdf: join(dir, 'other.pdf'), version: 'o1' }],
      failures: [{ canvas: join(dir, 'nordwind.yaml'), message: `${join(dir, 'nordwind.yaml')}:3:7: \x1b[31mmetrics.revenue\x1b[0m <b>is not a number</b>` }],
      // Named by the console with its path (outside the working folder): the pages get its file name.
      findings: [{ canvas: join(dir, 'nordwind.yaml'), shown: join(dir, 'nordwind.yaml'), line: 9, column: 3, severity: 'warning', rule: 'unused-metric', message: 'metrics.spare: \x1b[1m<b>unused</b>' }],
      building: true,
    });
    const second = await stream.next();
    expect(second.event).toBe('state');
    expect(second.data).not.toContain(pdf);
    expect(second.data).not.toContain('"pdf"');
    const message = `${join(dir, 'nordwind.yaml')}:3:7: metrics.revenue <b>is not a number</b>`;
    expect(JSON.parse(second.data)).toEqual({
      building: true,
      entries: [
        // A canvas's failure (no name) concerns all its briefings, and only them.
        { name: 'nordwind', title: 'Nordwind Energi', version: 'v1', failures: [message], findings: 1 },
        { name: 'nordwind--finance', title: 'Nordwind: Finance', version: 'f1', failures: [message], findings: 1 },
        { name: 'other', title: 'Other', version: 'o1', failures: [], findings: 0 },
      ],
      failures: [{ canvas: 'nordwind.yaml', name: null, message }],
      findings: [{ canvas: 'nordwind.yaml', at: 'nordwind.yaml:9:3', severity: 'warning', rule: 'unused-metric', message: 'metrics.spare: <b>unused</b>' }],
    });

    server.update({ ...state, failures: [{ canvas: 'nordwind.yaml', name: 'nordwind', message: 'chart failed' }] });
    expect(JSON.parse((await stream.next()).data)).toMatchObject({
      building: false,
      entries: [{ name: 'nordwind', version: 'v1', failures: ['chart failed'] }],
      failures: [{ canvas: 'nordwind.yaml', name: 'nordwind', message: 'chart failed' }],
    });

    // A page that connects later gets the current state first.
    const late = await events(server.port);
    expect(JSON.parse((await late.next()).data).entries[0].failures).toEqual(['chart failed']);
  });

  it('ends open event streams and frees its port on close(), which can be called again', async () => {
    const server = await preview();
    const stream = await events(server.port);
    await stream.next();
    let ended = false;
    void stream.ended.then(() => (ended = true));
    await Promise.all([server.close(), server.close()]);
    await stream.ended;
    expect(ended).toBe(true);
    await server.close();
    server.update({ entries: [], failures: [], building: true }); // ignored, not an error
    expect(listeners(server.port)).toEqual([]);
    await expect(get(server.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    // The same port again, at once.
    const again = await preview({ port: server.port });
    expect(again.url).toBe(server.url);
  });

  it('refuses a port in use, or no port at all, with a usage error that says what to do', async () => {
    const taken = await preview();
    const error = await startPreview({ port: taken.port }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).exitCode).toBe(EXIT.usage);
    expect((error as BriefingError).message).toBe(
      `cannot serve the preview on 127.0.0.1:${taken.port}: the port is in use; choose another with --port, or leave --port out for a free one`,
    );
    // The one already there keeps serving.
    expect((await get(taken.port, '/')).status).toBe(200);

    // The highest port is one: refused only if in use, never as "not a port number".
    const highest = await startPreview({ port: 65_535 }).then((server) => server.close(), (e: unknown) => e);
    if (highest !== undefined) expect((highest as BriefingError).message).toMatch(/^cannot serve the preview on 127\.0\.0\.1:65535: the port is in use/);

    for (const port of [-1, 65_536, 1.5, Number.NaN]) {
      const bad = await startPreview({ port }).then(() => undefined, (e: unknown) => e);
      expect(bad, String(port)).toBeInstanceOf(BriefingError);
      expect((bad as BriefingError).exitCode).toBe(EXIT.usage);
      expect((bad as BriefingError).message).toMatch(/^cannot serve the preview on 127\.0\.0\.1:.*: not a port number \(0 to 65535\)/);
    }
  });
});

describe('the event streams', () => {
  /** A page's response as the streams see it: what was written to it, and its 'close' (the page went away). */
  function page() {
    const res = Object.assign(new EventEmitter(), { written: [] as string[], ended: false, writeHead() {}, write(chunk: string) { res.written.push(chunk); return true; }, end() { res.ended = true; } });
    return res;
  }

  it('drops a page that went away: no more writes to it, none at close', () => {
    const streams = createEventStreams();
    const [gone, stays] = [page(), page()];
    for (const res of [gone, stays]) streams.open(res as unknown as ServerResponse, {}, '{"n":0}');
    gone.emit('close');
    streams.send('{"n":1}');
    streams.endAll();
    expect(gone.written).toEqual(['retry: 1000\nevent: state\ndata: {"n":0}\n\n']);
    expect(gone.ended).toBe(false);
    expect(stays.written).toEqual(['retry: 1000\nevent: state\ndata: {"n":0}\n\n', 'event: state\ndata: {"n":1}\n\n']);
    expect(stays.ended).toBe(true);
  });
});
