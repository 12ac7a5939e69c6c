/**
 * validate/: the project config's YAML data -> a typed Config, checked like a canvas: every problem at
 * file:line:column, and lists the routes name must exist.
 */
import type { LoadedCanvas } from '../load/load-canvas.ts';
import { BriefingError, EXIT, quote } from '../errors.ts';
import { didYouMean, nearest } from '../did-you-mean.ts';
import { ConfigSchema, type Config } from './config-schema.ts';
import { parseDocumentData, type Problem } from './explain-issues.ts';
import { formatProblems } from './validate-canvas.ts';
import { configJsonSchema } from './json-schema.ts';

const HINT = 'The config format is described in README "Sending"; schema/briefing-config.schema.json lets an editor check it as you type.';

/** Validates a loaded config; every list a route names must be defined. */
export function validateConfig(loaded: LoadedCanvas): Config {
  const parsed = parseDocumentData(ConfigSchema, { ...loaded, schema: configJsonSchema() });
  const problems: Problem[] = parsed.data ? unknownLists(parsed.data) : parsed.problems.map(withoutSecrets);
  if (problems.length === 0 && parsed.data) return parsed.data;
  throw new BriefingError(formatProblems(loaded, problems, { what: 'config', consequence: 'nothing was sent', hint: HINT }), EXIT.invalidData);
}

/** mail.smtp may hold a password: its problems never quote what was written (error output ends up in logs). */
function withoutSecrets(problem: Problem): Problem {
  if (problem.path[0] !== 'mail' || problem.path[1] !== 'smtp') return problem;
  return { ...problem, message: 'not an SMTP server URL (the value is not shown: it may hold a password): write smtp://user:password@host:587 or smtps://user:password@host:465, with @ : / % in the password percent-encoded; better, set BRIEFING_SMTP_URL in the environment and leave the password out of this file' };
}

function unknownLists(config: Config): Problem[] {
  const names = Object.keys(config.lists);
  return config.send.flatMap((route, i) =>
    route.lists.flatMap((list, j) =>
      names.includes(list) ? [] : [{ path: ['send', i, 'lists', j], message: `no list ${quote(list)}${didYouMean(nearest(list, names))} (lists: ${names.join(', ')})` }],
    ),
  );
}

/**
 * Routes naming briefings that none of the canvases has: an error at the route, before anything is
 * built or sent. `briefings` are the output names the canvases have.
 */
export function checkRoutes(loaded: LoadedCanvas, config: Config, briefings: string[]): void {
  const problems: Problem[] = config.send.flatMap((route, i) =>
    briefings.includes(route.briefing)
      ? []
      : [{ path: ['send', i, 'briefing'], message: `no briefing ${quote(route.briefing)} among the canvases${didYouMean(nearest(route.briefing, briefings))} (briefings: ${briefings.join(', ') || 'none'})` }],
  );
  if (problems.length > 0) throw new BriefingError(formatProblems(loaded, problems, { what: 'config', consequence: 'nothing was sent', hint: HINT }), EXIT.invalidData);
}
