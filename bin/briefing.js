#!/usr/bin/env node
// The `briefing` command. The sources are TypeScript: it runs them compiled (bin/compiled-cli.js, made
// on first use and again after an edit), or through tsx's loader where no compiled copy can be made,
// so a clean clone needs no build step either way.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && ['--version', '-V', '-v'].includes(args[0])) {
  // Answered before the CLI loads: a tenth of the time. The same line the CLI prints.
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else {
  const { compiledCli, discard, keepUsing, SourceError } = await import('./compiled-cli.js');
  const compiled = await compiledCli().catch((error) => {
    if (!(error instanceof SourceError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  });
  // A compiled copy that cannot be loaded (damaged on disk) is passed over for the sources, and made again next time.
  let main = compiled && (await import(compiled).then((m) => m.main, () => discard(compiled)));
  if (main) keepUsing(compiled);
  else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../src/cli/main.ts'));
  }
  process.exitCode = await main(args);
  // The command is done: a connection still closing (a queue's, with Redis gone) does not keep the process.
  setTimeout(() => process.exit(), 3000).unref();
}
