/** Loopback ports for tests: one a server of the test's own listens on, and one nothing listens on. */
import { createServer, type Server } from 'node:net';

/** Starts `server` listening on a free port of 127.0.0.1 and resolves to that port. */
export async function listenOnLoopback(server: Pick<Server, 'listen' | 'address' | 'once'>): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as { port: number }).port;
}

/** A free TCP port on 127.0.0.1, as the system hands one out: a server had it a moment ago, nothing listens there now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
