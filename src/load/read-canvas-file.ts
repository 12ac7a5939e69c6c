/**
 * load/: a canvas file's bytes, read only when it is what a canvas must be: a regular file (a pipe or
 * device would block forever, or never end) no larger than the limit (a 50 MB "canvas" is a mistake
 * or an attack, not a briefing).
 */
import { isUtf8 } from 'node:buffer';
import { constants, readlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BriefingError, EXIT } from '../errors.ts';

export const DEFAULT_MAX_CANVAS_BYTES = 5 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The file's bytes; a BriefingError naming the file when it cannot be, or should not be, read. `what`: "canvas", "config". */
export async function readCanvasFile(file: string, what = 'canvas', maxBytes = DEFAULT_MAX_CANVAS_BYTES): Promise<Buffer> {
  let handle;
  try {
    // Non-blocking: opening a pipe waits for a writer otherwise, before anything could be checked.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const target = code === 'ENOENT' ? linkTarget(file) : undefined;
    const why = target !== undefined ? `it is a link to ${target}, which does not exist (moved, or on a drive or share not mounted)` : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ENAMETOOLONG' ? 'the name is too long' : code === 'ELOOP' ? LINK_LOOP : (cause as Error).message;
    throw new BriefingError(`${file}: cannot read ${what}: ${why}`, EXIT.usage, { cause });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new BriefingError(`${file}: cannot read ${what}: is a folder`, EXIT.usage);
    if (!info.isFile()) throw new BriefingError(`${file}: cannot read ${what}: not a regular file (a pipe, socket or device); give the ${what} file itself`, EXIT.usage);
    if (info.size > maxBytes) {
      throw new BriefingError(`${file}: the ${what} is ${mb(info.size)}, over the ${mb(maxBytes)} limit for one ${what}; nothing was read. Split it, or raise the limit with --max-canvas-mb (env BRIEFING_MAX_CANVAS_MB)`, EXIT.invalidData);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** What a symbolic link that leads back to itself is, said (ELOOP). */
export const LINK_LOOP = 'it is a symbolic link that leads back to itself (a loop of links): point it at the canvas file';

/** Where a symbolic link points (its target missing or not); undefined for a path that is not one. */
export function linkTarget(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A canvas file's text. It must be UTF-8: bytes that are not (a file saved as Windows-1252 or Latin-1 by
 * a spreadsheet export, or as UTF-16) would print as U+FFFD, a wrong character in a name or a figure
 * with nothing said. Refused at the line and column of the first such byte (exit 3). A UTF-8 byte-order
 * mark is allowed (the YAML reader skips it).
 */
export function decodeCanvas(bytes: Buffer, file: string): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const bad = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  const line = bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const column = bytes.subarray(lineStart, bad).toString('utf8').length + 1;
  const shown = Array.from(bytes.subarray(bad, bad + 4).filter((b) => b >= 0x80)).slice(0, 2).map((b) => `0x${b.toString(16).toUpperCase()}`).join(' ');
  const why = utf16 ? 'the file is UTF-16 text' : `bytes that are not UTF-8 text (${shown}), as a file saved as Windows-1252 or Latin-1 has`;
  throw new BriefingError(
    `${file}:${utf16 ? '1:1' : `${line}:${column}`}: ${why}: save the canvas as UTF-8 (in an editor or a spreadsheet's "Save as", choose the encoding UTF-8) and run again`,
    EXIT.invalidData,
  );
}

/** The offset of the first byte that does not belong to well-formed UTF-8 (as the Unicode standard defines it). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const follow = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    const next = bytes[i + 1];
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && next < 0xa0) || (b === 0xed && next > 0x9f) || (b === 0xf0 && next < 0x90) || (b === 0xf4 && next > 0x8f)) return i;
    i += follow + 1;
  }
  return bytes.length;
}
