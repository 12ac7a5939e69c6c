/**
 * A US 10-Q canvas for Q3 2025 (Corvell Systems, as of 5 Nov 2025, in en-US) with the given metrics and one paragraph,
 * checked, and the figures typed into it that the briefing lists under "Where sources disagree".
 */
import { parseCanvas } from '../../src/load/load-canvas.ts';
import { validateWithWarnings } from '../../src/validate/validate-canvas.ts';
import { buildModel } from '../../src/model/build-model.ts';

/** The canvas, its metrics one per line (flow style), its paragraph `text` followed by `refs` (the references that use them). */
export const usQuarterCanvas = (metrics: string[], text: string, refs: string) => `company: { name: Corvell Systems Inc., short_name: Corvell, ticker: CRVL, exchange: X, country: United States, sector: S, industry: I }
briefing: { period: Q3 2025, as_of: 2025-11-05, currency: USD, language: en-US }
metrics:
${metrics.map((m) => `  ${m}\n`).join('')}blocks:
  revenue_streams:
    sections:
      - title: T
        content:
          - paragraph: '${text} Now: ${refs}.'
`;

/** The canvas checked. */
export const checkedUsQuarter = (metrics: string[], text: string, refs: string) => validateWithWarnings(parseCanvas(usQuarterCanvas(metrics, text, refs), 'c.yaml'));

/** The notes of the figures typed into the text that the briefing lists as detected under "Where sources disagree". */
export function usQuarterDisagreements(metrics: string[], text: string, refs: string): string[] {
  const { canvas, typedDisagreements } = checkedUsQuarter(metrics, text, refs);
  return buildModel(canvas, { name: 'c', setKey: 'full', typed: typedDisagreements }).appendix.contradictions.filter((c) => c.detected).map((c) => c.note);
}
