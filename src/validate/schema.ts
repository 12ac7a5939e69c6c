/**
 * The canvas schema: the one definition of what a canvas YAML file may hold.
 * Types come from it (z.infer), the validator uses it, and scripts/write-schema.ts
 * publishes it as schema/canvas.schema.json for editors.
 */
import { z } from 'zod';
import { BLOCK_KEYS, type BlockKey } from '../canvas/blocks.ts';

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
/** The longest confidentiality marking: four lines of the running head (render/page-css.ts wraps one too long for a line). */
const CONFIDENTIALITY_LENGTH = 240;
const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an id is lower-case letters, digits and underscores, starting with a letter (e.g. cloud_revenue_q2)');
const LangTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language is a BCP 47 tag such as en, en-GB, ja, ko or zh-Hans');
export const IsoDate = z.iso.date('a date is written YYYY-MM-DD, e.g. 2025-09-30');
/** A metric as referred to: its id, or for a metric with dated values one of them, id@YYYY-MM-DD. */
const MetricRef = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(@\d{4}-\d{2}-\d{2})?$/, 'a metric is referred to by its id (e.g. cloud_revenue), or one of its dated values as id@YYYY-MM-DD (e.g. cloud_revenue@2025-06-30)');

export const SCALES = ['thousand', 'million', 'billion', 'trillion'] as const;
export const QUALIFIERS = ['approx', 'about', 'over', 'more_than', 'at_least', 'nearly', 'up_to', 'under', 'roughly'] as const;
/** The rules of validate/findings.ts, by id: what a valid canvas can still get wrong. */
export const FINDING_RULES = ['contradiction', 'change-mismatch', 'margin-mismatch', 'leverage-mismatch', 'stale-reference', 'unused-metric', 'ended-forecast', 'no-source', 'share-over-100', 'mixed-currencies', 'unmatched-acknowledgement', 'control-character', 'typed-figure', 'exchange-rate', 'period-mismatch', 'percent-as-fraction', 'mixed-periods', 'parts-over-total', 'period-end-mismatch', 'stale-briefing-period', 'size-of-gain', 'typed-mismatch', 'parts-under-total', 'resolved-contradiction', 'undated-period', 'borrowed-headline', 'unpinned-acknowledgement', 'change-direction', 'stale-series', 'doubled-words', 'scale-slip', 'ambiguous-point', 'rounded-cell', 'stale-typed-figure', 'forecast-as-actual'] as const;

/**
 * Rules a canvas can acknowledge (data_notes.acknowledged): not contradictions (declared in contradictions), control
 * characters (deleted), an acknowledgement's own (unmatched, or naming no figure), a declared contradiction's whose figures
 * agree (the declaration removed), a block set's borrowed headline (the set's own key_figures or key_charts are the fix),
 * or a number that reads two ways (written so that it reads one way).
 */
const UNACKNOWLEDGEABLE = ['contradiction', 'control-character', 'unmatched-acknowledgement', 'unpinned-acknowledgement', 'resolved-contradiction', 'borrowed-headline', 'ambiguous-point'] as const;
export type AcknowledgeableRule = Exclude<(typeof FINDING_RULES)[number], (typeof UNACKNOWLEDGEABLE)[number]>;
const ACKNOWLEDGEABLE_RULES = FINDING_RULES.filter((r): r is AcknowledgeableRule => !(UNACKNOWLEDGEABLE as readonly string[]).includes(r));

export const PERIOD_TYPES = [
  'quarter', 'half_year', 'fiscal_year', 'calendar_year', 'ttm', 'multi_year', 'month', 'day', 'event', 'as_at', 'since', 'forecast', 'target',
] as const;

/** A quantity as written by the source: number, unit, scale and how exact it is. */
const Quantity = {
  value: z.number().describe('The number as the source gives it, in the stated scale: 39.8 with scale billion means 39.8 billion. Keep the source\'s precision (101.272 stays 101.272).'),
  unit: text('unit').describe('An ISO currency code (CNY, USD, EUR), "percent", or a unit word in the plural (users, members, parcels, brands, regions).'),
  scale: z.enum(SCALES).optional().describe('thousand, million, billion or trillion; leave out for plain numbers.'),
  qualifier: z.enum(QUALIFIERS).optional().describe('How exact the source is: approx, about, roughly, over, more_than, at_least, nearly, up_to, under.'),
  decimals: z.number().int().min(0).max(6).optional().describe('Digits after the decimal point to show; by default exactly those written in value.'),
};

export const EquivalentSchema = z
  .strictObject({
    value: Quantity.value,
    unit: Quantity.unit,
    scale: Quantity.scale,
    qualifier: Quantity.qualifier,
    decimals: Quantity.decimals,
  })
  .describe('The same amount in another currency, as the source states it (e.g. the US$ figure beside an RMB figure).');

export const ChangeSchema = z
  .strictObject({
    percent: z.number().optional().describe('Change in percent: 34 for +34%, -12 for a 12% decrease.'),
    points: z.number().optional().describe('Change in percentage points.'),
    text: text('change text').optional().describe('A change the source states only in words, e.g. "triple-digit".'),
    basis: text('basis').optional().describe('What the change compares against; default "YoY" (year over year).'),
    better: z.enum(['higher', 'lower']).optional().describe('Which direction is good news (lower for costs, losses, churn). With it, changes show green when favourable and red when not; without it they show neutral.'),
    decimals: z.number().int().min(0).max(6).optional().describe('Digits after the decimal point for percent and points; by default exactly those written (-4.0 prints as −4.0%).'),
  })
  .refine((c) => c.percent !== undefined || c.points !== undefined || c.text !== undefined, {
    message: 'a change needs percent, points or text',
  })
  .describe('How the figure changed, usually year over year.');

/** A metric with one value: the form every canvas had before metrics could hold series. */
export const MetricSchema = z
  .strictObject({
    label: text('label').describe('What is measured, e.g. "Cloud Intelligence Group revenue".'),
    value: Quantity.value.optional(),
    text: text('text').optional().describe('For a fact the source gives only in words (e.g. "Triple-digit"); use instead of value.'),
    unit: Quantity.unit.optional(),
    scale: Quantity.scale,
    qualifier: Quantity.qualifier,
    decimals: Quantity.decimals,
    period: text('period').describe('The period the figure covers, in words: "Quarter ended 30 Sep 2025", "FY2025", "As of 31 Mar 2025".'),
    period_type: z.enum(PERIOD_TYPES).optional().describe('The kind of period: quarter, half_year, fiscal_year, calendar_year, ttm, multi_year, month, day, event, as_at, since; forecast or target for figures about the future (kept out of the as-of dates).'),
    period_end: IsoDate.optional().describe('The last day of the period (or the day of a point-in-time figure), YYYY-MM-DD.'),
    as_of: IsoDate.optional().describe('When the source reported the figure, where it says so.'),
    change: ChangeSchema.optional(),
    equivalent: EquivalentSchema.optional(),
    concept: Id.optional().describe('Figures measuring the same thing share a concept id; two with the same concept and period but different values are reported as a contradiction.'),
    source: text('source').optional().describe('Where the figure comes from (a filing, the section of the source document).'),
    note: text('note').optional().describe('Context a reader needs, shown in tables and data notes.'),
  })
  .superRefine((m, ctx) => {
    if (m.value === undefined && m.text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a metric needs a value (a number) or, for a fact given only in words, text' });
    }
    if (m.value !== undefined && m.text !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give either value or text, not both' });
    }
    if (m.value !== undefined && m.unit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a metric with a value needs a unit (a currency code such as CNY, "percent", or a unit word such as users)' });
    }
  })
  .describe('A typed fact: a number with unit, scale and period. Tables, charts and [[id]] references in text use it by id.');

/** One dated value of a measure: what a single-value metric says besides label, unit and scale. */
export const SeriesValueSchema = z
  .strictObject({
    value: Quantity.value.optional(),
    text: text('text').optional().describe('For a value the source gives only in words; use instead of value.'),
    scale: Quantity.scale.describe('Overrides the metric\'s scale for this value, where the source gives it so (RMB 30,127 million one quarter, RMB 33.4 billion the next).'),
    qualifier: Quantity.qualifier,
    decimals: Quantity.decimals,
    period: text('period').describe('The period this value covers, in words: "Quarter ended 30 Sep 2025".'),
    period_type: z.enum(PERIOD_TYPES).optional().describe('Overrides the metric\'s period_type for this value (e.g. forecast for guidance).'),
    period_end: IsoDate.describe('The last day of the period, YYYY-MM-DD: it orders the series and names the value (id@period_end).'),
    as_of: IsoDate.optional().describe('When the source reported this value, where it says so.'),
    change: ChangeSchema.optional(),
    equivalent: EquivalentSchema.optional(),
    source: text('source').optional().describe('Overrides the metric\'s source for this value.'),
    note: text('note').optional().describe('Overrides the metric\'s note for this value.'),
  })
  .superRefine((v, ctx) => {
    if (v.value === undefined && v.text === undefined) ctx.addIssue({ code: 'custom', message: 'a value of a series needs value (a number) or, for a fact given only in words, text' });
    if (v.value !== undefined && v.text !== undefined) ctx.addIssue({ code: 'custom', path: ['text'], message: 'give either value or text, not both' });
  })
  .describe('One dated value of a metric with values.');

/**
 * A measure with dated values: revenue by quarter, members by year. [[id]] means its latest value as of
 * briefing.as_of; [[id@YYYY-MM-DD]] one value; a chart's series: id all of them.
 */
export const SeriesMetricSchema = z
  .strictObject({
    label: MetricSchema.shape.label,
    unit: Quantity.unit.optional(),
    scale: Quantity.scale,
    qualifier: Quantity.qualifier,
    decimals: Quantity.decimals,
    period_type: z.enum(PERIOD_TYPES).optional().describe('The kind of period every value covers (quarter, fiscal_year...); a value may override it.'),
    source: text('source').optional().describe('Where the figures come from, unless a value says otherwise.'),
    note: text('note').optional(),
    concept: Id.optional().describe('Rarely needed: the metric id already names the measure. Give a concept shared with single-value metrics that measure the same thing, so contradictions are found across them.'),
    values: z.array(SeriesValueSchema).min(1, 'a metric with values needs at least one').describe('One entry per period, in any order; each has value (or text), period and period_end.'),
  })
  .superRefine((m, ctx) => {
    if (m.unit === undefined && m.values.some((v) => v.value !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a metric with values needs a unit (a currency code such as CNY, "percent", or a unit word such as users)' });
    }
  })
  .describe('A measure with values over time: label, unit and scale once, then one entry per period under values.');

/** A metric as a canvas may write it: one value, or dated values. */
export const MetricInputSchema = z.union([MetricSchema, SeriesMetricSchema]);

export const ChartSchema = z
  .strictObject({
    title: text('title'),
    type: z.enum(['bar', 'column', 'line', 'dot']).describe('bar: horizontal bars comparing categories; column: vertical bars over periods; line: a trend over dated periods (needs period_end); dot: values on one scale, for few points of very different size.'),
    series: Id.optional().describe('A metric with values: plots each of its values up to briefing.as_of (forecasts and targets left out), oldest first. Instead of points.'),
    last: z.number().int().min(1).optional().describe('With series: only the last N values.'),
    points: z
      .array(
        z.strictObject({
          metric: MetricRef.describe('The metric to plot (id, or id@YYYY-MM-DD for one value of a metric with values).'),
          label: text('label').optional().describe('The category or axis label; defaults to the metric\'s label (bar, dot) or period (column, line).'),
          group: text('group').optional().describe('Colours points by group, with a legend.'),
        }),
      )
      .min(1, 'a chart needs at least one point')
      .optional(),
    plot: z.enum(['value', 'change']).optional().describe('value (default) plots each metric\'s value; change plots its change.percent, e.g. YoY growth by quarter, so growth is charted from the same metrics the text quotes.'),
    caption: text('caption').optional().describe('The source and period of the data, under the chart; a figure it names is a reference ([[id]]), as in text.'),
    log_scale: z.boolean().optional().describe('Use a logarithmic value axis, for values spanning orders of magnitude.'),
    from_zero: z.boolean().optional().describe('The value axis starts at zero (default). false, on a line chart only, fits the axis to the values: a ratio\'s 13 bp move drawn flat from zero shows.'),
  })
  .superRefine((c, ctx) => {
    if (c.from_zero === false && c.type !== 'line') ctx.addIssue({ code: 'custom', path: ['from_zero'], message: `a ${c.type} chart's bars or dots are read from zero: from_zero: false is for a line chart (type: line), whose points are read against each other` });
    if (c.points === undefined && c.series === undefined) ctx.addIssue({ code: 'custom', message: 'a chart needs points (a list of metrics) or series (a metric with values)' });
    if (c.points !== undefined && c.series !== undefined) ctx.addIssue({ code: 'custom', path: ['series'], message: 'give either points or series, not both' });
    if (c.last !== undefined && c.series === undefined) ctx.addIssue({ code: 'custom', path: ['last'], message: 'last takes the last values of a series: give series too, or leave last out' });
  })
  .describe('A Vega-Lite chart drawn from metrics; all its metrics must share one unit.');

/** A table's number written with trailing zeros (18.0, 12.50): load/ gives it so, the number and the decimals written. */
const WrittenNumberCell = z.strictObject({
  value: z.number(),
  decimals: z.number().int().min(0).max(20),
}).describe('A number with the decimals it prints with: { value: 18, decimals: 1 } is 18.0, as a row\'s 18.0 is read (YAML alone reads 18).');

/** A table's number written with trailing zeros, as load/ gives it: `18.0` is `{ value: 18, decimals: 1 }`. */
export type WrittenNumber = z.infer<typeof WrittenNumberCell>;

const Cell = z.union([
  z.string(),
  z.number(),
  WrittenNumberCell,
  z.strictObject({
    metric: MetricRef,
    show: z.enum(['value', 'amount', 'size', 'equivalent', 'change', 'period', 'as_of', 'label', 'source', 'note']).optional().describe('Which part of the metric the cell shows; default value (with its equivalent in brackets); amount is the value alone; size is the value without its minus (a loss of).'),
  }),
]);

export const TableSchema = z
  .strictObject({
    title: text('title').optional(),
    columns: z
      .array(z.union([
        text('column'),
        z.strictObject({
          title: text('column'),
          decimals: z.number().int().min(0).max(6).describe('Digits after the decimal point for the numbers of this column: 18 prints as 18.0 with decimals: 1.'),
        }),
      ]))
      .min(1, 'a table needs at least one column')
      .describe('Column headings: a title, or {title, decimals} for a column of numbers printed with a fixed number of decimals.'),
    rows: z.array(z.array(Cell)).min(1, 'a table needs at least one row'),
    note: text('note').optional(),
  })
  .describe('A table of text and metric cells. A cell is text or {metric: id, show: value|amount|equivalent|change|period|as_of|label|source|note}.');

export const MetricTableSchema = z
  .strictObject({
    title: text('title').optional(),
    columns: z
      .array(z.enum(['label', 'value', 'amount', 'equivalent', 'change', 'period', 'as_of', 'source', 'note']))
      .optional()
      .describe('Columns to show, in order; default label, value, change, period.'),
    rows: z.array(
      z.union([
        MetricRef,
        z.strictObject({ metric: MetricRef, label: text('label').optional().describe('Overrides the metric\'s label in this table.') }),
        z.strictObject({ series: Id.describe('A metric with values: one row per value up to briefing.as_of, oldest first.') }),
      ]),
    ).min(1, 'a metric table needs at least one row'),
    note: text('note').optional(),
  })
  .describe('A table with one metric per row; columns are filled from the metrics.');

export const ContentSchema = z.union([
  z.strictObject({ paragraph: text('paragraph').describe('Narrative text. [[metric_id]] inserts a metric\'s formatted value; [[metric_id.change]] its change.') }),
  z.strictObject({ bullets: z.array(text('bullet')).min(1, 'bullets need at least one item') }),
  z.strictObject({ table: TableSchema }),
  z.strictObject({ metric_table: MetricTableSchema }),
  z.strictObject({ chart: Id.describe('The id of a chart in charts:.') }),
]).describe('One piece of a section: {paragraph}, {bullets}, {table}, {metric_table} or {chart}.');

export const SectionSchema = z.strictObject({
  title: text('title'),
  tags: z.array(Id).optional().describe('Block sets with tags include only sections carrying one of them.'),
  content: z.array(ContentSchema).min(1, 'a section needs content'),
});

export const BlockSchema = z.strictObject({
  title: text('title').optional().describe('Defaults to the block\'s standard name, e.g. "Key Partnerships".'),
  lead: text('lead').optional().describe('An opening paragraph for the chapter.'),
  sections: z.array(SectionSchema).default([]),
});

export const ChapterSchema = BlockSchema.extend({ title: text('title').describe('The chapter\'s title, e.g. "Outlook".') });

export const BlockSetSchema = z.strictObject({
  title: text('title').describe('Shown on the cover, e.g. "Cloud and AI".'),
  description: text('description').optional(),
  summary: text('summary').optional().describe('This set\'s opening summary on the key-figures page; default the canvas summary, which should then not speak of the whole canvas.'),
  blocks: z.array(Id).optional().describe('Blocks (and chapters: ids under chapters) to include, shown in canvas order; default all.'),
  tags: z.array(Id).optional().describe('Include only sections tagged with one of these.'),
  key_figures: z.array(MetricRef).optional().describe('Headline metrics for this set\'s key-figures page; default the canvas key_figures.'),
  key_charts: z.array(Id).optional().describe('Charts for this set\'s key-figures page; default the canvas key_charts.'),
});

export const CanvasSchema = z
  .strictObject({
    company: z.strictObject({
      name: text('name'),
      short_name: text('short_name').optional().describe('Used in running heads; defaults to name.'),
      native_name: text('native_name').optional().describe('The name in the company\'s own script, e.g. 阿里巴巴集团.'),
      native_name_lang: LangTag.optional().describe('The language of native_name and of glossary names (ja, ko, zh-Hans, zh-Hant...): it chooses the font they are drawn in. Default from country (Japan: ja, South Korea: ko, Taiwan, Hong Kong, Macau: zh-Hant, otherwise zh-Hans for Chinese script).'),
      ticker: text('ticker'),
      exchange: text('exchange'),
      country: text('country'),
      sector: text('sector'),
      industry: text('industry'),
    }),
    briefing: z.strictObject({
      title: text('title').optional().describe('Default "Investor briefing".'),
      period: text('period').describe('The period the briefing covers, e.g. "Late 2025".'),
      as_of: IsoDate.describe('The date the data is current to.'),
      currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code, e.g. CNY').describe('The reporting currency, an ISO code.'),
      author: text('author').optional(),
      subject: text('subject').optional(),
      keywords: z.array(text('keyword')).optional(),
      language: LangTag.optional(),
      summary: text('summary').optional().describe('An opening summary shown on the key-figures page.'),
      theme: text('theme')
        .optional()
        .describe('A theme folder (templates, styles, fonts, logo; see docs/themes.md), relative to this canvas file; --theme and BRIEFING_THEME override it. Default the built-in theme.'),
      prepared_for: text('prepared_for').optional().describe('Who the briefing is for, printed on the cover: "Prepared for the Investment Committee, 4 December 2025".'),
      confidentiality: text('confidentiality').max(CONFIDENTIALITY_LENGTH, `a confidentiality marking is printed whole at the top of every page, and one of more than ${CONFIDENTIALITY_LENGTH} characters would run into the page's text: shorten it (a longer notice can go in data_notes.preface)`).optional().describe('A marking printed on the cover and at the top of every page: "Confidential: for internal use only".'),
      disclaimer: text('disclaimer').optional().describe('The disclaimer in the Important information part at the end; default a standard wording (not an offer, no warranty, figures as their sources state them).'),
      forward_looking: text('forward_looking').optional().describe('The forward-looking-statements notice in the Important information part; default a standard wording.'),
      file_name: z
        .string()
        .regex(/^(?:[A-Za-z0-9._ -]|\{(?:stem|period|as_of|ticker)\})+$/, 'a file name pattern is letters, digits, . _ - and spaces, with {stem}, {period}, {as_of} or {ticker}, e.g. {stem}-{period}')
        .refine((p) => /[A-Za-z0-9]|\{/.test(p), 'a file name pattern needs a letter, a digit or a placeholder')
        .refine((p) => !p.startsWith('.'), 'a file name pattern may not start with "." (the PDF would be a hidden file, and could take the name of the tool\'s own files)')
        .optional()
        .describe('The PDF\'s name without .pdf, default {stem} (the canvas file\'s name): e.g. {stem}-{period} keeps one PDF per quarter, so the Q3 briefing does not replace the Q2 one. Block sets add --<set>.'),
    }),
    glossary: z
      .array(z.strictObject({ term: text('term'), native: text('native').optional(), lang: LangTag.optional().describe('The language of native (ja, ko, zh-Hans, zh-Hant...); default company.native_name_lang.'), description: text('description') }))
      .optional()
      .describe('Names and terms, with their native script, listed in the appendix.'),
    metrics: z.record(Id, MetricInputSchema).describe('Every figure, by id: one value, or dated values under values.'),
    charts: z.record(Id, ChartSchema).optional(),
    key_figures: z.array(MetricRef).optional().describe('Headline metrics for the key-figures page.'),
    key_charts: z.array(Id).optional().describe('Charts for the key-figures page.'),
    blocks: z
      .strictObject(Object.fromEntries(BLOCK_KEYS.map((k) => [k, BlockSchema.optional()])) as Record<BlockKey, z.ZodOptional<typeof BlockSchema>>)
      .describe('The nine canvas blocks; each becomes a chapter.'),
    chapters: z
      .record(Id, ChapterSchema)
      .optional()
      .describe('Chapters after the nine blocks (Outlook, Risks, Valuation), by id, in the order written; each holds what a block holds. Block sets name them in blocks like a block.'),
    block_sets: z.record(Id, BlockSetSchema).optional().describe('Narrower briefings, each its own PDF <canvas>--<set>.pdf. "full" is reserved for the whole canvas.'),
    data_notes: z
      .strictObject({
        sources: z.array(z.strictObject({ title: text('title'), detail: text('detail').optional(), accessed: IsoDate.optional() })).optional(),
        contradictions: z
          .array(z.strictObject({ title: text('title'), metrics: z.array(MetricRef).min(2, 'a contradiction names at least two metrics'), note: text('note') }))
          .optional()
          .describe('Figures in the source that disagree: each keeps all values and says how they differ.'),
        notes: z.array(text('note')).optional(),
        preface: text('preface').optional().describe('The opening line of the data notes, in your words (e.g. for a company\'s own investor-relations pack); default a line saying where the figures come from and that disagreeing figures are printed as stated.'),
        acknowledged: z
          .array(z.strictObject({
            rule: z.enum(ACKNOWLEDGEABLE_RULES as [AcknowledgeableRule, ...AcknowledgeableRule[]]).describe('The finding\'s rule id, as check prints it. (Contradictions are declared in contradictions, above; control characters are deleted, not acknowledged.)'),
            metrics: z.array(MetricRef).default([]).describe('The metrics the finding names, every one; none for rounded-cell, a free table\'s number, which belongs to no metric (its figure names it).'),
            figure: text('figure').optional().describe('Of figures that disagree (typed-mismatch, typed-figure where it disagrees, change-mismatch, margin-mismatch, leverage-mismatch, share-over-100, parts-over-total, parts-under-total, exchange-rate, rounded-cell): the figures the finding is about, as check quotes them: "EUR 1,180 million against €1,204 million" (typed against the canvas\'s), "+12.0% against +9.5%" (stated against the figures\' change; a typed change against the stated one, "+120 bps against +0.9 pp"), "17.5% against 16.5%" (a margin against the one its profit and revenue give), "2.3x against 1.8x" (a leverage against the one its net debt and EBITDA give), "€25.2 billion against €24.8 billion" (the parts\' sum against the total), "104%" (the shares\' sum), the equivalent against its amount, a table\'s number against what its column prints ("0.052 against 0.1"). Only a finding about those figures is accepted: a later one about other figures of the same metrics is not.'),
            reason: text('reason').describe('Why the figures stand as they are: printed in the data notes.'),
          }).superRefine((a, ctx) => {
            // A finding about a free table's number names no metric; every other names the metrics it is about.
            if (a.metrics.length === 0 && a.rule !== 'rounded-cell') ctx.addIssue({ code: 'custom', path: ['metrics'], message: 'an acknowledgement names the metrics of the finding' });
          }))
          .optional()
          .describe('Findings that are known and stand: still listed in the data notes with the reason, but no longer failing check --strict.'),
      })
      .optional(),
  })
  .describe('A Business Model Canvas for canvas-briefing.');

/** A canvas as written: metrics may hold dated values, charts and tables may take a whole series. */
export type CanvasInput = z.infer<typeof CanvasSchema>;
export type MetricInput = z.infer<typeof MetricInputSchema>;
export type SeriesMetric = z.infer<typeof SeriesMetricSchema>;
export type ChartInput = z.infer<typeof ChartSchema>;
export type MetricTableInput = z.infer<typeof MetricTableSchema>;
export type ContentInput = z.infer<typeof ContentSchema>;

/**
 * A canvas as the model reads it (canvas/series.ts flattenCanvas): every metric one value, each
 * dated value of a series a metric of its own (id@period_end), and every reference to a series
 * pointing at one of its values.
 */
export type Canvas = Omit<CanvasInput, 'metrics' | 'charts' | 'blocks' | 'chapters'> & {
  metrics: Record<string, Metric>;
  charts?: Record<string, Chart>;
  blocks: { [K in BlockKey]?: Block };
  chapters?: Record<string, Block & { title: string }>;
};
export type Metric = z.infer<typeof MetricSchema>;
export type Chart = Omit<ChartInput, 'series' | 'last' | 'points'> & { points: NonNullable<ChartInput['points']> };
export type MetricTable = Omit<MetricTableInput, 'rows'> & { rows: Array<string | { metric: string; label?: string }> };
export type Content = Exclude<z.infer<typeof ContentSchema>, { metric_table: unknown }> | { metric_table: MetricTable };
export type Section = Omit<z.infer<typeof SectionSchema>, 'content'> & { content: Content[] };
export type Block = Omit<z.infer<typeof BlockSchema>, 'sections'> & { sections: Section[] };
export type BlockSet = z.infer<typeof BlockSetSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Quantity = z.infer<typeof EquivalentSchema>;
