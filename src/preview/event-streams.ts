/** The open Server-Sent Events streams: each page gets the state when it connects and whenever it changes. */
import type { ServerResponse } from 'node:http';

/**
 * How long a page's EventSource waits before reconnecting after the stream drops (the server restarted):
 * short, so a restarted preview is picked up at once.
 */
const RETRY_MS = 1_000;
/** A comment line now and then lets a stream whose page went away fail its write and be dropped. */
const HEARTBEAT_MS = 20_000;

export interface EventStreams {
  /** Starts the stream on `res` (headers already chosen by the caller) with the current state. */
  open(res: ServerResponse, headers: Record<string, string>, stateJson: string): void;
  /** Sends the state to every open stream. */
  send(stateJson: string): void;
  /** Ends every stream. */
  endAll(): void;
}

export function createEventStreams(): EventStreams {
  const open = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of open) res.write(': still here\n\n');
  }, HEARTBEAT_MS);
  // The preview must not keep the process alive by itself: the watch command decides when it ends.
  heartbeat.unref();

  const event = (json: string) => `event: state\ndata: ${json}\n\n`;

  return {
    open(res, headers, stateJson) {
      res.writeHead(200, headers);
      res.socket?.setNoDelay(true);
      res.write(`retry: ${RETRY_MS}\n${event(stateJson)}`);
      open.add(res);
      res.on('close', () => open.delete(res));
    },
    send(stateJson) {
      for (const res of open) res.write(event(stateJson));
    },
    endAll() {
      clearInterval(heartbeat);
      for (const res of open) res.end();
      open.clear();
    },
  };
}
