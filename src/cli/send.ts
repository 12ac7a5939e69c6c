/**
 * `briefing send`: builds what is stale (as `build`; a dry run builds nothing), then sends each briefing the project
 * config routes to its lists: over SMTP when one is configured, or with --outbox into the outbox folder. Prints every
 * message and every recipient's result; the send journal keeps a re-run from sending anything twice.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { resolveOptions, type BuildFlags, type BuildOptions } from '../config.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { sha256 } from '../hash.ts';
import { MAILBOX, MAILBOX_HELP } from '../mailbox.ts';
import type { BriefingModel, BriefingSource, OtherLooks, SendEvent } from '../pipeline.ts';
import { buildFiles, folderFiles, sayKeptSince, STOP_SIGNALS } from './build.ts';
import { canvasPaths } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { count, countedFindings, findingLine, firstFive, report, severityOf, strictFailure } from './report.ts';
import { listOf, sizeText } from '../words.ts';
import { isCommitHash, shortCommit } from '../commits.ts';

export interface SendFlags extends BuildFlags {
  config?: string;
  list?: string[];
  to?: string[];
  dryRun?: boolean;
  resend?: boolean;
  /** Refuse to send anything while a canvas has findings (warnings), as check --strict fails on them. */
  strict?: boolean;
  /** Write the messages to <out>/outbox/ as .eml files, on purpose: without it, a run with no SMTP server is refused. */
  outbox?: boolean;
}

const CONFIG_FILE = 'briefing.config.yaml';

/**
 * The project config `send` reads without --config: briefing.config.yaml in the working folder, or briefing.config.yml
 * where only that is there (the spelling some editors and teams use). Both there: which one is meant is not guessed.
 */
function defaultConfig(cwd: string): string {
  const [yaml, yml] = [join(cwd, CONFIG_FILE), join(cwd, CONFIG_FILE.replace(/\.yaml$/, '.yml'))];
  if (!existsSync(yml)) return yaml;
  if (!existsSync(yaml)) return yml;
  throw new BriefingError(`both ${CONFIG_FILE} and briefing.config.yml are in ${cwd}: send reads one project config; remove or rename the other, or name one with --config FILE`, EXIT.usage);
}

export async function send(paths: string[], flags: SendFlags, io: Io): Promise<number> {
  // Without --since, each briefing is built and sent as it was last built: with its "Changes since" chapter if it had one.
  const options = { ...resolveOptions(flags, io.env), keepSince: flags.since !== false };
  for (const address of flags.to ?? []) {
    if (!MAILBOX.test(address) || /[\r\n]/.test(address)) throw new BriefingError(`--to "${address}": ${MAILBOX_HELP}`, EXIT.usage);
  }
  const { checkConfigRoutes, checkSmtpUrl, checkedAsSent, findCanvases, loadConfig, loadPrinter, otherLooks, plannedContext, sendBriefings, sinceLastBuilt, startSendRun, withOutputLock } = await import('../pipeline.ts');
  // Each canvas version checked, each --since version read and the journal read once in the run, whichever step asks first.
  const run = startSendRun();
  const { checkCanvas, previousVersion } = run;
  const configFile = flags.config ?? defaultConfig(io.cwd);
  const project = await loadConfig(configFile).catch((error: unknown) => {
    if (error instanceof BriefingError && error.exitCode === EXIT.usage && flags.config === undefined) {
      throw new BriefingError(`${error.message}. briefing send reads who gets which briefing from ${CONFIG_FILE} (or briefing.config.yml) in the working folder, or --config FILE; see README "Sending"`, EXIT.usage, { cause: error });
    }
    throw error;
  });
  // Set but empty is a value lost on its way (a cron line, a secret not passed on), not "no server": said, not taken for the outbox.
  if (io.env.BRIEFING_SMTP_URL !== undefined && io.env.BRIEFING_SMTP_URL.trim() === '') {
    throw new BriefingError('BRIEFING_SMTP_URL is set but empty: give it the SMTP server (smtp://user:password@host:587 or smtps://user:password@host:465), or unset it to use mail.smtp of the config; nothing was built or sent', EXIT.usage);
  }
  const smtpUrl = io.env.BRIEFING_SMTP_URL || undefined;
  await checkSmtpUrl(smtpUrl ?? project.config.mail.smtp, smtpUrl !== undefined ? 'BRIEFING_SMTP_URL' : `mail.smtp in ${show(configFile, io)}`);
  const listNames = Object.keys(project.config.lists);
  for (const list of flags.list ?? []) {
    if (!listNames.includes(list)) throw new BriefingError(`--list ${list}: no such list in ${show(configFile, io)}${didYouMean(nearest(list, listNames))} (lists: ${listOf(listNames, 'and')})`, EXIT.usage);
  }

  // Every route must name a briefing the canvases have, before anything is built or sent.
  // The config itself, under another name in a canvas folder (--config ir.yaml), is no canvas of the folder's.
  const named = new Set(paths.map((p) => resolve(io.cwd, p)));
  const files = (await findCanvases(canvasPaths(paths, io, 'send'))).filter((f) => resolve(io.cwd, f) !== resolve(io.cwd, configFile) || named.has(resolve(io.cwd, f)));
  const names: string[] = [];
  // What a route names: a briefing, by its canvas file's name (with --SET), or by its PDF's.
  const routes = [...new Set(project.config.send.map((r) => r.briefing))];
  // Each canvas read: the names its briefings go by, and its findings for --strict; or why it cannot be read.
  const read: Array<{ file: string; names: string[]; strict: string[] } | { file: string; error: unknown }> = [];
  /** The earlier version a canvas's "Changes since" chapter compares with: the --since given, or kept from its last build (`kept`: sinceLastBuilt). */
  const earlierOf = async (file: string, kept: Map<string, { since: string; at?: string }> | undefined) => {
    const since = options.since ?? kept?.get(file)?.at ?? kept?.get(file)?.since;
    return { since, previous: since === undefined ? undefined : await previousVersion(file, since, options.maxCanvasBytes, options.since ?? kept?.get(file)?.since).catch(() => undefined) };
  };
  // --strict counts what the build will find against its --since too (a figure corrected since, still typed as it was).
  const keptForStrict = flags.strict && options.keepSince && options.since === undefined ? await sinceLastBuilt(options.outDir, files, options.set) : undefined;
  for (const file of files) {
    try {
      const previous = flags.strict ? (await earlierOf(file, keptForStrict)).previous : undefined;
      const checked = await checkCanvas(file, { maxCanvasBytes: options.maxCanvasBytes, theme: options.theme, ...(flags.strict ? { set: options.set, previous } : {}) });
      const own = checked.models.flatMap((m) => (m.routeName === m.name ? [m.name] : [m.name, m.routeName]));
      names.push(...own);
      // --strict: the last gate before the briefings go out, as check --strict is: a finding not acknowledged stops the run;
      // so does a figure corrected since the edition its recipients hold that a text still types as it was.
      const asSent = flags.strict ? await checkedAsSent(file, checked, checked.models, { projectDir: dirname(resolve(io.cwd, configFile)), outDir: options.outDir, set: options.set, maxCanvasBytes: options.maxCanvasBytes, theme: options.theme, since: previous?.text, run }) : undefined;
      const counted = countedFindings([...checked.findings, ...(asSent?.findings ?? [])]);
      const strict = flags.strict && counted.length > 0 ? [...counted.map((f) => findingLine(f, severityOf(f, true), io)), strictFailure(file, counted.length, io)] : [];
      read.push({ file, names: own, strict });
    } catch (error) {
      read.push({ file, error }); // a canvas a route names: the build below reports it at its line
    }
  }
  // Routes whose briefing no canvas given has. Canvases given by path: the routes of the project's other canvases (in
  // ./data, or beside those given) are not this run's, and are said once, not refused as an invalid config.
  const missing = routes.filter((b) => !names.includes(b));
  const elsewhere = paths.length > 0 ? missing : [];
  const others = elsewhere.length > 0 ? await projectBriefings(files, configFile, io) : { names: [], unread: false };
  // A canvas of the project that cannot be read may be the one with the briefing: not an invalid config for that.
  const unreadable = read.flatMap((c) => ('error' in c ? [c.file] : []));
  const unclaimed = (others.unread ? missing : missing.filter((b) => !others.names.includes(b))).filter((b) => !unreadable.some((f) => namesFile(b, f)));
  // A canvas no route names is not this run's: send builds what it sends, not the drafts beside it. One that cannot be
  // read is a route's when a route names its file (its briefing's name is unknown), or names a briefing no canvas has.
  const ours = read.filter((c) => ('names' in c ? c.names.some((n) => routes.includes(n)) : unclaimed.length > 0 || routes.some((b) => namesFile(b, c.file))));
  for (const c of read) {
    if (ours.includes(c)) continue;
    // Named on the command line, it was meant to go: said, so that the run is not taken for a send of it.
    if (!('error' in c)) {
      if (named.has(resolve(io.cwd, c.file)) && options.output !== 'quiet') io.out(`${show(c.file, io)}: not sent to anyone (no route in ${show(configFile, io)} names it), so not built`);
      continue;
    }
    io.err(`warning: ${show(c.file, io)}: not sent to anyone (no route in ${show(configFile, io)} names it), so not built; it would not build: ${firstLine(c.error, c.file, io)} (briefing check ${show(c.file, io)} says it all)`);
  }
  const sending = ours.map((c) => c.file);
  const broken = ours.some((c) => 'error' in c);
  const strictFindings = ours.flatMap((c) => ('strict' in c ? c.strict : []));
  if (!broken) {
    const known = others.unread ? [...names, ...elsewhere] : [...names, ...others.names];
    await checkConfigRoutes(project, known);
    if (elsewhere.length > 0 && options.output !== 'quiet') {
      io.out(`not sent this run: ${listOf(elsewhere.map((b) => `"${b}"`), 'and')}, routed in ${show(configFile, io)}: ${elsewhere.length === 1 ? 'its canvas was' : 'their canvases were'} not given (give ${elsewhere.length === 1 ? 'it' : 'them'} too, or no PATH to send every canvas of data/)`);
    }
  }
  if (strictFindings.length > 0) {
    for (const line of strictFindings) io.err(line);
    io.err('nothing was built or sent (--strict): correct the canvas, or acknowledge a finding that stands (see docs/canvas.md), then send again');
    return EXIT.invalidData;
  }
  // What goes out is what was built and reviewed: a PDF built with --theme (or another page size) is not printed again
  // without it because send was not given it (a dry run is refused alike: it shows what the real run would do).
  const looks = await otherLooks(options.outDir, sending, options);
  if (looks !== undefined) throw new BriefingError(otherLooksMessage(looks, options.outDir, io), EXIT.usage);
  // No server, and the outbox not asked for: a run that e-mails nobody is a failure, not a success with a warning (under
  // cron, a lost variable would go unseen). A dry run says what would go, as it is.
  const noServer = smtpUrl === undefined && project.config.mail.smtp === undefined && !flags.outbox;
  if (noServer && flags.dryRun) {
    // Said, or a scheduled dry run passes while the real one it stands for is refused.
    io.err(`note: no SMTP server is configured (BRIEFING_SMTP_URL, or mail.smtp in ${show(configFile, io)}): a real run would be refused (exit 2) unless --outbox; this dry run shows the messages as the outbox would hold them`);
  }
  if (noServer && !flags.dryRun) {
    throw new BriefingError(`no SMTP server is configured (BRIEFING_SMTP_URL, or mail.smtp in ${show(configFile, io)}), so nothing would be e-mailed: set one, or pass --outbox to write the messages to ${show(join(options.outDir, 'outbox'), io)} as .eml files for a mail client to send; nothing was built or sent`, EXIT.usage);
  }

  // The output folder is this run's from the build to the last message: no other build or send meddles. Released
  // either way; a lock that cannot be removed then is said (exit 7) unless the send failed first, whose failure is said.
  return withOutputLock(options.outDir, 'send', async () => {
    // Ctrl-C from here on: during the build, buildFiles stops it (its handlers too); while sending, the message going out
    // is finished (cut off, it might be delivered yet not recorded, and sent twice), no other is begun, and the run
    // says who has it, so that another run sends the rest; in between, nothing is sent.
    const abort = new AbortController();
    let stoppedBy: NodeJS.Signals | undefined;
    const stop = (signal: NodeJS.Signals) => {
      stoppedBy = signal;
      abort.abort();
    };
    for (const s of STOP_SIGNALS) process.once(s, stop);
    try {
      await sayKeptSince(sending, options, io, 'sending its briefings');
      // What the build said, so that what it said of the figures is not said twice below.
      const said = new Set<string>();
      // A dry run prints nothing: no PDF is written (nor one the team reviewed replaced); a briefing a real run would
      // print first is said so with its message, and a canvas that would fail to build is said below.
      const built = flags.dryRun || sending.length === 0 ? { outcomes: [], code: EXIT.ok as number, interrupted: false } : await buildFiles(sending, { ...options, journal: dirname(resolve(io.cwd, configFile)), sendRun: run }, { ...io, err: (line) => { said.add(line); io.err(line); } });
      if (built.interrupted) return built.code;
      const ready = new Set(built.outcomes.flatMap((o) => (o.kind === 'built' || o.kind === 'current' ? [o.name] : [])));
      // With --list, only what is routed to those lists (also with --to: the lists then pick the briefings).
      const routed = new Set(project.config.send.filter((r) => !flags.list || r.lists.some((l) => flags.list!.includes(l))).map((r) => r.briefing));
      // The models the messages are made from, read after the build: sendBriefings checks they are the PDFs' own.
      const models: BriefingModel[] = [];
      const sources = new Map<string, BriefingSource>();
      // The --since each canvas was built with now, given or kept (the manifest records it).
      const builtSince = options.since === undefined ? await sinceLastBuilt(options.outDir, sending, options.set) : undefined;
      // A dry run says why a real run would print a briefing first as the build would (an edited theme is no edited
      // canvas): what the build would make each from but its model, the browser only looked for.
      const planned = new Map<string, { context: string; canvasSha256?: string }>();
      const totals = sendTotals();
      // What the build could not make: named again in the closing line (what the build said of them is above). The
      // output folder's own files (its manifest not saved, its lock not removed) are no briefings: said apart, as build's line does.
      for (const o of built.outcomes) if (o.kind === 'failed' && o.folderFile === undefined) totals.unbuilt.add(o.name ?? show(o.canvas, io));
      totals.folder.push(...folderFiles(built.outcomes, io));
      let contextOf: ((themeDir: string | undefined, language: string | undefined) => string) | undefined;
      if (flags.dryRun) {
        const printer = io.printer ?? loadPrinter({ executablePath: options.browser, timeoutMs: options.timeoutMs, env: io.env });
        contextOf = await plannedContext(options.pageSize, printer).catch(() => undefined);
        if (io.printer === undefined) await printer.close();
      }
      for (const file of sending) {
        // With --since, the models have the chapter the PDFs were built with (the build said it if it could not be made).
        const { since, previous } = await earlierOf(file, builtSince);
        // With the theme the build used (--theme, BRIEFING_THEME): its settings are in the model (negative figures in
        // parentheses), and a model made without it was no PDF's own, so that every briefing was refused.
        const checked = await checkCanvas(file, { set: options.set, maxCanvasBytes: options.maxCanvasBytes, previous, theme: options.theme }).catch((error: unknown) => {
          // Without the build to say it, a dry run says why a canvas would fail (its exit code is the run's).
          if (flags.dryRun) {
            const code = report(error, io);
            if (built.code === EXIT.ok) built.code = code;
            totals.unbuilt.add(show(file, io));
          }
          return undefined;
        });
        const going = (checked?.models ?? []).filter((m) => routed.has(m.name) || routed.has(m.routeName));
        models.push(...going);
        // What they are made from, kept in the journal: a later correction's message lists what changed since.
        for (const m of going) sources.set(m.name, { file, text: checked!.text, ...(options.theme === undefined ? {} : { theme: options.theme }) });
        if (contextOf !== undefined && checked !== undefined) {
          // The canvas as the build hashes it: its bytes alone without --since (with one, the build hashes both versions).
          const canvasSha256 = since === undefined ? await readFile(file).then(sha256, () => undefined) : undefined;
          for (const m of going) planned.set(m.name, { context: contextOf(checked.theme?.dir, m.meta.language), ...(canvasSha256 === undefined ? {} : { canvasSha256 }) });
        }
        if (flags.dryRun) for (const m of going) ready.add(m.name);
        // A canvas the build found up to date without reading it said nothing of its figures: what it has to say (its
        // findings, and what changed since the earlier version that asks to be checked) is said before its briefings go.
        if (going.length > 0) {
          // Against the edition the recipients hold too (the journal keeps what it was made from), which a --since of last
          // quarter does not see: a figure corrected since whose equivalent in another currency was left as it was, or
          // whose old value a text still types (the findings --since gave at the same place not said again).
          const asSent = await checkedAsSent(file, checked!, going, { projectDir: dirname(resolve(io.cwd, configFile)), outDir: options.outDir, set: options.set, maxCanvasBytes: options.maxCanvasBytes, theme: options.theme, since: previous?.text, run });
          const lines = [
            ...[...checked!.findings, ...asSent.findings].filter((f) => f.acknowledged === undefined || options.output === 'verbose').map((f) => findingLine(f, severityOf(f, false), io)),
            ...[...checked!.sinceWarnings, ...asSent.warnings].map((m) => `warning: ${m}`),
          ];
          for (const line of lines) if (!said.has(line)) io.err(line);
        }
      }
      for (const m of models) if (!ready.has(m.name)) io.err(`not sent: ${m.name}: its build failed (see above); the others are sent`);
      const channel: { used?: 'smtp' | 'outbox'; sent: number } = { sent: 0 };
      const { failed, refused } = await sendBriefings(
        models.filter((m) => ready.has(m.name)),
        {
          outDir: options.outDir,
          // The journal is the project's, beside its config: deleting the output folder, or another --out, forgets nothing sent.
          projectDir: dirname(resolve(io.cwd, configFile)),
          project,
          lists: flags.list,
          to: flags.to,
          dryRun: flags.dryRun ?? false,
          resend: flags.resend ?? false,
          // --outbox: the outbox whatever server is configured (a look at the files before they go).
          smtpUrl,
          outbox: flags.outbox ?? false,
          smtpSource: 'BRIEFING_SMTP_URL',
          backoffMs: io.env.BRIEFING_SEND_BACKOFF_MS ? Number(io.env.BRIEFING_SEND_BACKOFF_MS) : undefined,
          signal: abort.signal,
          ...(flags.dryRun ? { planned } : {}),
          sources,
          run,
        },
        (event) => {
          totals.count(event);
          if (event.kind === 'message') channel.used = event.channel;
          if (event.kind === 'recipient' && event.ok) channel.sent++;
          // --quiet: what went wrong only (a message not sent, a retry, a briefing refused), as for the build.
          reportSend(event, options.output === 'quiet' ? { ...io, out: () => {} } : io);
        },
      );
      if (stoppedBy !== undefined) {
        const done = `${channel.sent === 1 ? '1 recipient was' : `${channel.sent} recipients were`} ${channel.used === 'outbox' ? 'written for' : 'sent'} before it stopped`;
        io.err(`interrupted (${stoppedBy}): ${done}; run briefing send again to send the rest (who has it already is not sent it again)`);
        return 128 + osConstants.signals[stoppedBy];
      }
      // Also when nothing new was written: the outbox is still not sent.
      if (channel.used === 'outbox' && !flags.dryRun) {
        io.err(`warning: nothing was e-mailed (--outbox): the messages are in ${show(join(options.outDir, 'outbox'), io)} for a mail client to send`);
      }
      // The closing line, as build's, on stdout whether or not something failed (a script reads one stream for it): what went
      // where (none under --quiet); with what failed, always.
      const closing = totals.line(flags.outbox || noServer ? 'outbox' : 'smtp', flags.dryRun ?? false, options.output);
      if (closing !== undefined) io.out(closing);
      if (built.code !== EXIT.ok) return built.code;
      return failed + refused > 0 ? EXIT.send : EXIT.ok;
    } finally {
      for (const s of STOP_SIGNALS) process.off(s, stop);
    }
  });
}

/** Whether the route's briefing `name` names the canvas `file` by its file's name (its stem, or its stem with --SET). */
function namesFile(name: string, file: string): boolean {
  const stem = basename(file, extname(file));
  return name === stem || name.startsWith(`${stem}--`);
}

/** The first line of why the canvas `file` cannot be read, with its name as the console shows it (or without it, leading). */
function firstLine(error: unknown, file: string, io: Io): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line.replaceAll(file, show(file, io));
}

/**
 * The briefings of the project's canvases other than `given` (./data, and the folders of the canvases given), by the
 * names routes use; `unread` when one of them could not be read (its briefings are unknown).
 */
async function projectBriefings(given: string[], configFile: string, io: Io): Promise<{ names: string[]; unread: boolean }> {
  const { checkCanvas, findCanvases } = await import('../pipeline.ts');
  const folders = [...new Set([join(io.cwd, 'data'), ...given.map((f) => dirname(resolve(io.cwd, f)))])].filter((d) => existsSync(d));
  const skip = new Set([...given, configFile].map((f) => resolve(io.cwd, f)));
  const files = (await findCanvases(folders).catch(() => [] as string[])).filter((f) => !skip.has(resolve(io.cwd, f)));
  const names: string[] = [];
  let unread = false;
  for (const file of files) {
    try {
      names.push(...(await checkCanvas(file, {})).models.flatMap((m) => [m.name, m.routeName]));
    } catch {
      unread = true;
    }
  }
  return { names, unread };
}

/**
 * Why send will not print a briefing again in other looks than it was built with, and what to pass: "output/x.pdf was
 * built with --theme house; send would print it again without it: pass --theme house to send ...".
 */
function otherLooksMessage(looks: OtherLooks, outDir: string, io: Io): string {
  const pdf = show(join(outDir, `${looks.name}.pdf`), io);
  const flag = (value: string | undefined) => (looks.option === 'theme' ? (value === undefined ? undefined : `--theme ${show(value, io)}`) : `--page-size ${value!.toLowerCase()}`);
  // No page size given: the canvas's language's paper (en-US: Letter), which no flag names.
  const [built, now] = [flag(looks.built), looks.byLanguage ? undefined : flag(looks.now)];
  const was = built === undefined ? 'without --theme (its canvas\'s own theme, if any)' : `with ${built}`;
  const would = looks.byLanguage ? `on ${looks.now}, the paper of its briefing.language, as no --page-size is given` : now === undefined ? 'without it' : `with ${now}`;
  const keep = built === undefined
    ? 'run send without --theme (and BRIEFING_THEME)'
    : `pass ${built} to send${looks.option === 'theme' ? ' (or set BRIEFING_THEME, or name the theme in the canvas as briefing.theme)' : ' (or set BRIEFING_PAGE_SIZE)'}`;
  const change = now === undefined ? 'briefing build' : `briefing build ${now}`;
  return `${pdf} was built ${was}; send would print it again ${would}, and send a briefing other than the one built (and reviewed) under the same edition. To send it as built, ${keep}; to send it ${would}, build it that way first (${change}), check it, then send with the same options. Nothing was built or sent`;
}

/**
 * What a send did, counted from its events for its closing line: the messages that went (to at least one recipient)
 * and to how many addresses, how many of them revised editions, the briefings everyone had already, and what failed
 * (recipients not sent, briefings refused or not built).
 */
function sendTotals() {
  const went = new Set<string>();
  const revised = new Set<string>();
  const recipients = new Set<string>();
  /** Per briefing: whether any of its messages had someone to go to. */
  const briefingsGoing = new Map<string, boolean>();
  const notSent: string[] = [];
  const refused: string[] = [];
  const unbuilt = new Set<string>();
  /** The output folder's files the build could not save or remove (folderFiles): said after the briefings, not counted. */
  const folder: string[] = [];
  const key = (e: { briefing: string; list: string }) => JSON.stringify([e.briefing, e.list]);
  const failures = () => notSent.length + refused.length + unbuilt.size;
  return {
    unbuilt,
    folder,
    failures,
    count(e: SendEvent): void {
      if (e.kind === 'message') {
        briefingsGoing.set(e.briefing, (briefingsGoing.get(e.briefing) ?? false) || e.recipients.length > 0);
        // A dry run sends nothing: what would go is counted as it would.
        if (e.dryRun && e.recipients.length > 0) {
          went.add(key(e));
          for (const r of e.recipients) recipients.add(r);
        }
        if (e.replaces) revised.add(key(e));
      }
      if (e.kind === 'recipient' && e.ok) {
        went.add(key(e));
        recipients.add(e.recipient);
      }
      if (e.kind === 'recipient' && !e.ok) notSent.push(`${e.briefing} to ${e.recipient} (list ${e.list})`);
      if (e.kind === 'refused') refused.push(`${e.briefing} (refused)`);
      if (e.kind === 'chapter-only') refused.push(`${e.briefing} to ${e.held.flatMap((h) => h.recipients).join(', ')} (list ${e.list}: only its "Changes since" chapter changed)`);
    },
    /**
     * "3 messages sent to 7 recipients (1 revised edition), 2 briefings already sent to everyone, 1 failed: ...". None when
     * nothing was routed, under --quiet unless something failed, and when one message went and nothing else happened
     * (its lines said all there is), as build's closing line; "nothing new to send" when everyone had everything. The
     * output folder's files the build could not save or remove after all that, always ("; out/.briefing.lock not removed").
     */
    line(channel: 'smtp' | 'outbox', dryRun: boolean, output: BuildOptions['output']): string | undefined {
      const failed = failures();
      const messages = went.size;
      const held = [...briefingsGoing.values()].filter((going) => !going).length;
      // Said however quiet the run, as a failure is: they make it exit 7.
      const files = folder.length === 0 ? '' : `; ${folder.join(', ')}`;
      if (failed === 0 && files === '' && (output === 'quiet' || messages + held === 0 || (messages === 1 && held === 0 && output !== 'verbose'))) return undefined;
      if (failed === 0 && messages === 0 && held > 0 && !dryRun) return `${WORDS[channel].nothingNew}${files}`;
      const [done, to] = channel === 'outbox' ? ['written to the outbox', 'for'] : ['sent', 'to'];
      const whom = messages === 0 ? '' : ` ${to} ${count(recipients.size, 'recipient')}`;
      const revisions = [...revised].filter((k) => went.has(k)).length;
      const parts = [
        ...(messages > 0 || failed > 0 || files !== '' ? [`${count(messages, 'message')} ${dryRun ? 'would be ' : ''}${done}${whom}${revisions > 0 ? ` (${count(revisions, 'revised edition')})` : ''}`] : []),
        ...(held > 0 ? [`${count(held, 'briefing')} ${WORDS[channel].everyone}`] : []),
      ];
      if (failed === 0) return `${parts.join(', ')}${files}`;
      const names = [...notSent, ...refused, ...[...unbuilt].map((n) => `${n} (not built)`)];
      const which = firstFive(names);
      const next = notSent.length > 0 ? '; run briefing send again to try them again (who has it already is not sent it again)' : ' (see above)';
      return `${[...parts, `${failed} failed`].join(', ')}: ${which}${next}${files}`;
    },
  };
}

/** What send says of what was done before, by how it goes: in the outbox is not sent. */
const WORDS = {
  smtp: {
    already: 'already sent this briefing to',
    again: '--resend sends it again',
    elsewhere: 'already sent this edition with list',
    nothingNew: 'nothing new to send: every recipient has these briefings already (--resend sends them again)',
    everyone: 'already sent to everyone',
  },
  outbox: {
    already: 'already in the outbox folder for',
    again: '--resend writes it again',
    elsewhere: 'already in the outbox with list',
    nothingNew: 'nothing new to write: the outbox folder has these briefings for every recipient already (--resend writes them again)',
    everyone: 'already in the outbox for everyone',
  },
} as const;

/**
 * What a revised edition replaces, for whom: each earlier edition with exactly those who were sent it ("replaces edition
 * 84d570fb sent ... to a2@...; edition 83d5d067 sent ... to a1@..."), and which one the message and its PDF name
 * (`names`: the last sent with other figures or words, Journal.revisedBy).
 */
function revision(replaces: NonNullable<Extract<SendEvent, { kind: 'message' }>['replaces']>, names: { edition: string; at: string }): string {
  const sent = replaces.map((r, i) => `${r.edition ? `edition ${r.edition}` : i === 0 ? 'the edition' : 'an earlier edition'} sent ${r.at.slice(0, 16).replace('T', ' ')} UTC to ${r.recipients.join(', ')}`);
  const named = `edition ${names.edition}`;
  if (sent.length === 0) return `replaces ${named} sent ${names.at.slice(0, 16).replace('T', ' ')} UTC, and says so (none of its recipients was sent it)`;
  if (sent.length === 1 && replaces[0].edition === names.edition) return `replaces ${sent[0]}, and says so`;
  const why = replaces.some((r) => r.edition === names.edition) ? 'as sent to some of its recipients' : 'the last sent with other figures or words, as its PDF does';
  return `replaces ${sent.join('; ')} (the message names ${named}, ${why})`;
}

/**
 * The recipients of a list an earlier list's message of the run is for, left off this one, a phrase per list and outcome:
 * "bob@corp.test already sent this edition with list analysts".
 */
function duplicates(e: Extract<SendEvent, { kind: 'message' }>): string[] {
  const groups = new Map<string, { list: string; ok?: boolean; recipients: string[] }>();
  for (const d of e.duplicates) {
    const key = JSON.stringify([d.list, d.ok]);
    const group = groups.get(key) ?? { list: d.list, ok: d.ok, recipients: [] };
    groups.set(key, group);
    group.recipients.push(d.recipient);
  }
  return [...groups.values()].map(({ list, ok, recipients }) => {
    const who = recipients.join(', ');
    if (ok === undefined) return `${who} ${e.channel === 'outbox' ? 'would be written for' : 'would get'} this edition with list ${list}`;
    if (!ok) return `${who} not ${e.channel === 'outbox' ? 'written' : 'sent'} this edition with list ${list} (see above), so not tried again with this list; the next run tries again`;
    return `${who} ${WORDS[e.channel].elsewhere} ${list}`;
  });
}

/**
 * Why recipients who hold another edition of a briefing are not sent this one: its figures and words are theirs, only
 * printed again (", as edition 7fdfbd73: edition 46a4b38e has the same figures and words, printed again ..."); none
 * when they hold this very edition.
 */
function reprint(e: Extract<SendEvent, { kind: 'message' }>): string {
  if (e.reprinted === undefined) return '';
  const held = e.reprinted.length === 1 && e.reprinted[0]!.recipients.length === e.already.length
    ? `edition ${e.reprinted[0]!.edition}`
    : listOf(e.reprinted.map((r) => `edition ${r.edition} (${r.recipients.join(', ')})`), 'and');
  const now = e.attachment.edition ? `edition ${e.attachment.edition}` : 'this one';
  return `, as ${held}: ${now} has the same figures and words, printed again (the theme's looks, the tool or the browser changed), which is no correction`;
}

/**
 * Why recipients holding an edition are not sent this one, which differs from it only in its "Changes since" chapter, and
 * what to do: build it again with the --since the edition sent had (nothing then goes to them), or --resend to send it as
 * a correction all the same.
 */
function chapterOnly(e: Extract<SendEvent, { kind: 'chapter-only' }>, io: Io): string {
  const now = e.edition ? `edition ${e.edition}` : 'this edition';
  const canvas = e.canvas === undefined ? 'its canvas' : show(e.canvas, io);
  // "HEAD (commit 7a8974d8a8)", a commit given by its digits as those, a file by its path.
  const named = (k: { since: string; at?: string }) => (k.at === undefined || k.at === k.since ? shortCommit(k.since) : `${k.since} (${isCommitHash(k.at) ? 'commit ' : ''}${shortCommit(k.at)})`);
  return e.held.map((h) => {
    const held = h.edition ? `edition ${h.edition}` : 'the edition';
    const chapter = e.since === undefined ? 'which it no longer has' : `which now compares with ${named(e.since)}`;
    const before = h.noChapter ? `, where ${held} had none` : h.since === undefined ? '' : `, where ${held} compared with ${named(h.since)}`;
    // Sent without a chapter: built again without --since, it is that edition (a --since it never had is no advice).
    const rebuild = h.noChapter
      ? `without --since, as it was built (briefing build ${canvas}`
      : `with the --since it was built with (${h.since === undefined ? `briefing build ${canvas} --since <the version ${held} compared with>` : `briefing build ${canvas} --since ${shortCommit(h.since.at ?? h.since.since)}`}`;
    return `error: ${e.briefing} to list ${e.list}: ${e.dryRun ? 'would not be sent' : 'not sent'} to ${h.recipients.join(', ')}: ${now} differs from ${held} they were sent (${h.at.slice(0, 10)}) only in its "Changes since" chapter${e.chapter ? ` ("${e.chapter}")` : ''}, ${chapter}${before}. No figure or text of the briefing changed, so a revised edition would correct nothing and tell them to use a briefing whose chapter lists other changes. To leave them the edition sent, build it again ${rebuild}; see docs/diff.md) and send again: nothing new goes to them. If that chapter is the correction, send it with --resend (narrowed to this briefing with its canvas, --set and --list)`;
  }).join('\n');
}

function reportSend(e: SendEvent, io: Io): void {
  switch (e.kind) {
    case 'chapter-only':
      io.err(chapterOnly(e, io));
      return;
    // On stderr, so that a --quiet run (cron, CI) logs it too.
    case 'journal':
      if (e.state === 'merged') io.err(`read the send journal of ${show(e.from, io)} too; it is kept in ${show(e.file, io)} from now on`);
      else io.err(`no record of earlier sends was found at ${show(e.file, io)}: every recipient is sent these briefings as new (if that file was deleted, those sent them before get them again)`);
      return;
    case 'refused':
      report(e.error, io);
      return;
    case 'message': {
      const outbox = e.channel === 'outbox';
      const to = e.list === '--to' ? 'to the --to addresses' : `to list ${e.list}`;
      const { already, again } = WORDS[e.channel];
      const elsewhere = duplicates(e);
      if (e.recipients.length === 0) {
        // Nothing goes: one line, not the headers of a message that is not made.
        if (e.duplicates.length === 0) io.out(`${e.briefing} ${to}: ${already} every recipient: ${e.already.join(', ')}${reprint(e)} (${again})`);
        else io.out(`${e.briefing} ${to}: ${[...(e.already.length > 0 ? [`${already} ${e.already.join(', ')}${reprint(e)} (${again})`] : []), ...elsewhere].join('; ')}`);
        return;
      }
      const head = e.dryRun ? (outbox ? 'would write' : 'would send') : outbox ? 'writing' : 'sending';
      io.out(`${head} ${e.briefing} ${to} via ${e.via}`);
      io.out(`  subject: ${e.subject}`);
      for (const [field, people] of [['to', e.to], ['cc', e.cc], ['bcc', e.bcc]] as const) if (people.length > 0) io.out(`  ${field}: ${people.join(', ')}`);
      if (e.attachment.printFirst !== undefined) io.out(`  attachment: ${e.attachment.name} (printed first: ${e.attachment.printFirst}; a dry run prints nothing${e.attachment.chapter ? `; with its chapter "${e.attachment.chapter}"` : ''})`);
      else io.out(`  attachment: ${e.attachment.name} (${sizeText(e.attachment.bytes)}${e.attachment.edition ? `, edition ${e.attachment.edition}` : ''}${e.attachment.chapter ? `, with its chapter "${e.attachment.chapter}"` : ''})`);
      if (e.already.length > 0) io.out(`  ${already}: ${e.already.join(', ')}${reprint(e)} (${again})${outbox ? '; this file names only the others' : ''}`);
      for (const line of elsewhere) io.out(`  ${line}`);
      if (e.replaces && e.names) io.out(`  revised edition: ${revision(e.replaces, e.names)}`);
      // What its message lists as changed since, as the message says it.
      for (const line of e.changes ?? []) io.out(`    ${line}`);
      return;
    }
    case 'retry':
      io.err(`  ${e.briefing} to list ${e.list}: ${e.reason}; trying again in ${Math.round(e.waitMs / 100) / 10} s`);
      return;
    case 'superseded': {
      const edition = e.edition ? `edition ${e.edition}` : 'the revised edition';
      if (e.left.length > 0) {
        io.err(`warning: ${show(e.file, io)} stays in the outbox: ${edition} replaces it, but it is also for ${e.left.join(', ')}, who ${e.dryRun ? 'would not be' : e.left.length === 1 ? 'was not' : 'were not'} written ${edition} (not on list ${e.list} in this run?): take it out of the outbox before it is sent if they should not get its figures`);
        return;
      }
      // The outbox cannot know whether a mail client sent it already: the revised edition is marked as replacing it either way.
      io.out(`${e.dryRun ? 'would move' : 'moved'} ${show(e.file, io)} to ${show(e.into, io)}/: ${edition} replaces it, so it is not sent beside it (if a mail client sent it already, ${edition} is marked as replacing it)`);
      return;
    }
    case 'stranded': {
      // Taken off every list since they were sent an edition this one corrects: nothing this tool sends reaches them again.
      const edition = e.edition ? `edition ${e.edition}` : 'the revised edition';
      for (const h of e.holders) {
        const who = h.recipients.join(', ');
        const one = h.recipients.length === 1;
        io.err(`warning: ${e.briefing} (${e.period}): ${who} ${one ? 'holds' : 'hold'} ${h.edition ? `edition ${h.edition}` : 'an earlier edition'}, sent ${h.at.slice(0, 10)}, which ${edition} corrects, but ${one ? 'is' : 'are'} on no list the config sends ${e.briefing} to any more: ${e.dryRun ? 'the correction would not be sent to them' : 'the correction was not sent to them'}. Put them back on a list to send it (the next send does), or tell them yourself`);
      }
      return;
    }
    case 'twice':
      io.err(`warning: ${e.briefing} to list ${e.list}: the connection dropped after the server had the whole message, before it confirmed it, and it was sent again: it may have been delivered twice to: ${e.recipients.join(', ')}`);
      return;
    case 'recipient':
      if (e.ok) io.out(e.channel === 'outbox' ? `  written for ${e.recipient}` : `  sent to ${e.recipient}`);
      else io.err(`error: ${e.briefing} to ${e.recipient} (list ${e.list}): not sent: ${e.error}`);
  }
}
