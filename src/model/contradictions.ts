/**
 * Contradictions: figures in the source that disagree. The canvas lists the ones its
 * authors found; figures sharing a concept and a period but not a value are found here
 * too, so a new contradiction is never silently printed as two unrelated facts; and so are
 * a stated change the figures a year apart rule out, a margin its profit and revenue rule out, currency equivalents of one date that no
 * one exchange rate gives, parts above a total that add up to more than it and shares of one
 * whole past 100%, unless the canvas acknowledges them (data_notes.acknowledged).
 */
import type { Canvas, Metric } from '../validate/schema.ts';
import type { KeyPath } from '../canvas/key-path.ts';
import { buildMetricTable, type MetricColumn } from './tables.ts';
import { changeMismatches, declaredTogether, detectConflicts, fractionPercents, impliedYearOnYear } from '../canvas/conflicts.ts';
import { implausibleRates, rateMismatches, repeatedEquivalents, signMismatches } from '../canvas/exchange-rates.ts';
import { figureSets, partsOverTotals, partsShortOfTotals, sharesOverWhole } from '../canvas/figure-sets.ts';
import { isLookingAhead, seriesHistory } from '../canvas/series.ts';
import { powerOfTenApart, powerWords, seriesSlips, typedSlip } from '../canvas/scale-slips.ts';
import { marginDigits, marginMismatches } from '../canvas/margins.ts';
import { leverageMismatches } from '../canvas/leverage.ts';
import { acknowledges, changeMismatchPins, exchangePins, leverageMismatchPins, marginMismatchPins, partsPins, sharesPins, type FigureValue } from '../canvas/acknowledgements.ts';
import { changeDecimals, decimalsOf } from '../canvas/numbers.ts';
import { figureInCurrencies } from '../canvas/figure-currencies.ts';
import { inTypedScale, notationOf, scaleInWords, typedAmounts, type TypedAmount } from '../canvas/typed-amounts.ts';
import { formatChange, formatDate, formatMetricValue, formatQuantity } from './format.ts';
import type { ContradictionModel } from './briefing-model.ts';
import { listOf } from '../words.ts';

/** The columns of a disagreement's table about changes: each figure's stated change beside it. */
const WITH_CHANGE: MetricColumn[] = ['label', 'value', 'change', 'period', 'source'];

/** What every detected disagreement's note ends with, of `n` figures: the reader is told to check, not which figure to believe. */
const check = (n: number) => `The canvas does not explain the difference; check the source before relying on ${n > 2 ? 'any of them' : 'either'}.`;

/** The canvas's listed contradictions among `ids`, then undeclared ones detected by concept and period. */
export function findContradictions(canvas: Canvas, ids: string[], typed: TypedFigure[] = [], misdated: MisdatedFigure[] = []): ContradictionModel[] {
  const inBriefing = new Set(ids);
  const listed = (canvas.data_notes?.contradictions ?? []).filter((c) => c.metrics.some((id) => inBriefing.has(id)));
  // A declaration whose figures are a power of ten apart (check's scale-slip): its note explains rounding or timing, not
  // a scale typed wrong, which is said under it; the figures are then marked as the ones found disagreeing are.
  const result: Array<Omit<ContradictionModel, 'anchor'>> = listed.map((c) => {
    const slips = declaredSlips(canvas, c.metrics);
    return {
      metrics: c.metrics,
      title: c.title,
      note: slips.length === 0 ? c.note : `${c.note} Found by canvas-briefing: ${slips.join('; ')}, which the note does not explain: one of them likely has its scale wrong. Check the source before relying on either.`,
      detected: slips.length > 0,
      table: figureTable(canvas, c.metrics),
    };
  });
  // As check reports them: the pairs of figures no declaration names together.
  for (const group of detectConflicts(canvas.metrics, ids, declaredTogether(canvas.metrics, (canvas.data_notes?.contradictions ?? []).map((c) => c.metrics)))) {
    const m = canvas.metrics[group[0]];
    // Reported on different days, as check says: a first figure and its revision, perhaps.
    const days = [...new Set(group.map((id) => canvas.metrics[id].as_of).filter((d) => d !== undefined))].sort();
    const revised = days.length > 1 ? ` They were reported on different days (${days.map((d) => formatDate(d, canvas.briefing.language)).join(', ')}): a first figure and its revision, perhaps.` : '';
    result.push({
      metrics: group,
      title: `${m.label}, ${m.period}`,
      // Named by their labels, as the register prints them: a concept is the canvas's word (a series' is its id, which
      // no one declared), not a committee's.
      note: `Found by canvas-briefing: these figures measure the same thing (${listOf([...new Set(group.map((id) => `"${canvas.metrics[id].label}"`))], 'and')}) for the same period, and their values cannot ${group.length > 2 ? 'all' : 'both'} be right even allowing for rounding and the source's qualifiers.${revised} ${check(group.length)}`,
      detected: true,
      table: figureTable(canvas, group),
    });
  }
  result.push(...otherDisagreements(canvas, inBriefing), ...slippedFigures(canvas, inBriefing), ...typedDisagreements(canvas, typed), ...misdatedFigures(canvas, misdated));
  return result.map((c, i) => ({ ...c, anchor: `contradiction-${i + 1}` }));
}

/** A figure typed into a text this briefing prints (`place`, in a reader's words) that is not the canvas's figure for the measure and period. */
export interface TypedFigure {
  /** The measure's figures for the period it is typed as: one, or several (a press release's beside the annual report's). */
  metrics: string[];
  /** As typed: "€381.5 million". */
  typed: string;
  /** Typed as the measure's change ("revenue grew 12%"), not its level. */
  change?: true;
  place: string;
  /** Where it is typed in the canvas: a table's cell (…table.rows[0][2]) is said to be typed into a table. */
  path?: KeyPath;
}

/**
 * Figures typed into the text that the canvas's figures contradict (check's typed-mismatch): the briefing prints both,
 * the typed one in its text and the canvas's in its tables and key figures. One entry per figure, text and place, naming
 * each of the canvas's figures it is none of, and for a typed change the change they state or give.
 */
function typedDisagreements(canvas: Canvas, typed: TypedFigure[]): Array<Omit<ContradictionModel, 'anchor'>> {
  const seen = new Set<string>();
  const language = canvas.briefing.language;
  const all = Object.keys(canvas.metrics);
  return typed.flatMap(({ metrics: ids, typed: written, change, place, path }) => {
    const key = `${ids.join(' ')}\0${written}\0${place}`;
    if (ids.length === 0 || ids.some((id) => canvas.metrics[id] === undefined) || seen.has(key)) return [];
    seen.add(key);
    const m = canvas.metrics[ids[0]!]!;
    const inTable = path?.includes('table') === true;
    // Where the figures are several, each with its source, as "Where sources disagree" tells them apart.
    const sourced = (id: string, said: string, detail?: string) => {
      const more = [ids.length > 1 ? credited(canvas, id).source : undefined, detail].filter((x) => x !== undefined);
      return more.length === 0 ? said : `${said} (${more.join(': ')})`;
    };
    const listed = (said: string[]) => (said.length > 2 ? `${said.slice(0, -1).join(', ')}, and ${said.at(-1)}` : said.join(' and '));
    // A typed change is set against the change each figure states, or, stating none, gives with its figure a year earlier.
    const implied = change ? ids.flatMap((id) => (canvas.metrics[id]!.change === undefined ? impliedYearOnYear(canvas.metrics, all, id).slice(0, 1).map((i) => ({ id, ...i })) : [])) : [];
    const changes = !change ? [] : ids.flatMap((id) => {
      const f = canvas.metrics[id]!;
      if (f.change !== undefined) return [sourced(id, formatChange(f.change, language))];
      const i = implied.find((x) => x.id === id);
      if (i === undefined) return [];
      const e = canvas.metrics[i.earlier]!;
      return [sourced(id, formatChange({ percent: i.written, decimals: 1 }, language).replace(/ YoY$/, ''), `${formatMetricValue(f, language)} for ${f.period}, against ${formatMetricValue(e, language)} for ${e.period}`)];
    });
    // An amount typed in a scale the canvas names otherwise (億, 万, 억, crore, lakh): each figure in that scale too, and
    // one a power of ten off it said so in words, as check says (typed-mismatch), so that "JP¥61.2 billion" beside
    // "61億円" is not read as one figure by a reader taking 億 for billion; so too one with the figure's digits in the
    // canvas's own scale words ("$5.84 million" beside $5.84 billion: typedSlip).
    const amount = change ? undefined : typedAmounts(written, notationOf(language), language).find((a) => a.token.trim() === written.trim());
    const valueOf = (id: string) => (amount === undefined ? formatMetricValue(canvas.metrics[id]!, language) : inTypedScaleOf(canvas.metrics[id]!, amount, language));
    const slipped = amount === undefined ? undefined : ids.map((id) => { const f = figureInCurrencies(canvas.metrics[id]!, amount.currencies); return { id, slip: f && typedSlip(amount, f) }; }).find(({ slip }) => slip !== undefined);
    const slip = slipped?.slip === undefined ? '' : ` ${ids.length === 1 ? 'The canvas\'s figure' : `The figure from ${credited(canvas, slipped.id).source}`} is ${powerWords(slipped.slip.power)} the figure typed${slipped.slip.scale === undefined ? '' : ` (${scaleInWords(slipped.slip.scale)})`}: a scale has likely slipped, in the canvas or in the text.`;
    const against = changes.length > 0
      ? `the change of ${m.label} for ${m.period}, where the canvas gives ${listed(changes)}`
      : `${m.label} for ${m.period}, where the canvas's ${ids.length === 1 ? `figure is ${valueOf(ids[0]!)}` : `figures are ${listed(ids.map((id) => sourced(id, valueOf(id))))}`}`;
    const shown = [...ids, ...implied.map((i) => i.earlier)];
    return [{
      metrics: shown,
      // The figures it is typed as are in doubt, not the year-earlier ones a change is computed from.
      ...(shown.length > ids.length ? { suspects: ids } : {}),
      title: `${m.label}, ${m.period}: a ${changes.length > 0 ? 'change' : 'figure'} typed in ${inTable ? 'a table' : 'the text'}`,
      note: `Found by canvas-briefing: ${place} types ${written} into ${inTable ? 'a table' : 'its text'} as ${against}.${slip} ${check(ids.length + 1)}`,
      detected: true,
      table: figureTable(canvas, shown, changes.length > 0 ? WITH_CHANGE : undefined),
    }];
  });
}

/** A metric's value as formatMetricValue writes it, its figure in `amount`'s currency also in the scale `amount` is typed in, where the canvas names that otherwise: "JP¥61.2 billion or 612億円". */
function inTypedScaleOf(m: Metric, amount: TypedAmount, language: string | undefined): string {
  const f = figureInCurrencies(m, amount.currencies);
  const also = f === undefined ? undefined : inTypedScale(amount, f, language);
  if (f === undefined || also === undefined || m.value === undefined) return formatMetricValue(m, language);
  const main = formatQuantity({ value: m.value, unit: m.unit!, scale: m.scale, qualifier: m.qualifier, decimals: m.decimals }, language);
  if (f.part === 'value') return `${main} or ${also}${m.equivalent ? ` (${formatQuantity(m.equivalent, language)})` : ''}`;
  return `${main} (${formatQuantity(m.equivalent!, language)} or ${also})`;
}

/**
 * A figure printed in a sentence of this briefing (`place`) that speaks of another period (`said`): the measure's figure
 * for it, `meant`, where the canvas has one. Or (`ahead`) a forecast or target printed in a sentence that reads as a reported result.
 */
export interface MisdatedFigure {
  metric: string;
  part: string;
  said?: string;
  ahead?: 'forecast' | 'target';
  meant?: string;
  place: string;
}

/**
 * Figures printed in a sentence that speaks of another period than theirs (check's period-mismatch at a reference): a
 * reader takes the one for the other ("rose to 13.1% in Q2 2025", where 13.1% is Q3's and Q2's was 12.8%). One entry
 * per figure, words and place, with the measure's figure for the period the sentence names where the canvas has one.
 * So too a forecast or target printed in a sentence that does not say it looks ahead (forecast-as-actual): a reader
 * takes guidance for a reported result.
 */
function misdatedFigures(canvas: Canvas, misdated: MisdatedFigure[]): Array<Omit<ContradictionModel, 'anchor'>> {
  const seen = new Set<string>();
  const language = canvas.briefing.language;
  return misdated.flatMap(({ metric, part, said, ahead, meant, place }) => {
    const m = canvas.metrics[metric];
    const key = `${metric}\0${part}\0${said ?? ahead}\0${place}`;
    if (m === undefined || seen.has(key)) return [];
    seen.add(key);
    const other = meant === undefined ? undefined : canvas.metrics[meant];
    const change = part === 'change' && m.change !== undefined;
    const shown = (f: typeof m) => (change && f.change !== undefined ? `its change, ${formatChange(f.change, language)}` : formatMetricValue(f, language));
    if (ahead !== undefined || said === undefined) {
      return [{
        metrics: [metric],
        suspects: [],
        title: `${m.label}, ${m.period}: a ${ahead ?? 'forecast'} printed as a reported result`,
        note: `Found by canvas-briefing: ${place} prints ${m.label} for ${m.period} (${shown(m)}), a ${ahead ?? 'forecast'}, in a sentence that does not say it looks ahead, and reads as a reported result. The canvas does not explain it; read it as the ${ahead ?? 'forecast'} it is, not as an actual figure.`,
        detected: true,
        table: figureTable(canvas, [metric], change ? WITH_CHANGE : undefined),
      }];
    }
    const ids = other === undefined ? [metric] : [metric, meant!];
    return [{
      metrics: ids,
      // The figures are not in doubt, the sentence's period is: no key figure is marked disputed by it.
      suspects: [],
      title: `${m.label}, ${m.period}: printed beside another period`,
      note: `Found by canvas-briefing: ${place} prints ${m.label} for ${m.period} (${shown(m)}) in a sentence that speaks of "${said}"${other === undefined ? '' : `, for which the canvas gives ${shown(other)} (${other.period})`}. The canvas does not explain it; check which period the sentence means before relying on it.`,
      detected: true,
      table: figureTable(canvas, ids, change ? WITH_CHANGE : undefined),
    }];
  });
}

/**
 * The disagreements check reports besides contradictions, among the figures this briefing prints: a stated YoY change
 * that the figure a year earlier rules out (change-mismatch), a margin its profit and revenue for the period rule out
 * (margin-mismatch), a leverage its net debt and twelve months of EBITDA rule out (leverage-mismatch), and an equivalent at a rate the date's other equivalents,
 * its currencies' history or its sign rule out (exchange-rate). Acknowledged ones are explained in the notes instead.
 */
function otherDisagreements(canvas: Canvas, inBriefing: Set<string>): Array<Omit<ContradictionModel, 'anchor'>> {
  const metrics = canvas.metrics;
  const all = Object.keys(metrics);
  const acknowledged = (rule: string, ids: string[], figure: FigureValue[]) => acknowledgedAbout(canvas, rule, ids, figure);
  const found: Array<Omit<ContradictionModel, 'anchor'>> = [];
  for (const { id, earlier, kind, written } of changeMismatches(metrics, all)) {
    if (!inBriefing.has(id) || acknowledged('change-mismatch', [id, earlier], changeMismatchPins(metrics[id].change![kind]!, written))) continue;
    const m = metrics[id];
    const digits = Math.max(1, decimalsOf(m.change![kind]!));
    const pct = (x: number) => `${x >= 0 ? '+' : '\u2212'}${Math.abs(x).toFixed(changeDecimals(x, digits))}${kind === 'points' ? ' pp' : '%'}`;
    found.push({
      metrics: [id, earlier],
      title: `${m.label}, ${m.period}: its stated change`,
      note: `Found by canvas-briefing: the change stated for this figure, ${formatChange(m.change!)}, does not follow from it and the figure a year earlier (${metrics[earlier].period}), which give ${pct(written)}. ${check(2)}`,
      detected: true,
      table: figureTable(canvas, [id, earlier], WITH_CHANGE),
    });
  }
  for (const { margin, profit, revenue, written } of marginMismatches(metrics, all)) {
    if (!inBriefing.has(margin) || acknowledged('margin-mismatch', [margin, profit, revenue], marginMismatchPins(metrics[margin], written))) continue;
    const [m, p, r] = [metrics[margin], metrics[profit], metrics[revenue]];
    const language = canvas.briefing.language;
    // Each amount alone, as the division is of it (its equivalent is in the table).
    const printed = (x: Metric) => formatQuantity({ value: x.value!, unit: x.unit!, scale: x.scale, qualifier: x.qualifier, decimals: x.decimals }, language);
    found.push({
      metrics: [margin, profit, revenue],
      title: `${m.label}, ${m.period}: its profit and revenue`,
      note: `Found by canvas-briefing: the margin stated, ${formatMetricValue(m, language)}, does not follow from ${p.label} (${printed(p)}) and ${r.label} (${printed(r)}) for the same period, which give ${formatQuantity({ value: written, unit: 'percent', decimals: marginDigits(m) }, language)}, even allowing for rounding. ${check(3)}`,
      detected: true,
      table: figureTable(canvas, [margin, profit, revenue]),
    });
  }
  for (const { leverage, netDebt, ebitda, written } of leverageMismatches(metrics, all)) {
    const ids = [leverage, netDebt, ...ebitda];
    if (!inBriefing.has(leverage) || acknowledged('leverage-mismatch', ids, leverageMismatchPins(metrics[leverage], written))) continue;
    const [m, n] = [metrics[leverage], metrics[netDebt]];
    const language = canvas.briefing.language;
    const printed = (x: Metric) => formatQuantity({ value: x.value!, unit: x.unit!, scale: x.scale, qualifier: x.qualifier, decimals: x.decimals }, language);
    const twelve = ebitda.map((id) => `${metrics[id].label}, ${metrics[id].period} (${printed(metrics[id])})`).join(', ');
    found.push({
      metrics: ids,
      title: `${m.label}, ${m.period}: its net debt and EBITDA`,
      note: `Found by canvas-briefing: the leverage stated, ${formatMetricValue(m, language)}, does not follow from ${n.label} (${printed(n)}) and the EBITDA of the twelve months to that day (${twelve}), which give ${formatQuantity({ value: written, unit: m.unit!, decimals: marginDigits(m) }, language)}, even allowing for rounding. ${check(ids.length)}`,
      detected: true,
      table: figureTable(canvas, ids),
    });
  }
  const ratesOf = (id: string) => `${metrics[id].label} (${metrics[id].period})`;
  const impossible = implausibleRates(metrics, all);
  const declared = (canvas.data_notes?.contradictions ?? []).map((c) => new Set(c.metrics));
  const wrong = new Set(impossible.map((r) => r.id));
  const rates = rateMismatches(metrics, all.filter((id) => !wrong.has(id)), (a, b) => declared.some((d) => d.has(a) && d.has(b)));
  const equivalents: Array<{ ids: string[]; note: string; suspects?: string[] }> = [
    ...signMismatches(metrics, all).map(({ id }) => ({ ids: [id], note: `its equivalent is of the other sign than the amount, so one of the two is wrong` })),
    ...impossible.map((r) => ({ ids: [r.id], note: `its equivalent converts at ${rate(r.rate)} ${r.currency} per ${r.per}, far from any rate between these currencies since 1990: its scale or digits are likely wrong` })),
    ...rates.map((r) => ({
      ids: [r.id, r.partner],
      // Where the other equivalents of the date side with the partner (or this one repeats an earlier figure's), this one is the suspect.
      ...(r.alone ? {} : { suspects: [r.id] }),
      note: `${ratesOf(r.id)} converts at ${rate(r.rate)} ${r.currency} per ${r.per}, ${ratesOf(r.partner)} at ${rate(r.partnerRate)}, though a source converts the amounts of one date (${formatDate(r.date, canvas.briefing.language)}) at one rate: ${
        r.copiedFrom !== undefined
          ? `the first's equivalent is also that of ${ratesOf(r.copiedFrom)}, and is likely left over from it`
          : r.alone ? 'one of the equivalents is likely wrong' : 'the second\'s rate is the one most equivalents of that date meet, so the first\'s equivalent is likely wrong'}`,
    })),
  ];
  const listed = new Set(equivalents.map((e) => e.ids[0]));
  for (const r of repeatedEquivalents(metrics)) {
    if (listed.has(r.id) || wrong.has(r.id)) continue;
    equivalents.push({ ids: [r.id, r.copiedFrom], suspects: [r.id], note: `${ratesOf(r.id)} states the same ${metrics[r.id].equivalent!.unit} equivalent as ${ratesOf(r.copiedFrom)}, though its amount differs by ${Math.round(Math.abs(r.ratio - 1) * 100)}%: the first's equivalent is likely left over from the earlier figure` });
  }
  // Parts above a total that add up to more than it, and shares of one whole past 100%, as one table or chart shows them.
  // Each series' values, oldest first (forecasts and targets aside), for a total whose parts added up to it before.
  const history: Record<string, string[]> = {};
  for (const id of all) if (id.includes('@') && !isLookingAhead(metrics[id]!)) (history[id.split('@')[0]!] ??= []).push(id);
  for (const values of Object.values(history)) values.sort((a, b) => (metrics[a]!.period_end ?? '').localeCompare(metrics[b]!.period_end ?? ''));
  // The same figures found wrong in a table and again in a chart (or in two tables) are one entry, naming where each is:
  // listed once per table, the data notes repeated it word for word, saying nowhere it was the same finding.
  const sets = figureSets(canvas, { metrics, history: {}, latest: {} });
  const shownIn = (ids: string[]) => {
    const kinds = sets.filter((s) => ids.every((id) => s.ids.includes(id))).map((s) => s.kind);
    const count = (kind: 'table' | 'chart') => kinds.filter((k) => k === kind).length;
    const words = (['table', 'chart'] as const).filter((k) => count(k) > 0).map((k) => (count(k) === 1 ? `a ${k}` : `${count(k)} ${k}s`));
    return { what: words.join(' and '), verb: kinds.length === 1 ? 'shows' : 'show' };
  };
  const seen = new Set<string>();
  const once = (rule: string, ids: string[]) => {
    const key = `${rule}|${ids.join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const set of sets) {
    for (const { total, parts, earlier, written, decimals } of partsShortOfTotals(set, { metrics, history })) {
      const sum = partsPins(written, decimals, metrics[total]);
      if (![total, ...parts].every((id) => inBriefing.has(id)) || acknowledged('parts-under-total', [total, ...parts], sum) || !once('under', [total, ...parts])) continue;
      const t = metrics[total];
      const { what, verb } = shownIn([total, ...parts]);
      found.push({
        metrics: [total, ...parts],
        title: `${t.label}, ${t.period}: its parts`,
        note: `Found by canvas-briefing: ${what} ${verb} these parts of ${t.label} above it, and they add up to ${sumOf(t, written, decimals, canvas.briefing.language)}, less than it, even allowing for rounding, though they added up to it in ${earlier.length === 1 ? earlier[0] : `each of the ${earlier.length} periods before`}. ${check(parts.length + 1)}`,
        detected: true,
        table: figureTable(canvas, [...parts, total]),
      });
    }
    for (const { total, parts, written, decimals } of partsOverTotals(set, metrics)) {
      const sum = partsPins(written, decimals, metrics[total]);
      // Only where this briefing shows the table: a block set's briefing without it prints none of its parts.
      if (![total, ...parts].every((id) => inBriefing.has(id)) || acknowledged('parts-over-total', [total, ...parts], sum) || !once('over', [total, ...parts])) continue;
      const t = metrics[total];
      const { what, verb } = shownIn([total, ...parts]);
      found.push({
        metrics: [total, ...parts],
        title: `${t.label}, ${t.period}: its parts`,
        note: `Found by canvas-briefing: ${what} ${verb} these parts of ${t.label} above it, and they add up to ${sumOf(t, written, decimals, canvas.briefing.language)}, more than it, even allowing for rounding. ${check(parts.length + 1)}`,
        detected: true,
        table: figureTable(canvas, [...parts, total]),
      });
    }
    for (const { ids, written } of sharesOverWhole(set, metrics)) {
      if (!ids.every((id) => inBriefing.has(id)) || acknowledged('share-over-100', ids, sharesPins(written)) || !once('shares', [...ids].sort())) continue;
      const { what, verb } = shownIn(ids);
      found.push({
        metrics: ids,
        title: ids.length === 1 ? `${metrics[ids[0]].label}, ${metrics[ids[0]].period}: a share past the whole` : `Shares of one whole, ${metrics[ids[0]].period}`,
        note: ids.length === 1
          ? `Found by canvas-briefing: ${what} ${verb} this as a share of a whole, and it is ${formatShare(written)}%, more than the whole even allowing for rounding. The canvas does not explain it; check the source before relying on it.`
          : `Found by canvas-briefing: ${what} ${verb} these as shares of one whole, and they add up to ${formatShare(written)}%, more than the whole even allowing for rounding. ${check(ids.length)}`,
        detected: true,
        table: figureTable(canvas, ids),
      });
    }
  }
  for (const { ids, note, suspects } of equivalents) {
    if (!ids.some((id) => inBriefing.has(id)) || acknowledged('exchange-rate', ids.slice(0, 1), exchangePins(metrics[ids[0]]))) continue;
    const m = metrics[ids[0]];
    found.push({
      metrics: ids,
      title: `${m.label}, ${m.period}: its ${m.equivalent!.unit} equivalent`,
      ...(suspects ? { suspects } : {}),
      note: `Found by canvas-briefing: ${note}. ${suspects ? 'The canvas does not explain the difference; check the source before relying on the first.' : check(ids.length)}`,
      detected: true,
      table: figureTable(canvas, ids, ['label', 'amount', 'equivalent', 'period', 'source']),
    });
  }
  return found;
}

/**
 * Whether the canvas acknowledges a finding of `rule` about `ids`, as check does: by rule, metrics and the figure the
 * finding is about (`figure`, pinned as check prints it; none for rules whose findings name none).
 */
function acknowledgedAbout(canvas: Canvas, rule: string, ids: string[], figure: FigureValue[] = []): boolean {
  const notation = notationOf(canvas.briefing.language);
  return (canvas.data_notes?.acknowledged ?? []).some((a) => acknowledges(a, rule, ids, figure, notation, canvas.briefing.language));
}

/**
 * What a declaration's figures a power of ten apart say, unless acknowledged (check's scale-slip at the declaration):
 * "Operating profit (JP¥313 billion, press release) is ten times Operating profit (JP¥31,245 million, 決算短信)".
 */
function declaredSlips(canvas: Canvas, declared: string[]): string[] {
  const ids = [...new Set(declared)].filter((id) => canvas.metrics[id] !== undefined);
  const said = (id: string) => `${canvas.metrics[id]!.label} (${[formatMetricValue(canvas.metrics[id]!, canvas.briefing.language), canvas.metrics[id]!.source].filter(Boolean).join(', ')})`;
  return ids.flatMap((a, j) => ids.slice(j + 1).flatMap((b) => {
    const power = powerOfTenApart(canvas.metrics[a]!, canvas.metrics[b]!);
    if (power === undefined || acknowledgedAbout(canvas, 'scale-slip', [a, b])) return [];
    return [`${said(power > 0 ? a : b)} is ${powerWords(Math.abs(power))} ${said(power > 0 ? b : a)}`];
  }));
}

/**
 * Figures check finds likely wrong as printed, unless acknowledged: a percentage a hundredth of its measure's other
 * figures (percent-as-fraction: 14.2% typed 0.142, printed "0.142%"), and a series' value about a power of ten off the
 * two it is compared with (scale-slip). The figure is the suspect; the others are shown beside it.
 */
function slippedFigures(canvas: Canvas, inBriefing: Set<string>): Array<Omit<ContradictionModel, 'anchor'>> {
  const { metrics } = canvas;
  const language = canvas.briefing.language;
  const printed = (id: string) => formatMetricValue(metrics[id]!, language);
  // The figure among the others, oldest first, as the measure's table or chart shows them.
  const byPeriod = (ids: string[]) => [...ids].sort((a, b) => (metrics[a]!.period_end ?? '').localeCompare(metrics[b]!.period_end ?? ''));
  const found: Array<Omit<ContradictionModel, 'anchor'>> = [];
  for (const { id, others } of fractionPercents(metrics, Object.keys(metrics))) {
    if (!inBriefing.has(id) || acknowledgedAbout(canvas, 'percent-as-fraction', [id])) continue;
    const m = metrics[id]!;
    const sorted = [...others].sort((a, b) => Math.abs(metrics[a]!.value!) - Math.abs(metrics[b]!.value!));
    const span = sorted.length === 1 ? printed(sorted[0]!) : `${printed(sorted[0]!)}–${printed(sorted.at(-1)!)}`;
    found.push({
      metrics: [id, ...others],
      suspects: [id],
      title: `${m.label}, ${m.period}: a hundredth of its other figures`,
      note: `Found by canvas-briefing: ${printed(id)} is far below the same measure's other figures (${span}): a share written as a fraction of one, ${formatMetricValue({ ...m, value: m.value! * 100, decimals: Math.max(0, (m.decimals ?? decimalsOf(m.value!)) - 2) }, language)} typed as ${m.value}? The canvas does not explain it; check the source before relying on it.`,
      detected: true,
      table: figureTable(canvas, byPeriod([id, ...others])),
    });
  }
  // Each series' values as check reads them: up to the briefing's date, forecasts and targets aside, oldest first.
  const series = [...new Set(Object.keys(metrics).filter((id) => id.includes('@')).map((id) => id.split('@')[0]!))];
  for (const { id, against, power, scaled, pair } of series.flatMap((s) => seriesSlips(metrics, seriesHistory(metrics, s, canvas.briefing.as_of)))) {
    if (!inBriefing.has(id) || acknowledgedAbout(canvas, 'scale-slip', [id])) continue;
    const m = metrics[id]!;
    const beside = against.map((o) => `${printed(o)} for ${metrics[o]!.period}`).join(' and ');
    found.push({
      metrics: [id, ...against],
      suspects: pair ? [id, ...against] : [id],
      title: `${m.label}, ${m.period}: ${powerWords(power)} the ${scaled === undefined ? 'figures' : 'figure'} beside it`,
      note: scaled === undefined
        ? `Found by canvas-briefing: ${printed(id)} is about ${powerWords(power)} the figures it is compared with (${beside}), which agree with each other: a digit dropped or added, or the wrong scale? The canvas gives it no note of its own (a one-off would have one); check the source before relying on it.`
        : pair
          ? `Found by canvas-briefing: ${printed(id)} is about ${powerWords(power)} the figure beside it (${beside}), given in another scale (${scaled}, not ${metrics[against[0]]!.scale ?? 'units'}): one of the two scales is wrong? Their digits in one scale would be within 2× of each other; check both against the source before relying on them.`
          : `Found by canvas-briefing: ${printed(id)} is about ${powerWords(power)} the figure beside it (${beside}), and is the only figure of the measure given in ${scaled}: the wrong scale? The canvas gives it no note of its own (a one-off would have one); check the source before relying on it.`,
      detected: true,
      table: figureTable(canvas, byPeriod([id, ...against])),
    });
  }
  return found;
}

/** A sum of shares as the note prints it: one decimal at most. */
function formatShare(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** An exchange rate as the note prints it: its middle, to four significant digits. */
function rate([lo, hi]: [number, number]): string {
  return Math.sqrt(lo * hi).toPrecision(4);
}

/** The figures `ids` as a data note shows them: each with its value, period and source (or `columns`). */
export function figureTable(canvas: Canvas, ids: string[], columns: MetricColumn[] = ['label', 'value', 'period', 'source']) {
  return buildMetricTable({ columns, rows: ids }, Object.fromEntries(ids.map((id) => [id, credited(canvas, id)])), new Set(), canvas.briefing.language);
}

/**
 * Metric `id`, credited with its source: its own, or, where it names none, the one document data_notes.sources lists,
 * which covers every figure (as no-source reads it, and the data notes' Sources list it): a "—" would read as no source.
 */
function credited(canvas: Canvas, id: string): Canvas['metrics'][string] {
  const m = canvas.metrics[id]!;
  const sources = canvas.data_notes?.sources ?? [];
  return m.source === undefined && sources.length === 1 ? { ...m, source: sources[0]!.title } : m;
}

/** What the parts of total `t` add up to, as the briefing prints its figures: in its unit and scale, to `decimals` digits. */
function sumOf(t: Canvas['metrics'][string], written: number, decimals: number, language: string | undefined): string {
  return formatQuantity({ value: written, unit: t.unit!, scale: t.scale, decimals }, language);
}
