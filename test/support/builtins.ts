/** A Node builtin's function replaced for the length of a test's block. */
import { syncBuiltinESMExports } from 'node:module';

/**
 * Runs `body` with `module[name]` (of node:fs, node:os, node:crypto...) replaced by `replacement`: on the module's object
 * and in the named exports src/ imports, which syncBuiltinESMExports carries it over to. Put back afterwards, both,
 * whatever `body` does: the worker's other test files share the module.
 */
export async function withBuiltin<M extends object, K extends keyof M, T>(module: M, name: K, replacement: M[K], body: () => T | Promise<T>): Promise<T> {
  const original = module[name];
  Object.assign(module, { [name]: replacement });
  syncBuiltinESMExports();
  try {
    return await body();
  } finally {
    Object.assign(module, { [name]: original });
    syncBuiltinESMExports();
  }
}
