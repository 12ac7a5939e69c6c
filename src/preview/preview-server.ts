/**
 * The live preview: a small HTTP server on 127.0.0.1 that shows the briefings as they print (pdf.js draws
 * the real PDFs) and tells every open page over Server-Sent Events when one was rebuilt or failed.
 */
import { createServer, type Server } from 'node:http';
import { BriefingError, EXIT } from '../errors.ts';
import { loadClientFiles } from './client-files.ts';
import { createEventStreams } from './event-streams.ts';
import { handleRequest } from './handle-request.ts';
import { publicState } from './public-state.ts';

/** One briefing the preview shows. `version` changes whenever the PDF's bytes change (the caller passes a hash). */
export interface PreviewEntry {
  /** The briefing's output name (`<canvas>` or `<canvas>--<set>`): its URLs are /view/<name> and /pdf/<name>.pdf. */
  name: string;
  title: string;
  /** Absolute path of the PDF; read when a page asks for it, never shown to the pages. */
  pdf: string;
  version: string;
  /**
   * The canvas file it is made from (a path; never shown to the pages): a failure of that canvas concerns it. Without
   * it, the briefings of canvas `x` are taken to be those named `x` and `x--<set>`, which briefing.file_name changes.
   */
  canvas?: string;
}

/**
 * A briefing or canvas whose last build failed: the preview keeps showing the last good PDF and shows this message.
 * `canvas` is the canvas file (a path or a file name; the pages see only its file name); without `name` the failure
 * concerns every briefing of that canvas, and with `everyBriefing` every briefing shown.
 */
export interface PreviewFailure {
  canvas: string;
  /** The canvas as the console names it (its path relative to the working folder): the pages see this, not the file name. */
  shown?: string;
  name?: string;
  message: string;
  /** A build that failed whole (nothing was built: a theme.yaml gone wrong, two canvases sharing a name): it concerns every briefing. */
  everyBriefing?: boolean;
}

/** What the last good build of a canvas found in it (validate/findings.ts), as the console says it; the briefings are built. */
export interface PreviewFinding {
  /** The canvas file (a path; never shown to the pages): the briefings it concerns, as a failure's. */
  canvas: string;
  /** The canvas as the console names it, as PreviewFailure.shown. */
  shown?: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  /** The key path and what is wrong, with the fix ("metrics.spare: ..."). */
  message: string;
}

export interface PreviewState {
  entries: PreviewEntry[];
  failures: PreviewFailure[];
  /** Without it, none. */
  findings?: PreviewFinding[];
  building: boolean;
}

export interface PreviewServer {
  /** e.g. http://127.0.0.1:43123/ */
  url: string;
  /** The new state; every open page learns of it at once (Server-Sent Events) and redraws what changed. */
  update(state: PreviewState): void;
  /** Stops listening, ends open event streams; resolves when the server is closed. Idempotent. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const CHOOSE_ANOTHER = 'choose another with --port, or leave --port out for a free one';

/**
 * Starts the preview on 127.0.0.1:`port` (0, the default: a free port). Throws BriefingError (usage)
 * when that port cannot be used.
 */
export async function startPreview(options: { port?: number } = {}): Promise<PreviewServer> {
  const requested = options.port ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65_535) {
    throw portError(requested, `not a port number (0 to 65535); ${CHOOSE_ANOTHER}`);
  }
  const files = await loadClientFiles();
  const streams = createEventStreams();
  let state: PreviewState = { entries: [], failures: [], building: false };
  let stateJson = JSON.stringify(publicState(state));
  let port = requested;

  const server = createServer((req, res) => {
    const context = {
      port,
      files,
      streams,
      entry: (name: string) => state.entries.find((entry) => entry.name === name),
      stateJson: () => stateJson,
    };
    handleRequest(req, res, context).catch(() => {
      // A bug, or the client went away mid-answer; the server keeps serving the others.
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end();
    });
  });
  port = await listen(server, requested);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/`,
    update(next) {
      if (closing) return;
      state = { entries: [...next.entries], failures: [...next.failures], findings: [...next.findings ?? []], building: next.building };
      stateJson = JSON.stringify(publicState(state));
      streams.send(stateJson);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Stop accepting first, so a page whose stream ends does not reconnect to this server.
        server.close(() => resolve());
        streams.endAll();
        // A browser keeps idle keep-alive connections open; close() would wait for them.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Listens on 127.0.0.1 only; resolves with the port (the free one chosen when `port` is 0). */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.close();
      reject(portError(port, reason(error), error));
    };
    server.once('error', onError);
    server.listen({ host: HOST, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** What went wrong and what to do about it. */
function reason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `the port is in use; ${CHOOSE_ANOTHER}`;
    case 'EACCES':
      return `the port is not allowed (ports below 1024 need administrator rights); ${CHOOSE_ANOTHER}`;
    case 'EADDRNOTAVAIL':
      return 'this machine has no 127.0.0.1 (loopback) address to listen on';
    default:
      return `${error.message}; ${CHOOSE_ANOTHER}`;
  }
}

function portError(port: number, why: string, cause?: unknown): BriefingError {
  return new BriefingError(`cannot serve the preview on ${HOST}:${port}: ${why}`, EXIT.usage, { cause });
}
