/**
 * The preview pages' shared event stream (src/preview/client/events-worker.js, live.js), run here with stand-ins for
 * the browser's SharedWorker and EventSource: a worker that cannot hold the stream (no EventSource in workers, as in
 * Firefox before 53, or one refused) tells each page so, and the page opens a stream of its own instead of waiting for
 * updates that never come.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';

const WORKER = readFileSync('src/preview/client/events-worker.js', 'utf8');

/** A port as a page and the worker see it: what was posted to it, and its message listeners. */
function fakePort() {
  const posted: unknown[] = [];
  const listeners: Array<(event: { data: unknown }) => void> = [];
  return { posted, listeners, postMessage: (m: unknown) => posted.push(m), addEventListener: (_: string, l: (event: { data: unknown }) => void) => listeners.push(l), start() {}, close() {} };
}

/** Runs the worker script with `EventSource` (or none) and connects one page to it; returns what the page was told. */
function workerTells(EventSource: unknown): unknown[] {
  const onConnect: Array<(event: { ports: unknown[] }) => void> = [];
  const self = { addEventListener: (type: string, l: (event: { ports: unknown[] }) => void) => type === 'connect' && onConnect.push(l) };
  runInNewContext(WORKER, { self, EventSource, setTimeout: () => 0 });
  const port = fakePort();
  for (const l of onConnect) l({ ports: [port] });
  return port.posted;
}

describe('the shared event stream', () => {
  const saved = { SharedWorker: globalThis.SharedWorker, EventSource: globalThis.EventSource, window: (globalThis as { window?: unknown }).window };
  afterEach(() => Object.assign(globalThis, saved));

  it('tells a page it cannot hold the stream where workers have no EventSource, or it is refused; holds it otherwise', () => {
    expect(workerTells(undefined)).toEqual([{ type: 'unavailable' }]);
    expect(workerTells(class { constructor() { throw new Error('refused'); } })).toEqual([{ type: 'unavailable' }]);
    const opened: string[] = [];
    expect(workerTells(class { static CLOSED = 2; constructor(url: string) { opened.push(url); } addEventListener() {} })).toEqual([{ type: 'connection', connected: false }]);
    expect(opened).toEqual(['/events']);
  });

  it('opens a stream of the page\'s own when the worker says it cannot hold one', async () => {
    const port = fakePort();
    const streams: string[] = [];
    Object.assign(globalThis, {
      SharedWorker: class { port = port; addEventListener() {} },
      EventSource: class { static CLOSED = 2; constructor(url: string) { streams.push(url); } addEventListener() {} },
      window: { addEventListener() {} },
    });
    // (A browser script, untyped: imported by its URL.)
    const live = new URL('../../src/preview/client/live.js', import.meta.url).href;
    const { followState } = (await import(/* @vite-ignore */ live)) as { followState: (onState: () => void, onConnection: () => void) => void };
    followState(() => {}, () => {});
    expect(streams).toEqual([]); // the worker's stream serves it
    for (const l of port.listeners) l({ data: { type: 'unavailable' } });
    expect(streams).toEqual(['/events']);
  });
});
