/** validate/: a theme's theme.yaml -> ThemeSettings, every problem at file:line:column. */
import type { LoadedCanvas } from '../load/load-canvas.ts';
import { BriefingError, EXIT } from '../errors.ts';
import { ThemeSchema, type ThemeSettings } from './theme-schema.ts';
import { parseDocumentData } from './explain-issues.ts';
import { formatProblems } from './validate-canvas.ts';
import { themeJsonSchema } from './json-schema.ts';

const HINT = 'Theme settings are described in docs/themes.md; schema/theme.schema.json lets an editor check them as you type.';

/** Validates a theme folder's loaded theme.yaml. */
export function validateTheme(loaded: LoadedCanvas): ThemeSettings {
  const parsed = parseDocumentData(ThemeSchema, { ...loaded, schema: themeJsonSchema() });
  if (parsed.data) return parsed.data;
  // True of every command that reads a theme: check builds nothing, and a build of canvases with themes of their own builds the others.
  throw new BriefingError(formatProblems(loaded, parsed.problems, { what: 'theme', consequence: (count) => `no briefing can be made with it until ${count === 1 ? 'it is' : 'they are'} fixed`, hint: HINT }), EXIT.invalidData);
}
