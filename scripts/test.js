#!/usr/bin/env node
// `npm test`: lint (ESLint), type-check (tsc) and the tests (vitest), side by side. The tests' global
// setup waits on a browser much of the time, and on a 2-core machine ESLint and tsc fill that idle
// time instead of adding their own. vitest prints as it goes; ESLint's and tsc's output is held
// back and printed after it, so the three never interleave. Arguments go to vitest
// (`npm test -- --reporter=json`). The exit code is non-zero when any of the three failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compiledCli } from '../bin/compiled-cli.js';

const require = createRequire(import.meta.url);

/** The file a package's `bin` entry names, run with this Node rather than through a shell. */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[name]);
}

/** Runs a tool; resolves to its exit code and, when `quiet`, what it printed. */
function run(label, file, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => resolve({ label, code: 1, output: `${label} could not start: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ label, code: code ?? (signal ? 1 : 0), output }));
  });
}

// Both keep what they learnt in node_modules/.cache (gone with node_modules, never committed): a
// contributor's second run re-checks only the files that changed, in a second or two instead of ten.
const CACHE = 'node_modules/.cache/canvas-briefing';
const checks = [
  run('lint (eslint .)', bin('eslint', 'eslint'), ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint`], true),
  run('type-check (tsc --noEmit)', bin('typescript', 'tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsc.tsbuildinfo`], true),
];
// The tests run the real `briefing` too: compiled once here, before they start several at a time (bin/compiled-cli.js).
// A source that does not compile is said here, once; tsc and the tests then say where it breaks them.
await compiledCli().catch((error) => console.error(`error: ${error.message}`));
const tests = await run('tests (vitest run)', bin('vitest', 'vitest'), ['run', ...process.argv.slice(2)], false);
const results = [...(await Promise.all(checks)), tests];

for (const { label, code, output } of results.slice(0, 2)) {
  if (output.trim()) process.stdout.write(`\n${label}:\n${output}`);
  console.log(`${code === 0 ? 'passed' : 'FAILED'}: ${label}`);
}
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) console.log(`\nnpm test failed: ${failed.map((r) => r.label).join(', ')}`);
process.exitCode = failed.length > 0 ? 1 : 0;
