/**
 * The theme folders a worker writes for its jobs (a job carries its theme's files, jobs.ts PackedFile), each
 * under the hash of its files in the worker's scratch folder, written once for all the jobs that name it. A
 * worker runs for days, and every edit of a theme is another one: at most `limit` are kept, the least recently
 * used that no job in hand uses going first. Kept them all, a worker whose jobs named 400 themes held 400
 * folders (each theme up to 20 MB) until it stopped.
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../hash.ts';
import { unpackFolder, type PackedFile } from './jobs.ts';

/** Theme folders a worker keeps written (more only while its jobs in hand use more). */
export const THEME_FOLDERS = 16;

export interface ThemeFolders {
  /** The folder holding `files`, written there first if it is not: it stays until release() is called. */
  hold(files: PackedFile[]): Promise<{ dir: string; release(): void }>;
  /** The folders kept (written or being written). */
  readonly size: number;
}

interface Folder {
  writing: Promise<string>;
  /** Jobs holding it. */
  users: number;
}

export function themeFolders(scratch: string, limit = THEME_FOLDERS): ThemeFolders {
  /** Least recently held first. */
  const folders = new Map<string, Folder>();
  /** Folders being removed: one written again under the same name waits for its removal. */
  const removing = new Map<string, Promise<void>>();

  const prune = () => {
    for (const [dir, folder] of folders) {
      if (folders.size <= limit) return;
      if (folder.users > 0) continue;
      folders.delete(dir);
      const removal = folder.writing
        .then(() => rm(dir, { recursive: true, force: true }), () => {}) // one that failed to write left nothing
        .catch(() => {})
        .finally(() => {
          if (removing.get(dir) === removal) removing.delete(dir);
        });
      removing.set(dir, removal);
    }
  };

  return {
    async hold(files) {
      const dir = join(scratch, `theme-${sha256(JSON.stringify(files)).slice(0, 16)}`);
      let folder = folders.get(dir);
      if (folder === undefined) {
        const gone = removing.get(dir);
        const writing = (async () => {
          await gone;
          const partial = await mkdtemp(`${dir}.partial-`);
          try {
            await unpackFolder(files, partial);
            await rename(partial, dir);
          } catch (error) {
            await rm(partial, { recursive: true, force: true }).catch(() => {});
            throw error;
          }
          return dir;
        })();
        folder = { writing, users: 0 };
        const written = folder;
        writing.catch(() => {
          if (folders.get(dir) === written) folders.delete(dir); // tried again by the next job that names it
        });
      } else {
        folders.delete(dir); // most recently used last
      }
      folders.set(dir, folder);
      folder.users++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        folder.users--;
        prune();
      };
      try {
        await folder.writing;
      } catch (error) {
        release();
        throw error;
      }
      return { dir, release };
    },
    get size() {
      return folders.size;
    },
  };
}
