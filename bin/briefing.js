#!/usr/bin/env node
// The `briefing` command. The sources are TypeScript, run through tsx's loader so a
// clean clone needs no build step.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && ['--version', '-V', '-v'].includes(args[0])) {
  // Answered before the TypeScript loader and the CLI start: a tenth of the time. The same line the CLI prints.
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
  // The command is done: a connection still closing (a queue's, with Redis gone) does not keep the process.
  setTimeout(() => process.exit(), 3000).unref();
}
