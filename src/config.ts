/** Build options and where they come from: defaults < BRIEFING_* environment variables < command-line flags. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { BriefingError, EXIT } from './errors.ts';
import type { SendRun } from './pipeline.ts';

/** Paper size of the printed briefing: render/ writes it into the @page rules, print/ hands it to Chromium. */
export type PageSize = 'A4' | 'Letter';

/**
 * The regions that print on US Letter, as CLDR's supplemental measurement data has them (paperSize "US-Letter"; Intl
 * does not give it): the United States, Canada, Mexico, the Philippines, Puerto Rico, Chile, Colombia, Venezuela and
 * Central America. Every other region, and a language that names none ("en", "de"), prints on A4.
 */
const LETTER_REGIONS = new Set(['BZ', 'CA', 'CL', 'CO', 'CR', 'GT', 'MX', 'NI', 'PA', 'PH', 'PR', 'SV', 'US', 'VE']);

/** The paper a canvas of `language` (briefing.language) prints on where no page size is given: its region's (en-US: Letter; en, en-GB: A4). */
export function languagePageSize(language: string | undefined): PageSize {
  if (language === undefined) return 'A4';
  try {
    const region = new Intl.Locale(language).region;
    return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
  } catch {
    return 'A4'; // a tag ICU does not take names no region
  }
}

/** The paper a briefing prints on: the page size given (--page-size, BRIEFING_PAGE_SIZE), or else its language's. */
export function pageSizeOf(given: PageSize | undefined, language: string | undefined): PageSize {
  return given ?? languagePageSize(language);
}

export interface BuildOptions {
  outDir: string;
  /** The page size given (--page-size, BRIEFING_PAGE_SIZE); undefined: each canvas's language's (languagePageSize). */
  pageSize?: PageSize;
  /** Build only this block set ("full" for the whole canvas). */
  set?: string;
  /** Also write the self-contained HTML beside each PDF. */
  html: boolean;
  /** Chrome/Chromium to print with; otherwise found (see print/find-browser.ts). */
  browser?: string;
  /** Limit for launching, loading or printing one briefing. */
  timeoutMs: number;
  /** Print every briefing, even those the output folder's manifest shows up to date. */
  force?: boolean;
  /** The largest canvas file read (default 5 MB). */
  maxCanvasBytes?: number;
  /** How many briefings are drawn and printed at once (default: defaultJobs()). */
  jobs?: number;
  /** An earlier version to compare each canvas with (build --since): a git revision, or the file of one canvas's earlier copy. */
  since?: string;
  /**
   * Without `since`: build each canvas with the --since its briefings were last built with, if any (send and watch,
   * so that what is sent or previewed is the briefing as it was last built, its "Changes since" chapter kept).
   */
  keepSince?: boolean;
  /**
   * The project folder whose send journal (.briefing-sent.json) says which editions went out: a briefing of a period an
   * edition with other figures or words was sent of is printed as a revised edition, naming it (README "Sending"). send
   * gives its config's folder; build and watch the working folder, where send keeps it by default. Without it, none is.
   */
  journal?: string;
  /**
   * Say the findings of a canvas found up to date again, as the manifest kept them: for every canvas (true, the
   * default), none (false), or those of which it answers true, given the canvas's path as the build was given it
   * (watch: every canvas on its first build, then those whose last build said nothing of their findings). The function is
   * asked of each canvas found up to date, and of no other (watch counts those it answers false of as unchanged).
   */
  repeatFindings?: boolean | ((canvas: string) => boolean);
  /**
   * Canvases gone from their place that count as there for now, given the canvas's absolute path: their briefings' files
   * and records stay (watch: for a grace period after one went, as a save that moves the file away before writing the new
   * one has it gone for a moment). Not given (build), a canvas gone has its briefings removed.
   */
  awaited?: (canvas: string) => boolean;
  /** A theme folder (absolute) for every canvas, over each canvas's own briefing.theme (--theme, BRIEFING_THEME). */
  theme?: string;
  /** What the command says as it goes (the CLI's; the pipeline builds the same): quiet, normal (default) or verbose. */
  output?: Verbosity;
  /**
   * build --strict: findings that count are errors, as check --strict has them (the CLI's; the pipeline builds the
   * same): the PDFs are written, and the build exits 3 unless something failed.
   */
  strict?: boolean;
  /** A send's build: what its run read and checked already, and reads and checks once for the rest of it (pipeline.ts SendRun). */
  sendRun?: SendRun;
  /** How many briefings keep their model from planning to printing (pipeline.ts HELD_MODELS); no flag sets it: tests and tuning do. */
  heldModels?: number;
  /** How many bytes the models past heldModels may take packed (pipeline.ts PACKED_MODEL_BYTES); past them a model is made again. Tests and tuning set it. */
  packedModelBytes?: number;
}

/** --quiet: warnings, errors and failures only; verbose: also each briefing as it starts and each one up to date. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface BuildFlags {
  out?: string;
  'page-size'?: string;
  set?: string;
  html?: boolean;
  browser?: string;
  timeout?: string;
  force?: boolean;
  'max-canvas-mb'?: string;
  jobs?: string;
  /** false: --no-since (send, watch): without the chapter, whatever the last build had. */
  since?: string | false;
  theme?: string;
  quiet?: boolean;
  verbose?: boolean;
  strict?: boolean;
}

const DEFAULTS: BuildOptions = { outDir: 'output', html: false, timeoutMs: 60_000 };

/** The one place option precedence is decided: defaults, then BRIEFING_OUT / BRIEFING_PAGE_SIZE / BRIEFING_TIMEOUT, then flags. */
export function resolveOptions(flags: BuildFlags, env: NodeJS.ProcessEnv = process.env): BuildOptions {
  // An empty variable counts as unset, as shells make it easy to leave one behind.
  const pick = (flag: string | undefined, name: string): Setting | undefined =>
    flag !== undefined ? { value: flag, from: '' } : env[name] ? { value: env[name], from: ` (from ${name})` } : undefined;
  const pageSize = pick(flags['page-size'], 'BRIEFING_PAGE_SIZE');
  const timeout = pick(flags.timeout, 'BRIEFING_TIMEOUT');
  const jobs = pick(flags.jobs, 'BRIEFING_JOBS');
  const theme = pick(flags.theme, 'BRIEFING_THEME');
  if (flags.quiet && flags.verbose) throw new BriefingError('--quiet and --verbose ask for opposite things: give one of them', EXIT.usage);
  return {
    outDir: pick(flags.out, 'BRIEFING_OUT')?.value ?? DEFAULTS.outDir,
    ...(pageSize === undefined ? {} : { pageSize: parsePageSize(pageSize) }),
    set: flags.set,
    html: flags.html ?? DEFAULTS.html,
    browser: flags.browser,
    timeoutMs: timeout === undefined ? DEFAULTS.timeoutMs : parseSeconds(timeout) * 1000,
    force: flags.force ?? false,
    maxCanvasBytes: canvasSizeLimit(flags['max-canvas-mb'], env),
    jobs: jobs === undefined ? defaultJobs() : parseJobs(jobs),
    ...(typeof flags.since === 'string' ? { since: flags.since } : {}),
    ...(theme === undefined ? {} : { theme: resolve(theme.value) }),
    output: flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal',
    strict: flags.strict ?? false,
  };
}

/** The most briefings printed at once that --jobs accepts: each holds a page of the browser, some 100-300 MB. */
export const MAX_JOBS = 32;

/**
 * Briefings printed at once unless --jobs says otherwise: one per core, at most 4. While one briefing
 * prints in the browser, the next one's charts and HTML are drawn; beyond 4 the browser's memory
 * grows faster than the gain.
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function parseJobs({ value, from }: Setting): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new BriefingError(`jobs "${value}" is not a whole number from 1 to ${MAX_JOBS}${from}`, EXIT.usage);
  return n;
}

/** The largest canvas file to read, in bytes: --max-canvas-mb, else BRIEFING_MAX_CANVAS_MB, else 5 MB. */
export function canvasSizeLimit(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const setting = canvasSizeSetting(flag, env);
  if (setting === undefined) return 5 * 1024 * 1024;
  const mb = Number(setting.value);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) throw new BriefingError(`canvas size limit "${setting.value}" is not a number of MB above 0 and up to 1024${setting.from}`, EXIT.usage);
  return Math.round(mb * 1024 * 1024);
}

/**
 * The canvas size limit as its user gave it, for a message that refuses a canvas over it: "--max-canvas-mb 0.01",
 * "BRIEFING_MAX_CANVAS_MB=0.01", or "the default limit" (canvasSizeLimit's bytes, said back, read 0.010000228881835938).
 */
export function canvasSizeGiven(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const setting = canvasSizeSetting(flag, env);
  return setting === undefined ? 'the default limit' : setting.from === '' ? `--max-canvas-mb ${setting.value}` : `BRIEFING_MAX_CANVAS_MB=${setting.value}`;
}

function canvasSizeSetting(flag: string | undefined, env: NodeJS.ProcessEnv): Setting | undefined {
  return flag !== undefined ? { value: flag, from: '' } : env.BRIEFING_MAX_CANVAS_MB ? { value: env.BRIEFING_MAX_CANVAS_MB, from: ' (from BRIEFING_MAX_CANVAS_MB)' } : undefined;
}

/** A value and, when it came from the environment, which variable: a bad value must say where to fix it. */
interface Setting {
  value: string;
  from: string;
}

function parsePageSize({ value, from }: Setting): PageSize {
  const v = value.toLowerCase();
  if (v === 'a4') return 'A4';
  if (v === 'letter' || v === 'us-letter') return 'Letter';
  throw new BriefingError(`page size "${value}" is not supported: use a4 or letter${from}`, EXIT.usage);
}

/** The longest timeout: a day. (Node fires a timer of more than 2^31 ms, about 24.8 days, at once.) */
const MAX_TIMEOUT_SECONDS = 86_400;

function parseSeconds({ value, from }: Setting): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) throw new BriefingError(`timeout "${value}" is not a number of seconds between 0 and ${MAX_TIMEOUT_SECONDS} (a day)${from}`, EXIT.usage);
  return n;
}
