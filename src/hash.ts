/** SHA-256, as the manifest (plan/) and the output folder (deliver/) record and compare file contents. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of text (as UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
