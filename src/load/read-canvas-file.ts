/**
 * load/: a canvas file's bytes, read only when it is what a canvas must be: a regular file (a pipe or
 * device would block forever, or never end) no larger than the limit (a 50 MB "canvas" is a mistake
 * or an attack, not a briefing).
 */
import { constants } from 'node:fs';
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
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ENAMETOOLONG' ? 'the name is too long' : (cause as Error).message;
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
