/** The files the preview's pages load, read into memory once: the server maps no URL to a path on disk. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A file served from memory. */
export interface ClientFile {
  body: Buffer;
  contentType: string;
}

/** The page templates (served at / and /view/<name>) and the assets (served at /assets/<name>). */
export interface ClientFiles {
  index: string;
  viewer: string;
  assets: ReadonlyMap<string, ClientFile>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Files of src/preview/client/ served as they are. */
const OWN_ASSETS = ['live.js', 'events-worker.js', 'index.js', 'viewer.js', 'preview.css', 'icon.svg'];

/**
 * pdf.js, legacy build: the modern one assumes the newest browser features (Map.getOrInsertComputed in
 * 5.x), which the Chrome a user happens to have open may lack.
 */
const PDFJS = ['pdf.min.mjs', 'pdf.worker.min.mjs'];

const require = createRequire(import.meta.url);

/** Reads every file the pages use. A missing one is a broken installation, not a user error: it throws as is. */
export async function loadClientFiles(): Promise<ClientFiles> {
  const own = (file: string) => fileURLToPath(new URL(`./client/${file}`, import.meta.url));
  const pdfjs = (file: string) => require.resolve(`pdfjs-dist/legacy/build/${file}`);
  const sources: [string, string][] = [
    ...OWN_ASSETS.map((file): [string, string] => [file, own(file)]),
    ...PDFJS.map((file): [string, string] => [file, pdfjs(file)]),
  ];
  const [index, viewer, ...bodies] = await Promise.all([
    readFile(own('index.html'), 'utf8'),
    readFile(own('viewer.html'), 'utf8'),
    ...sources.map(([, path]) => readFile(path)),
  ]);
  const assets = new Map<string, ClientFile>(
    sources.map(([file], i) => [file, { body: bodies[i] as Buffer, contentType: CONTENT_TYPES[file.slice(file.lastIndexOf('.'))]! }]),
  );
  return { index: index as string, viewer: viewer as string, assets };
}
