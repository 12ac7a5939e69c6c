/**
 * The Vega-Lite types the spec builders use. vega-lite's root exports only TopLevelSpec and
 * Config; the parts of a spec come from its "types_unstable" subpath, gathered here so that a
 * vega-lite upgrade which moves them changes one file.
 */
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';

export type { Config, TopLevelSpec } from 'vega-lite';
export type { Axis } from 'vega-lite/types_unstable/axis.js';
export type { Encoding } from 'vega-lite/types_unstable/encoding.js';

/** One layer of a chart (every chart is a layer of unit specs with field names as strings). */
export type Layer = UnitSpec<string>;

/** An x or y encoding of a data field. */
export type PositionDef = PositionFieldDef<string>;
