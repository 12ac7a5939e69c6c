/**
 * What the live preview says of a briefing whose canvas failed to build, as watch --serve composes it: the
 * briefings the output folder's manifest records (previewState) and the failures each concerns (publicState).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingError, EXIT } from '../../src/errors.ts';
import { previewState } from '../../src/pipeline.ts';
import { publicState } from '../../src/preview/public-state.ts';
import { tempDir } from '../support/temp.ts';

/** A manifest entry of `canvas` (relative to the output folder) for the briefing `name`. */
function entry(canvas: string, name: string, set = 'full') {
  return { canvas, canvasSha256: 'c', set, title: name, content: 'c', inputs: 'i', context: 'x', edition: 'e', pages: 1, files: { [`${name}.pdf`]: `sha-${name}` } };
}

describe('the live preview of a failed build', () => {
  it('marks every briefing of the canvas that failed, whatever briefing.file_name names them, and no other canvas\'s', async () => {
    const project = tempDir('preview-state-');
    const data = join(project, 'data');
    const out = join(project, 'output');
    mkdirSync(data);
    mkdirSync(out);
    const files = ['nordwind.yaml', 'acme.yaml', 'acme--emea.yaml'].map((f) => join(data, f));
    for (const file of files) writeFileSync(file, 'company: {}\n');
    writeFileSync(join(out, '.briefing-manifest.json'), JSON.stringify({
      format: 'canvas-briefing manifest 2',
      canvases: {},
      briefings: {
        // file_name: "{stem}-{period}": the briefings of nordwind.yaml are not named "nordwind".
        'nordwind-FY2025': entry('../data/nordwind.yaml', 'nordwind-FY2025'),
        'nordwind-FY2025--finance': entry('../data/nordwind.yaml', 'nordwind-FY2025--finance', 'finance'),
        'acme': entry('../data/acme.yaml', 'acme'),
        // Another canvas, whose name begins with "acme--".
        'acme--emea': entry('../data/acme--emea.yaml', 'acme--emea'),
      },
    }));

    const message = 'data/x.yaml:19:12: metrics.revenue.value: expected a number, found "1234.5q"';
    const state = await previewState(out, files, [
      { kind: 'failed', canvas: files[0]!, ms: 0, error: new BriefingError(`nordwind ${message}`, EXIT.invalidData) },
      { kind: 'failed', canvas: files[1]!, ms: 0, error: new BriefingError(`acme ${message}`, EXIT.invalidData) },
    ]);
    const failures = Object.fromEntries(publicState(state).entries.map((e) => [e.name, e.failures]));
    expect(failures).toEqual({
      'nordwind-FY2025': [`nordwind ${message}`],
      'nordwind-FY2025--finance': [`nordwind ${message}`],
      'acme': [`acme ${message}`],
      'acme--emea': [],
    });
    // The pages are never told where the canvases are.
    expect(JSON.stringify(publicState(state))).not.toContain(project);
  });

  it('marks a briefing\'s own failure on it alone, and by the canvas\'s name only its own briefings when no canvas file is known', () => {
    const pdf = (name: string) => `/out/${name}.pdf`;
    const entries = ['nordwind', 'nordwind--finance', 'nordwind2', 'acme'].map((name) => ({ name, title: name, pdf: pdf(name), version: 'v' }));
    const failures = Object.fromEntries(publicState({
      entries,
      failures: [
        // One set failed (its chart): the canvas's other briefings were built.
        { canvas: 'data/acme.yaml', name: 'acme', message: 'acme: chart failed' },
        // A canvas with the .yml ending; "nordwind2" is another canvas's briefing.
        { canvas: 'data/nordwind.yml', message: 'nordwind: YAML syntax' },
      ],
      building: false,
    }).entries.map((e) => [e.name, e.failures]));
    expect(failures).toEqual({
      'nordwind': ['nordwind: YAML syntax'],
      'nordwind--finance': ['nordwind: YAML syntax'],
      'nordwind2': [],
      'acme': ['acme: chart failed'],
    });
  });
});
