/** Printers that print nothing real, for pipeline tests without a browser. */
import type { Printer, PrintJob, PrintResult } from '../../src/print/index.ts';

/**
 * A printer whose every print answers `answer(html, job, n)` (n counts prints from 1); it records what
 * it was given, and in `calls` the order of launch() and print() calls.
 */
export function fakePrinter(answer: (html: string, job: PrintJob, n: number) => PrintResult) {
  const printed: Array<{ html: string; job: PrintJob }> = [];
  const calls: Array<'launch' | 'print'> = [];
  const printer: Printer = {
    async print(html, job) {
      calls.push('print');
      printed.push({ html, job });
      return answer(html, job, printed.length);
    },
    async launch() {
      calls.push('launch');
    },
    async close() {},
    async [Symbol.asyncDispose]() {},
    state: { launches: 0 },
  };
  return { printer, printed, calls };
}
