import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import puppeteer, { ProtocolError, TimeoutError, type Browser } from 'puppeteer-core';
import { BriefingError, EXIT } from '../errors.ts';
import { groupAlive, processesNaming, processExists } from '../processes.ts';
import { BROWSER_INSTALL_HINT, type FoundBrowser } from './find-browser.ts';
import { withTimeout } from './with-page.ts';

/** A running browser plus what it takes to get rid of it completely: the process and its profile directory. */
export interface LaunchedBrowser {
  browser: Browser;
  found: FoundBrowser;
  pid: number | undefined;
  userDataDir: string;
  /** Closes the browser (killing it if it does not close), removes the profile dir; safe to call repeatedly. */
  dispose(): Promise<void>;
}

/** Prefix of the temporary profile directories, so a leftover one is recognisable as ours. */
export const USER_DATA_DIR_PREFIX = 'canvas-briefing-chromium-';

/** Launches a headless browser with a throwaway profile; failures become BriefingErrors naming the executable. */
export async function launchBrowser(found: FoundBrowser, opts: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<LaunchedBrowser> {
  const env = opts.env ?? process.env; // BRIEFING_NO_SANDBOX is read here, as the printer's other settings are
  removeAbandonedProfiles();
  // A fresh profile per launch: no state leaks between runs, and nothing in the user's own profile is touched.
  const userDataDir = await mkdtemp(join(tmpdir(), USER_DATA_DIR_PREFIX)).catch((error: NodeJS.ErrnoException) => {
    // The machine's temporary folder, not the canvas: said as such, with what to set.
    throw new BriefingError(`cannot make the browser's profile folder in ${tmpdir()} (${error.code ?? error.message}): the temporary folder (TMPDIR) must exist and be writable; set TMPDIR to one that is, or create it`, EXIT.browserNotFound, { cause: error });
  });
  // Whose it is: once this process is gone, so is its browser (its pipe closed), and the next launch removes the profile.
  try {
    writeFileSync(join(userDataDir, OWNER_FILE), `${hostname()}-${process.pid}`);
  } catch {
    // Without it, a profile left behind is removed when an hour old.
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: found.path,
      userDataDir,
      // The headless shell is Chromium's printing engine without the browser around it: half the start-up
      // cost of Chrome's headless mode, the same PDF (see browserArgs).
      headless: isHeadlessShell(found.path) ? 'shell' : true,
      // A pipe instead of a debugging port: no TCP listener, and the browser exits when we go away.
      pipe: true,
      args: browserArgs(env),
      env: browserEnv(userDataDir),
      // The CLI decides what a signal means and calls close(); Puppeteer's own handlers would exit the
      // process before the profile dir could be removed.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: opts.timeoutMs,
      protocolTimeout: opts.timeoutMs * 2,
    });
  } catch (error) {
    // Puppeteer has killed what it started, but its helper processes may still be writing into the
    // profile as they die (seen under load): remove it until it stays gone. Its singleton-socket folder
    // beside it goes too.
    await removeUntilGone(userDataDir, undefined, PROFILE_GONE_MS, false);
    throw launchError(found, opts.timeoutMs, error, env);
  }

  const proc = browser.process();
  const pid = proc?.pid;
  // The browser's pipes answer for themselves as long as they are open. Puppeteer listens for errors on its command
  // pipe (stdio 3, which Node reads too) only until the browser is closed or disconnected, and then takes its
  // listener away, leaving the pipe open: a browser that died with commands unread in that pipe (killed mid-print)
  // resets it only when the last of its processes holding it goes, a dying renderer or our own kill of its group in
  // dispose(), and Node then emits "read ECONNRESET" on a socket nobody listens to. Unhandled, that 'error' event
  // ended the process: a `briefing worker` exited 1 with a stack trace instead of retrying the briefing. The browser's
  // death is told by 'disconnected' and by the print it failed; what its pipes say as it goes adds nothing.
  for (const stream of proc?.stdio ?? []) stream?.on('error', () => {});
  // Known now, while the profile links to it: a browser killed as it shuts down (close() timed out under load)
  // has removed that link but not yet the folder.
  const socketDir = singletonSocketDir(userDataDir);
  // Last resort if the CLI exits without close() (e.g. an uncaught error): 'exit' handlers must be synchronous.
  const onExit = () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    killProcessGroup(pid);
    try {
      removeProfile(userDataDir, socketDir);
    } catch {
      // Nothing more can be done while the process exits.
    }
  };
  process.on('exit', onExit);

  let disposing: Promise<void> | undefined;
  const dispose = () =>
    (disposing ??= (async () => {
      process.off('exit', onExit);
      // close() can hang on a wedged browser; after a grace period the process is killed instead.
      await withTimeout(browser.close(), 5_000, 'closing the browser').catch(() => {});
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        proc.kill('SIGKILL');
        await withTimeout(exited, 5_000, 'the browser\'s exit').catch(() => {});
      }
      killProcessGroup(pid);
      // SIGKILL is delivered, not done: a loaded machine takes a moment to tear the helpers down. Closed means gone.
      const settled = await groupGone(pid, 2_000);
      // (What still stays, a file held open past it, is recognisable by its prefix and owner: the next launch removes it.)
      await removeUntilGone(userDataDir, socketDir, PROFILE_GONE_MS, settled);
    })());

  // The blank tab Chromium opens at start prints nothing and holds a renderer of some 60 MB for the whole run:
  // every print opens a page of its own (or takes over one a print left).
  await withTimeout((async () => {
    for (const page of await browser.pages()) await page.close();
  })(), 5_000, 'closing the blank tab').catch(() => {});
  // Gone meanwhile (killed, crashed): the caller would only learn it from a print, as 'disconnected' has fired.
  if (!browser.connected) {
    await dispose();
    throw launchError(found, opts.timeoutMs, new Error('the browser exited right after it started'), env);
  }
  return { browser, found, pid, userDataDir, dispose };
}

/**
 * How long a profile is removed again while it comes back: a browser's helpers, killed under load, may still write into it
 * for seconds (a full test run left one behind after the 2 s this was).
 */
const PROFILE_GONE_MS = 6_000;

/**
 * Removes a profile, and again every 100 ms while it is there, for at most `ms`. `settled`: its browser's processes are
 * known gone, and a profile removed stays so (no wait); else one removed is looked at again 100 ms later, as a helper
 * still dying may write into it again.
 */
async function removeUntilGone(userDataDir: string, socketDir: string | undefined, ms: number, settled: boolean): Promise<void> {
  for (const end = Date.now() + ms; ;) {
    try {
      removeProfile(userDataDir, socketDir);
    } catch {
      // A file still held open: the next round tries again.
    }
    if (settled && !existsSync(userDataDir)) return;
    await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(userDataDir) || Date.now() >= end) return;
  }
}

/** Whether `executable` is Chromium's headless shell (Debian's chromium-headless-shell, Puppeteer's chrome-headless-shell). */
export function isHeadlessShell(executable: string): boolean {
  return /(chrome|chromium)[-_]headless[-_]shell(\.exe)?$/i.test(basename(executable));
}

/** How old a profile without a browser lock or an owner must be before it counts as abandoned, when no running browser names it either. */
const ABANDONED_PROFILE_MS = 60 * 60 * 1000;
/** A file in each profile naming the host and pid of the process that made it (not Chromium's). */
const OWNER_FILE = 'canvas-briefing-owner';

/**
 * Removes the profiles of runs that were killed (kill -9, a lost machine) before they could remove
 * their own: ours by name, in this temporary folder, whose browser is gone. Chrome's SingletonLock
 * names its host and pid; a profile without one (the headless shell writes none; a Chrome closed as its owner
 * died) is removed when the process that made it (OWNER_FILE) is gone too, and one that says neither only when old
 * and no running browser names it (a headless shell's folder does not change as it prints, however long it runs).
 */
export function removeAbandonedProfiles(dir = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(USER_DATA_DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const profile = join(dir, name);
    try {
      const lock = hostAndPid(readlinkSync(join(profile, 'SingletonLock')));
      if (lock === undefined || goneFromHere(lock)) removeProfile(profile);
    } catch {
      // No lock: a launch in progress, or a browser that closed as the process that owned it was killed.
      try {
        const owner = ownerOf(profile);
        const gone = owner === undefined ? Date.now() - statSync(profile).mtimeMs > ABANDONED_PROFILE_MS && processesNaming(profile).length === 0 : goneFromHere(owner);
        if (gone) removeProfile(profile);
      } catch {
        // Gone already, or not ours to read.
      }
    }
  }
}

/** The host and pid OWNER_FILE names; undefined without one (a profile of an earlier version). */
function ownerOf(profile: string): { host: string; pid: number } | undefined {
  try {
    return hostAndPid(readFileSync(join(profile, OWNER_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** "host-pid", as Chromium's SingletonLock and OWNER_FILE write a process. */
function hostAndPid(text: string): { host: string; pid: number } | undefined {
  const m = /^(.*)-(\d+)$/.exec(text);
  return m === null ? undefined : { host: m[1]!, pid: Number(m[2]) };
}

/** A process of this machine that is gone (one of another machine's cannot be asked about). */
function goneFromHere(owner: { host: string; pid: number }): boolean {
  return owner.host === hostname() && !processExists(owner.pid);
}

/** The folder Chromium keeps in TMPDIR for its singleton socket (org.chromium.Chromium.*), as the profile's SingletonSocket links to it. */
function singletonSocketDir(userDataDir: string): string | undefined {
  try {
    const socketDir = dirname(readlinkSync(join(userDataDir, 'SingletonSocket')));
    return /^org\.chromium\.Chromium\.\w+$/.test(basename(socketDir)) ? socketDir : undefined;
  } catch {
    // No socket link (the browser never got that far, or removed it as it closed).
    return undefined;
  }
}

/**
 * Removes the profile and the folder Chromium keeps beside it in TMPDIR for its singleton socket
 * (org.chromium.Chromium.*, linked from the profile's SingletonSocket): the browser removes that folder
 * when it closes normally, but a crashed or killed one leaves it behind. `known` is the folder read at launch, for
 * a browser that removed the link and was killed before it removed the folder.
 */
function removeProfile(userDataDir: string, known?: string): void {
  const socketDir = singletonSocketDir(userDataDir) ?? known;
  try {
    if (socketDir !== undefined) rmSync(socketDir, { recursive: true, force: true });
  } catch {
    // Not ours to remove after all, or held: the profile goes all the same.
  }
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/**
 * Kills what is left of the browser's process group. Puppeteer starts the browser as a group leader (detached,
 * except on Windows); its zygote and helper processes outlive the main process by a moment after a normal close,
 * and indefinitely after a crash. The group id cannot be reused while any member exists, so this is safe.
 */
function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

/** Waits, up to `ms`, until no live process (zombies aside) is left in the group `pid` led; whether none is (false for no pid). */
async function groupGone(pid: number | undefined, ms: number): Promise<boolean> {
  if (pid === undefined) return false;
  for (const end = Date.now() + ms; Date.now() < end && groupAlive(pid); ) await new Promise((r) => setTimeout(r, 20));
  return !groupAlive(pid);
}

/** Chromium flags: headless and quiet, with nothing phoning home (the page itself is cut off by request interception). */
function browserArgs(env: NodeJS.ProcessEnv): string[] {
  const args = [
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // /dev/shm is tiny in containers; Chromium would crash on large pages.
    '--disable-dev-shm-usage',
    // The network cut at the source, not only by request interception (which never sees what
    // Chromium opens on its own, e.g. for <link rel=preconnect>): no name resolves, every connection
    // (loopback too) goes to a proxy on a port where nothing listens, and nothing is predicted or prefetched.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=http://127.0.0.1:1',
    '--proxy-bypass-list=<-loopback>',
    '--dns-prefetch-disable',
    '--disable-features=NetworkPrediction,PreconnectToSearch',
    // Glyphs placed at their exact widths, not rounded to whole pixels: the headless shell would otherwise
    // lay text out wider than Chrome does (other line breaks, "LAT E 20 25" when copied). Chrome's own layout is unchanged.
    '--font-render-hinting=none',
  ];
  if (withoutSandbox(env)) args.push('--no-sandbox');
  return args;
}

/**
 * Whether the browser runs without its sandbox: as root always (Chromium refuses to start there with it on); as a normal
 * user the sandbox stays, unless they turn it off (BRIEFING_NO_SANDBOX=1) where it cannot start (see sandboxProblem).
 */
export function withoutSandbox(env: NodeJS.ProcessEnv): boolean {
  return process.getuid?.() === 0 || env.BRIEFING_NO_SANDBOX === '1';
}

/**
 * The browser's environment. On Linux, Chromium's crash handler keeps its database in $XDG_CONFIG_HOME/chromium
 * whatever the flags say, and dconf writes to $XDG_CACHE_HOME; pointing both into the throwaway profile keeps
 * every file the browser writes inside the directory we delete.
 */
function browserEnv(userDataDir: string): NodeJS.ProcessEnv {
  if (process.platform !== 'linux') return process.env;
  return { ...process.env, XDG_CONFIG_HOME: join(userDataDir, 'xdg-config'), XDG_CACHE_HOME: join(userDataDir, 'xdg-cache') };
}

/**
 * Turns a Puppeteer launch failure into an actionable error. With a pipe connection Puppeteer only reports
 * "Target closed" when the executable is not a working browser, so the executable is asked for --version to
 * tell "not a browser / cannot run here" (browserNotFound) from "a browser that failed to start" (render).
 */
function launchError(found: FoundBrowser, timeoutMs: number, error: unknown, env: NodeJS.ProcessEnv): BriefingError {
  const detail = (error instanceof Error ? error.message : String(error)).trim();
  const origin = ORIGIN_NAMES[found.source];
  if (isTimeout(error)) {
    // Puppeteer's own words are left to the cause: they name its settings ("Increase the 'protocolTimeout' setting in
    // launch/connect calls"), which no user of this tool can set.
    return new BriefingError(
      `The browser ${found.path} (found via ${origin}) timed out after ${seconds(timeoutMs)} while starting. ` +
        `The machine may be overloaded; try again, or ${RAISE_TIMEOUT}.`,
      EXIT.render,
      { cause: error, kind: 'the browser timed out starting' },
    );
  }
  const version = probeVersion(found.path);
  const sandbox = version.ok ? sandboxProblem(found.path, env) : undefined;
  if (sandbox !== undefined) {
    // Not worth trying again: the same browser fails the same way for this user on this machine.
    return new BriefingError(
      `The browser ${found.path} (found via ${origin}, ${version.report}) cannot start its sandbox here (Chromium: "${sandbox}"). ` +
        'Chromium isolates the pages it prints in a sandbox made of Linux user namespaces (or a setuid chrome-sandbox helper), ' +
        'and this machine gives this user neither (a container whose seccomp profile refuses user namespaces, a system that ' +
        'turned them off, e.g. Ubuntu 23.10+ with AppArmor). Either let Chromium have one (on Debian, as root: ' +
        '`apt-get install chromium-sandbox`; see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md), ' +
        'or print without the sandbox, as canvas-briefing always does as root, with BRIEFING_NO_SANDBOX=1 ' +
        '(only for canvases and themes you trust).',
      EXIT.browserNotFound,
      { cause: error },
    );
  }
  if (!version.ok) {
    return new BriefingError(
      `Could not start the browser ${found.path} (found via ${origin}): it does not run as a Chrome/Chromium ` +
        `(\`${found.path} --version\` ${version.report}). Launch error: ${detail}\n${BROWSER_INSTALL_HINT}`,
      EXIT.browserNotFound,
      { cause: error },
    );
  }
  return new BriefingError(
    `The browser ${found.path} (found via ${origin}, ${version.report}) failed to start: ${detail}\n` +
      'Try again; if it keeps failing, try another Chrome/Chromium with BRIEFING_BROWSER=/path/to/chrome.',
    EXIT.render,
    { cause: error, kind: 'the browser failed to start' },
  );
}

const ORIGIN_NAMES: Record<FoundBrowser['source'], string> = {
  option: '--browser',
  env: 'an environment variable',
  'known-location': 'a known install location',
  path: 'PATH',
};

/** How a user gives launching, loading and printing longer: the option, its variable and its default (src/config.ts). */
export const RAISE_TIMEOUT = 'give it longer with --timeout SECONDS or BRIEFING_TIMEOUT (60 by default; with --redis, the worker\'s --timeout)';

/** A timeout as the user gave it, in seconds: 50 ms is "0.05 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(12))} s`;
}

/** Puppeteer reports slow launches as TimeoutError, slow protocol calls as ProtocolError "... timed out". */
export function isTimeout(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof ProtocolError && /timed out/i.test(error.message));
}

/**
 * Chromium's words when it failed to start for want of a sandbox ("No usable sandbox!"), or undefined. Through the
 * launch pipe Puppeteer says only "Target closed", so the browser is started once more, with the same flags, to print a
 * blank page, and what it says on stderr is read. Linux only: the sandbox of other systems needs nothing of the user.
 */
function sandboxProblem(file: string, env: NodeJS.ProcessEnv): string | undefined {
  if (process.platform !== 'linux') return undefined;
  let profile: string | undefined;
  try {
    profile = mkdtempSync(join(tmpdir(), USER_DATA_DIR_PREFIX));
    const result = spawnSync(file, [...browserArgs(env), `--user-data-dir=${profile}`, '--dump-dom', 'about:blank'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: browserEnv(profile),
    });
    // Its first sentence: the rest suggests --no-sandbox, which a user of this tool gives as BRIEFING_NO_SANDBOX=1.
    return /no usable sandbox!?/i.exec(result.stderr ?? '')?.[0];
  } catch {
    return undefined;
  } finally {
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Runs `<browser> --version`: the cheapest way to learn whether the file is a browser that can run here. */
function probeVersion(file: string): { ok: boolean; report: string } {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(0, 5).join(' | ');
  if (result.error) return { ok: false, report: `failed: ${result.error.message}` };
  if (result.status !== 0) return { ok: false, report: `exited with ${result.status ?? result.signal}${output ? `: ${output}` : ''}` };
  if (!/chrom|edge/i.test(output)) return { ok: false, report: `printed ${output ? `"${output}"` : 'nothing'}` };
  return { ok: true, report: output };
}
