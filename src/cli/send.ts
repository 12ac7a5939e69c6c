/**
 * `briefing send`: builds what is stale (as `build`), then sends each briefing the project config
 * routes to its lists: over SMTP when one is configured, else into the outbox folder. Prints every
 * message and every recipient's result; the send journal keeps a re-run from sending anything twice.
 */
import { join } from 'node:path';
import { BriefingError, EXIT } from '../errors.ts';
import { resolveOptions, type BuildFlags } from '../config.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { MAILBOX, MAILBOX_HELP } from '../mailbox.ts';
import type { BriefingModel, SendEvent } from '../pipeline.ts';
import { buildFiles } from './build.ts';
import { canvasPaths } from './canvas-paths.ts';
import { show, type Io } from './io.ts';
import { report } from './report.ts';
import { listOf } from '../words.ts';

export interface SendFlags extends BuildFlags {
  config?: string;
  list?: string[];
  to?: string[];
  dryRun?: boolean;
  resend?: boolean;
}

export const CONFIG_FILE = 'briefing.config.yaml';

export async function send(paths: string[], flags: SendFlags, io: Io): Promise<number> {
  const options = resolveOptions(flags, io.env);
  for (const address of flags.to ?? []) {
    if (!MAILBOX.test(address) || /[\r\n]/.test(address)) throw new BriefingError(`--to "${address}": ${MAILBOX_HELP}`, EXIT.usage);
  }
  const { checkCanvas, checkConfigRoutes, findCanvases, loadConfig, sendBriefings } = await import('../pipeline.ts');
  const configFile = flags.config ?? join(io.cwd, CONFIG_FILE);
  const project = await loadConfig(configFile).catch((error: unknown) => {
    if (error instanceof BriefingError && error.exitCode === EXIT.usage && flags.config === undefined) {
      throw new BriefingError(`${error.message}. briefing send reads who gets which briefing from ${CONFIG_FILE} in the working folder (or --config FILE); see README "Sending"`, EXIT.usage, { cause: error });
    }
    throw error;
  });
  const listNames = Object.keys(project.config.lists);
  for (const list of flags.list ?? []) {
    if (!listNames.includes(list)) throw new BriefingError(`--list ${list}: no such list in ${show(configFile, io)}${didYouMean(nearest(list, listNames))} (lists: ${listOf(listNames, 'and')})`, EXIT.usage);
  }

  // Every route must name a briefing the canvases have, before anything is built or sent.
  const files = await findCanvases(canvasPaths(paths, io));
  const models = new Map<string, BriefingModel>();
  const broken: string[] = [];
  for (const file of files) {
    try {
      for (const model of (await checkCanvas(file)).models) models.set(model.name, model);
    } catch {
      broken.push(file); // the build below reports it at its line
    }
  }
  if (broken.length === 0) await checkConfigRoutes(project, [...models.keys()]);

  const built = await buildFiles(files, options, io);
  if (built.interrupted) return built.code;
  const ready = new Set(built.outcomes.flatMap((o) => (o.kind === 'built' || o.kind === 'current' ? [o.name] : [])));
  const routed = new Set(project.config.send.map((r) => r.briefing));
  const toSend = [...models.values()].filter((m) => (flags.to ? true : routed.has(m.name)) && ready.has(m.name));
  for (const name of routed) {
    if (models.has(name) && !ready.has(name)) io.err(`not sent: ${name}: its build failed (see above); the others are sent`);
  }

  const { failed } = await sendBriefings(
    toSend,
    {
      outDir: options.outDir,
      project,
      lists: flags.list,
      to: flags.to,
      dryRun: flags.dryRun ?? false,
      resend: flags.resend ?? false,
      smtpUrl: io.env.BRIEFING_SMTP_URL || undefined,
      backoffMs: io.env.BRIEFING_SEND_BACKOFF_MS ? Number(io.env.BRIEFING_SEND_BACKOFF_MS) : undefined,
    },
    (event) => reportSend(event, io),
  );
  if (built.code !== EXIT.ok) return built.code;
  if (failed > 0) {
    io.err(`${failed === 1 ? '1 recipient or briefing was' : `${failed} recipients or briefings were`} not sent; run briefing send again to retry them (nothing sent is sent twice)`);
    return EXIT.send;
  }
  return EXIT.ok;
}

function reportSend(e: SendEvent, io: Io): void {
  switch (e.kind) {
    case 'notice':
      io.err(`warning: ${e.message}`);
      return;
    case 'refused':
      report(e.error, io);
      return;
    case 'message': {
      const size = e.attachment.bytes >= 1024 * 1024 ? `${(e.attachment.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(e.attachment.bytes / 1024)} KB`;
      const head = e.dryRun ? 'would send' : 'sending';
      io.out(`${head} ${e.briefing} to ${e.list === '--to' ? '--to' : `list ${e.list}`} via ${e.via}`);
      io.out(`  subject: ${e.subject}`);
      for (const [field, people] of [['to', e.to], ['cc', e.cc], ['bcc', e.bcc]] as const) if (people.length > 0) io.out(`  ${field}: ${people.join(', ')}`);
      io.out(`  attachment: ${e.attachment.name} (${size}${e.attachment.edition ? `, edition ${e.attachment.edition}` : ''})`);
      if (e.already.length > 0) io.out(`  already sent this PDF to: ${e.already.join(', ')} (--resend sends it again)`);
      return;
    }
    case 'recipient':
      if (e.ok) io.out(`  sent to ${e.recipient}`);
      else io.err(`error: ${e.briefing} to ${e.recipient} (list ${e.list}): not sent: ${e.error}`);
  }
}
