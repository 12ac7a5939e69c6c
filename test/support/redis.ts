/**
 * A Redis of the test's own: Debian's redis-server on a free loopback port, nothing saved to disk. It
 * stops when the test file ends, and by itself if the test process dies (it runs under a shell that
 * stops it when its stdin, the test's pipe, closes).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll } from 'vitest';
import { freePort } from './ports.ts';

/** Whether redis-server can be run here (.ci/run installs it; `apt-get install redis-server` on Debian). */
export const HAVE_REDIS = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
// Said in the test output (vitest shows a file's stderr), so that a contributor sees why the queue's tests were skipped.
if (!HAVE_REDIS) console.warn('redis-server is not installed: the build queue\'s tests are skipped (apt-get install redis-server to run them; CI installs it)');

/** A redis-server of this test file's, on one port: stop() it (a Redis that went away) and start() it again there (restarted, empty). */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts a redis-server for this test file (stopped after its last test); resolves to its URL once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child = await spawnRedis(port);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return; // stopped already
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.stdin.end();
    await exited;
  };
  afterAll(stop);
  return { url: `redis://127.0.0.1:${port}`, port, stop, start: async () => void (child = await spawnRedis(port)) };
}

/** A redis-server on `port`, once it accepts connections. */
async function spawnRedis(port: number): Promise<ChildProcessWithoutNullStreams> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '""', '--appendonly', 'no', '--protected-mode', 'yes'];
  // `exec` would lose the shell; the shell waits for stdin's end (the test process gone, or stop()) and then stops the server.
  const child = spawn('sh', ['-c', `redis-server ${args.join(' ')} & pid=$!; cat >/dev/null; kill $pid; wait $pid`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`redis-server exited:\n${output}`)));
  });
  return child as unknown as ChildProcessWithoutNullStreams;
}
