/** Values put into the preview's page templates, escaped. */
import { cleanText } from './public-state.ts';

/** Text as HTML text or a quoted attribute value, without control characters. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `template` with each {{key}} replaced by values[key], escaped. One pass, so a value that itself
 * contains {{...}} stays text. An unknown key is a bug in the template and throws.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {{${key}}} has no value`);
    return escapeHtml(value);
  });
}
