/**
 * load/: a canvas file as it was at a git revision (`briefing diff --since`, `build --since`), read with
 * `git -C <its folder> show REV:./<its name>`: git run directly (execFile, no shell), its output the file's bytes.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { isCommitHash } from '../commits.ts';
import { DEFAULT_MAX_CANVAS_BYTES } from './read-canvas-file.ts';

/** How long git may take to print one file. */
const GIT_TIMEOUT_MS = 30_000;

/**
 * The bytes of `file` at `revision` in the git repository it is in. A BriefingError (usage) when git is
 * missing, the file is not in a repository, or the revision (or the file at that revision) does not exist.
 */
export async function readAtRevision(file: string, revision: string, maxBytes = DEFAULT_MAX_CANVAS_BYTES): Promise<{ bytes: Buffer; renamedFrom?: string }> {
  if (!safeRevision(revision)) {
    throw new BriefingError(`"${revision}" is not a git revision --since can read ${file} at (a commit, branch or tag such as HEAD, HEAD~1, v2025-q2; without "-" at the start, ":" or spaces)`, EXIT.usage);
  }
  const dir = dirname(resolve(file));
  const name = basename(file);
  const run = (path: string) => new Promise<Buffer>((done, fail) => {
    execFile('git', ['-C', dir, 'show', '--no-textconv', `${revision}:${path}`], {
      encoding: 'buffer',
      maxBuffer: maxBytes,
      timeout: GIT_TIMEOUT_MS,
      windowsHide: true,
      env: gitEnv(),
    }, (error, stdout, stderr) => (error ? fail(Object.assign(error, { stderr: stderr.toString('utf8') })) : done(stdout)));
  });
  try {
    return { bytes: await run(`./${name}`) };
  } catch (cause) {
    const failure = gitFailure(cause as NodeJS.ErrnoException & { stderr?: string; killed?: boolean }, file, revision, maxBytes);
    // Renamed (or moved) since, in a commit: read under the name it had then, as `git log --follow` finds it.
    if (failure.message.startsWith(`${file} did not exist at revision`)) {
      const { top, path } = await pathAt(dir, name, revision);
      const bytes = path === undefined ? undefined : await run(path).catch(() => undefined);
      // Named as the file was given (relative, "data/acme.yaml", for "data/acme-group.yaml"): git's top is a real path.
      if (bytes !== undefined) return { bytes, renamedFrom: join(dirname(file), relative(realpathSync(dir), join(top, path!))) };
    }
    throw failure;
  }
}

/**
 * The path (from the repository's top, `top`) the file `name` in `dir` had at `revision`, following renames since: the name
 * the first commit after it that touched the file found it under. Not any of the names it had before, newest first: one of
 * those (taken since by another file, deleted before the file was renamed to it) may be another file at `revision`.
 * Undefined if git cannot say, or the file was added since.
 */
function pathAt(dir: string, name: string, revision: string): Promise<{ top: string; path?: string }> {
  const git = (args: string[]) => gitText(dir, args);
  return Promise.all([git(['rev-parse', '--show-toplevel']), git(['log', '--follow', '--name-status', '--format=', '-M', `${revision}..HEAD`, '--', `./${name}`])]).then(([top, log]) => {
    // Newest first: the last line is the first change since, "R093\told\tnew" for a rename, "M\tpath" for an edit, "A\tpath" for an add.
    const [status, path] = (log ?? '').split('\n').filter(Boolean).at(-1)?.split('\t') ?? [];
    return { top: (top ?? '').trim(), ...(top === undefined || path === undefined || status.startsWith('A') ? {} : { path }) };
  });
}

/**
 * The commit `revision` names now in the repository of `file` (git rev-parse): what a --since given as HEAD or a
 * branch meant when a briefing was built, kept so that a later build means the same (undefined when git cannot say).
 */
export async function commitOf(file: string, revision: string): Promise<string | undefined> {
  if (!safeRevision(revision)) return undefined;
  const out = await gitText(dirname(resolve(file)), ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const commit = out?.trim();
  return commit !== undefined && isCommitHash(commit) ? commit : undefined;
}

/** What git prints for `args` run in `dir` (paths unquoted), or undefined when it fails. */
function gitText(dir: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', ['-C', dir, '-c', 'core.quotePath=false', ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: GIT_TIMEOUT_MS, windowsHide: true, env: gitEnv() }, (error, stdout) => done(error ? undefined : stdout));
  });
}

/**
 * Whether `revision` can be passed to git as an argument: one starting with "-" would be read as an option, and a
 * ":" would change which path is read.
 */
function safeRevision(revision: string): boolean {
  return revision !== '' && !revision.startsWith('-') && !/[:\s\u0000-\u001f\u007f]/.test(revision);
}

/** Git's messages in English, to tell its failures apart; no pager, no prompt. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' };
}

function gitFailure(error: NodeJS.ErrnoException & { stderr?: string; killed?: boolean }, file: string, revision: string, maxBytes: number): BriefingError {
  const said = (error.stderr ?? '').split('\n').map((l) => l.trim()).find((l) => /^(fatal|error):/.test(l)) ?? (error.stderr ?? '').trim().split('\n')[0] ?? '';
  const git = said ? ` (git: ${said.replace(/^(fatal|error):\s*/, '')})` : '';
  const options = { cause: error };
  if (error.code === 'ENOENT') {
    return new BriefingError(`git was not found, so ${file} cannot be read at revision ${revision}: install git (or put it on PATH), or compare with a copy of the earlier canvas (briefing diff OLD NEW, build --since FILE)`, EXIT.usage, options);
  }
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new BriefingError(`${file} at revision ${revision} is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit for one canvas; nothing was read. Raise the limit with --max-canvas-mb (env BRIEFING_MAX_CANVAS_MB)`, EXIT.invalidData, options);
  }
  if (error.killed) return new BriefingError(`git took over ${GIT_TIMEOUT_MS / 1000} s to show ${file} at revision ${revision}; nothing was read`, EXIT.usage, options);
  if (/not a git repository/i.test(said)) {
    return new BriefingError(`${file} is not in a git repository, so there is no revision ${revision} to read it at; compare with a copy of the earlier canvas instead (briefing diff OLD NEW, build --since FILE)`, EXIT.usage, options);
  }
  if (/does not exist in|exists on disk, but not in/i.test(said)) {
    return new BriefingError(`${file} did not exist at revision ${revision}${git}`, EXIT.usage, options);
  }
  if (/invalid object name|unknown revision|bad revision|ambiguous argument|not a valid object name/i.test(said)) {
    return new BriefingError(`no revision "${revision}" in the git repository of ${file}${git}`, EXIT.usage, options);
  }
  return new BriefingError(`git could not show ${file} at revision ${revision}${git || ` (exit code ${String(error.code)})`}`, EXIT.usage, options);
}
