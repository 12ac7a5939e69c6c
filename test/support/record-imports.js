// Preloaded with `node --import ./test/support/record-imports.js bin/briefing.js ...`: appends the URL of
// every module the process loads, one a line, to the file named by RECORD_IMPORTS, so a test can see
// which libraries a command loaded. Plain JavaScript: it runs before tsx is registered.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.RECORD_IMPORTS;
if (file) {
  // ES modules: a resolve hook (it runs on the loader thread) sees every import, ours and the packages'.
  const hook = `
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, nextResolve) {
      const resolved = await nextResolve(specifier, context);
      appendFileSync(${JSON.stringify(file)}, resolved.url + '\\n');
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  // CommonJS: on Node 20, require() bypasses that hook (charts/ requires @napi-rs/canvas), but every
  // required file stays in the shared require cache.
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(file, Object.keys(require.cache).map((path) => `${pathToFileURL(path).href}\n`).join(''));
  });
}
