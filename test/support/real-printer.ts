/** A real browser's printer for the tests of a describe (or a file): found and started before them, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { createPrinter, findBrowser, type Printer } from '../../src/print/index.ts';

/** Call in a describe (or at a file's top level); the function returned gives the printer to its tests. */
export function realPrinter(): () => Printer {
  let printer: Printer | undefined;
  beforeAll(async () => {
    await findBrowser({});
    printer = createPrinter({ timeoutMs: 30_000 });
  }, 120_000);
  afterAll(async () => {
    await printer?.close();
  });
  return () => printer!;
}
