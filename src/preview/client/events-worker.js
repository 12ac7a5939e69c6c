// A SharedWorker that keeps ONE stream of the server's events for every preview page of this origin, and passes each
// state on to all of them. A browser opens at most 6 connections to one host (HTTP/1.1): with a stream of its own per
// page, the seventh preview tab (or the sixth, with the PDF it asks for) waited for a free connection for ever,
// "Loading the PDF…". live.js uses this worker where the browser has SharedWorker, and a stream of its own elsewhere.

/** Reconnection delays after the browser has given up on the stream: from this, doubling, up to MAX (as live.js). */
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

const ports = new Set();
/**
 * Whether this worker can hold the stream: a browser without EventSource in workers (Firefox before 53), or one that
 * refuses it, cannot; then each page is told so ("unavailable") and opens a stream of its own (live.js).
 */
let streaming = typeof EventSource === 'function';
/** What a page that joins is told first: the latest state the server sent, and whether the stream is open. */
let lastState = null;
let connected = false;

const post = (message) => {
  for (const port of ports) port.postMessage(message);
};

self.addEventListener('connect', (event) => {
  const port = event.ports[0];
  port.addEventListener('message', (message) => {
    if (message.data?.type === 'bye') ports.delete(port); // the page is going away (or into the back-forward cache)
    if (message.data?.type === 'hello') greet(port); // back from the back-forward cache
  });
  port.start();
  greet(port);
});

function greet(port) {
  ports.add(port);
  if (!streaming) {
    port.postMessage({ type: 'unavailable' });
    return;
  }
  // In the order a stream of the page's own would tell it: open, then the current state.
  port.postMessage({ type: 'connection', connected });
  if (lastState !== null) port.postMessage({ type: 'state', data: lastState });
}

let delay = FIRST_DELAY_MS;
const connect = () => {
  let source;
  try {
    source = new EventSource('/events');
  } catch {
    streaming = false;
    post({ type: 'unavailable' });
    return;
  }
  source.addEventListener('open', () => {
    delay = FIRST_DELAY_MS;
    connected = true;
    post({ type: 'connection', connected });
  });
  source.addEventListener('state', (event) => {
    lastState = event.data;
    post({ type: 'state', data: event.data });
  });
  source.addEventListener('error', () => {
    connected = false;
    post({ type: 'connection', connected });
    // While readyState is CONNECTING the browser retries by itself; once CLOSED it has given up, and a new one starts over.
    if (source.readyState === EventSource.CLOSED) {
      source.close();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  });
};
if (streaming) connect();
