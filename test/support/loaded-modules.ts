/**
 * Which modules a child process ran: give it `env` (NODE_V8_COVERAGE, a folder of its own) and read `urls()` once it
 * has exited. V8 lists every script the process compiled as it exits, ES modules and CommonJS alike (file: and node:
 * URLs), in JSON files there, one per process.
 *
 * Not a preload that registers a module resolve hook (module.register): on Node 20 that runs a hooks thread beside
 * the command, and now and then the command crashed under it (SIGSEGV in V8's regular-expression code as it loaded
 * its modules, about one run in several hundred on a loaded 2-core machine), failing the test that ran it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModuleRecording {
  /** The environment variables to add to the child's. */
  env: { NODE_V8_COVERAGE: string };
  /** The URLs of the scripts the child ran (and any Node.js process it started), once it has exited. */
  urls(): string[];
}

/** A recording in a folder of its own under `dir` (removed with it). */
export function recordModules(dir: string): ModuleRecording {
  const folder = mkdtempSync(join(dir, 'modules-'));
  return {
    env: { NODE_V8_COVERAGE: folder },
    urls: () => readdirSync(folder).flatMap((file) => (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { result: Array<{ url: string }> }).result.map((script) => script.url)).filter(Boolean),
  };
}
