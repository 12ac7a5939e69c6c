/**
 * rounded-cell: a free table's number that its column's decimals round to a figure that misstates it, more than
 * ROUNDED_TOO_FAR of it away: 0.052 under `decimals: 1` prints 0.1, nearly twice the figure typed; 1.5 under
 * `decimals: 0` prints 2. Rounding moves a figure at most half a step of the column's last digit, so it moves it more
 * than a quarter only where the figure is under two steps: where the one digit printed is all the reader has of it.
 * Ordinary rounding stays clean: a share of 2.4% in a column of whole percents printing 2 (17% off), 0.25 at one
 * decimal printing 0.3 (20%), 12.5 printing 13 (4%). A number rounded to zero is an error (check-references.ts), not
 * this finding; text the table prints as typed (1.200 in a German canvas, or a "1,234" its column does not read) is not
 * rounded, so not read.
 */
import type { CanvasInput } from './schema.ts';
import type { Finding } from './findings.ts';
import { freeTableCells } from '../canvas/table-cells.ts';
import { cellNumber, formatPlain } from '../canvas/table-numbers.ts';
import { roundedTo } from '../canvas/numbers.ts';
import { MINUS } from '../canvas/format.ts';
import { printedFigure } from '../canvas/acknowledgements.ts';

/** How far, as a share of the figure written, a column's decimals may move it before the figure printed misstates it. */
export const ROUNDED_TOO_FAR = 0.25;

/** A finding at each free-table number its column's decimals print more than ROUNDED_TOO_FAR away from it. */
export function roundedCells(canvas: CanvasInput): Finding[] {
  const language = canvas.briefing?.language;
  return freeTableCells(canvas).flatMap(({ cell, path, facts }): Finding[] => {
    const places = facts.decimals;
    const number = places === undefined ? undefined : cellNumber(cell, language, facts.notation);
    if (number === undefined || places === undefined || number.asTyped || number.value === 0) return [];
    // What the table prints, and that figure as a number (Intl rounds as the table does: 1.005 to 1.01, not toFixed's 1.00).
    const rounded = roundedTo(number.value, places);
    const off = Math.abs(rounded - number.value) / number.value;
    if (rounded === 0 || off <= ROUNDED_TOO_FAR) return [];
    const negative = /^[-\u2212]/.test(number.text);
    const printed = `${negative ? MINUS : ''}${formatPlain(number.value, places, language)}`;
    const sign = negative ? -1 : 1;
    return [{
      path,
      rule: 'rounded-cell',
      metrics: [],
      figure: `${number.text} against ${printed}`,
      pin: [printedFigure(sign * number.value, number.decimals), printedFigure(sign * rounded, places)],
      message: `${number.text} prints as ${printed} in this column (decimals: ${places}), ${Math.round(off * 100)}% off the figure written: give the column decimals: ${number.decimals}, or round the figure in the canvas; if the rounding is meant, acknowledge the finding`,
    }];
  });
}
