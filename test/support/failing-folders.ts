/**
 * Folders that fail as a full disk (ENOSPC), a used-up quota (EDQUOT) or a read-only file system (EROFS) would,
 * which a test cannot make for real without mounting one. node:fs/promises answers for a path in such a folder
 * as the kernel does:
 * - full (ENOSPC, EDQUOT): a file written is created, takes the first half of its data and fails in the write,
 *   as a write that fills the disk does; what is there can still be renamed, read and removed.
 * - read-only (EROFS): nothing is created, renamed or removed, and access(W_OK) refuses; reading works.
 * Its functions are replaced on the module's object and synced into its named exports (syncBuiltinESMExports),
 * which src/ imports; restored after the test file, and the folders cleared after each test.
 */
import { constants, existsSync, promises as fsPromises } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, afterEach, vi } from 'vitest';

export type FolderFault = 'ENOSPC' | 'EDQUOT' | 'EROFS';

const DESCRIPTIONS: Record<FolderFault, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

type Original = (...args: unknown[]) => Promise<unknown>;

/**
 * Installs the faults for this test file (call it at the top level); returns the map of failing places to set
 * (path -> fault), from any moment of a test on: a folder, for all that is under it, or a file, for it and its
 * temporary files (<file>.<hex>.partial).
 */
export function failingFolders(): Map<string, FolderFault> {
  const broken = new Map<string, FolderFault>();
  const faultAt = (path: unknown): FolderFault | undefined => {
    const p = String(path);
    for (const [at, code] of broken) if (p === at || p.startsWith(`${at}/`) || p.startsWith(`${at}.`)) return code;
    return undefined;
  };
  const errno = (code: FolderFault, syscall: string, path: unknown) =>
    Object.assign(new Error(`${code}: ${DESCRIPTIONS[code]}, ${syscall} '${String(path)}'`), { code, syscall, path: String(path), errno: -1 });
  const originals = new Map<string, Original>();
  const original = (name: string) => originals.get(name)!;
  const behaviours: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    async writeFile(path, data, ...rest) {
      const code = faultAt(path);
      if (code === undefined) return original('writeFile')(path, data, ...rest);
      // The kernel answers an exclusive create of a file that exists EEXIST, read-only or not (a lock taken again).
      const exclusive = String((rest[0] as { flag?: string } | undefined)?.flag ?? '').includes('x');
      if (code === 'EROFS') throw exclusive && existsSync(String(path)) ? Object.assign(errno(code, 'open', path), { code: 'EEXIST', message: `EEXIST: file already exists, open '${String(path)}'` }) : errno(code, 'open', path);
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      if (bytes.length === 0) return original('writeFile')(path, data, ...rest);
      await original('writeFile')(path, bytes.subarray(0, Math.ceil(bytes.length / 2)), ...rest); // EEXIST and all, as the open would
      throw errno(code, 'write', path);
    },
    async access(path, mode) {
      const code = faultAt(path);
      if (code === 'EROFS' && typeof mode === 'number' && (mode & constants.W_OK) !== 0) throw errno(code, 'access', path);
      return original('access')(path, mode);
    },
    async rename(from, to) {
      const code = faultAt(from) ?? faultAt(to);
      if (code === 'EROFS') throw errno(code, 'rename', from);
      return original('rename')(from, to);
    },
    async rm(path, ...rest) {
      // A missing file is not looked for on a read-only file system any more than on another: rm with force is fine.
      if (faultAt(path) === 'EROFS' && existsSync(String(path))) throw errno('EROFS', 'unlink', path);
      return original('rm')(path, ...rest);
    },
    async rmdir(path, ...rest) {
      if (faultAt(path) === 'EROFS' && existsSync(String(path))) throw errno('EROFS', 'rmdir', path);
      return original('rmdir')(path, ...rest);
    },
    async mkdir(path, ...rest) {
      if (faultAt(path) === 'EROFS' && !existsSync(String(path))) throw errno('EROFS', 'mkdir', path);
      return original('mkdir')(path, ...rest);
    },
  };
  const spies = Object.entries(behaviours).map(([name, behaviour]) => {
    const key = name as 'writeFile' | 'access' | 'rename' | 'rm' | 'rmdir' | 'mkdir';
    originals.set(name, (fsPromises[key] as Original).bind(fsPromises));
    return vi.spyOn(fsPromises, key).mockImplementation(behaviour as never);
  });
  syncBuiltinESMExports();
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
    syncBuiltinESMExports();
  });
  afterEach(() => broken.clear());
  return broken;
}
