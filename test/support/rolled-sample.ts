/**
 * The sample canvas (data/alibaba.yaml) rolled forward a quarter, as a new user's trial did: each series given a value
 * for the quarter ended 31 Dec 2025 (5% above its last), the briefing dated 28 Feb 2026. With the sample as it is, the
 * earlier version of a `--since` build whose "Figures that moved" has the sample's long labels and periods.
 */
import { readFileSync } from 'node:fs';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

export const SAMPLE = 'data/alibaba.yaml';

export function rolledSample(text = readFileSync(SAMPLE, 'utf8')): string {
  const doc = parseDocument(text);
  doc.setIn(['briefing', 'as_of'], '2026-02-28');
  doc.setIn(['briefing', 'period'], 'Early 2026');
  for (const pair of (doc.get('metrics') as YAMLMap).items) {
    const values = (pair.value as YAMLMap).get('values') as YAMLSeq | undefined;
    if (values === undefined) continue;
    const { equivalent: _equivalent, ...last } = (values.items.at(-1) as YAMLMap).toJSON() as Record<string, unknown>;
    const value = typeof last.value === 'number' ? Math.round(last.value * 105) / 100 : last.value;
    values.add(doc.createNode({ ...last, value, period: 'Quarter ended 31 Dec 2025', period_end: '2025-12-31' }));
  }
  return doc.toString();
}
