// Shared by the index and the viewer: the preview's state as the server sends it (Server-Sent Events).

/** Reconnection delays after the browser has given up on the stream (see below): from this, doubling, up to MAX. */
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

/**
 * Calls onState(state) with every state the server sends (the current one first, on each connection) and
 * onConnection(true | false) as the stream opens and drops. Keeps reconnecting when the server goes away:
 * the watch command may restart it.
 */
export function followState(onState, onConnection) {
  const receive = (data) => {
    let state;
    try {
      state = JSON.parse(data);
    } catch {
      return; // a garbled event: the next one carries the whole state again
    }
    onState(state);
  };
  // One stream for all the preview's pages (events-worker.js): a browser opens only 6 connections to a host, and a
  // stream per page left the seventh tab without one. Where there is no SharedWorker, each page has its own stream.
  if (typeof SharedWorker === 'function') {
    try {
      const worker = new SharedWorker('/assets/events-worker.js', { name: 'briefing-preview-events' });
      let heard = false;
      let own = false;
      const fallBack = () => {
        if (own) return;
        own = true;
        worker.port.close();
        ownStream(receive, onConnection);
      };
      // A worker that cannot start (its script refused or not served), or cannot hold the stream, leaves the page to a
      // stream of its own.
      worker.addEventListener('error', () => {
        if (!heard) fallBack();
        heard = true;
      }, { once: true });
      worker.port.addEventListener('message', (event) => {
        heard = true;
        if (event.data?.type === 'unavailable') fallBack();
        else if (event.data?.type === 'state') receive(event.data.data);
        else if (event.data?.type === 'connection') onConnection(event.data.connected);
      });
      worker.port.start();
      window.addEventListener('pagehide', () => worker.port.postMessage({ type: 'bye' }));
      window.addEventListener('pageshow', (event) => {
        if (event.persisted) worker.port.postMessage({ type: 'hello' });
      });
      return;
    } catch {
      // refused (a browser setting, a policy): a stream of the page's own
    }
  }
  ownStream(receive, onConnection);
}

/** The page's own stream of the server's events: receive(data) with each state's JSON, onConnection as it opens and drops. */
function ownStream(receive, onConnection) {
  let delay = FIRST_DELAY_MS;
  const connect = () => {
    const source = new EventSource('/events');
    source.addEventListener('open', () => {
      delay = FIRST_DELAY_MS;
      onConnection(true);
    });
    source.addEventListener('state', (event) => receive(event.data));
    source.addEventListener('error', () => {
      onConnection(false);
      // While readyState is CONNECTING the browser retries by itself (after the server's `retry:` delay). Once it
      // is CLOSED (a refused connection, an error status) it has given up for good, so a new EventSource starts over.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
      }
    });
  };
  connect();
}

/** HH:MM:SS, local time. */
export function formatTime(date) {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A new element with `text` as its text (never parsed as HTML). */
export function element(tag, className, text = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}
