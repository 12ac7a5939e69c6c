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
  let delay = FIRST_DELAY_MS;
  const connect = () => {
    const source = new EventSource('/events');
    source.addEventListener('open', () => {
      delay = FIRST_DELAY_MS;
      onConnection(true);
    });
    source.addEventListener('state', (event) => {
      let state;
      try {
        state = JSON.parse(event.data);
      } catch {
        return; // a garbled event: the next one carries the whole state again
      }
      onState(state);
    });
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
