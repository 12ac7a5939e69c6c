/** Writing a file so that readers see the old or the new one, never half: the manifest, the send journal, the outbox. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { BriefingError, EXIT } from './errors.ts';

/** Writes `data` to `path` through a temporary file beside it and a rename. Failures are BriefingErrors (EXIT.output). */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.partial`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new BriefingError(`cannot write ${path}: ${(cause as Error).message}`, EXIT.output, { cause });
  }
}
