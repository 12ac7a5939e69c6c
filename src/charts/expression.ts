/**
 * A value written into a Vega expression as a literal: JSON, with U+2028 and U+2029 escaped. JSON
 * allows those two raw inside strings, but Vega's expression parser (like JavaScript before ES2019)
 * ends a line there, so a label pasted with a line separator would break the chart.
 */
export function exprLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
