/** The command line's entry point; it lives in cli/ (main.ts), this keeps `src/cli.ts` importable. */
export { main, type Io } from './cli/main.ts';
