/**
 * A theme's settings (theme.yaml in a theme folder, see docs/themes.md): what a theme decides that its
 * templates and styles cannot say by themselves.
 */
import { z } from 'zod';

export const ThemeSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'name must not be empty').optional().describe('What the theme is called, for messages.'),
    chapter_breaks: z
      .enum(['flow', 'page'])
      .default('flow')
      .describe('flow (default): a chapter starts a new page only when less than a third of the page is left; page: every part starts on a page of its own, with its name in the running head.'),
    negative_numbers: z
      .enum(['minus', 'parentheses'])
      .default('minus')
      .describe('How a negative figure is printed everywhere (text, tables, key figures, charts): minus (default), −RMB 12.4 billion; parentheses, (RMB 12.4 billion).'),
    logo: z
      .string()
      .regex(/^(?![/\\])(?!.*(?:^|[/\\])\.\.(?:[/\\]|$)).+\.(?:svg|png)$/i, 'a logo is an .svg or .png file inside the theme folder, named relative to it, e.g. logo.svg')
      .optional()
      .describe('An SVG or PNG file in the theme folder, shown on the cover and in the running head.'),
  })
  .describe('canvas-briefing theme settings (theme.yaml in a theme folder).');

export type ThemeSettings = z.infer<typeof ThemeSchema>;

/** The settings of the built-in theme, and of a theme folder without theme.yaml. */
export const DEFAULT_THEME_SETTINGS: ThemeSettings = { chapter_breaks: 'flow', negative_numbers: 'minus' };
