import { describe, it, expect } from 'vitest';
import { nordwindModel } from '../support/fixtures.ts';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRenderer } from '../../src/render/render-html.ts';
import type { RenderInput } from '../../src/render/render-html.ts';
import { tempDir } from '../support/temp.ts';

// A renderer keeps what it read (compiled templates, encoded fonts) for its own lifetime, not the
// process's: a long-running process (watch mode) creates one per run and sees edits between runs.

const model = nordwindModel;
const input: RenderInput = { svgs: [], pageSize: 'A4', pages: { 'ch-key_partnerships': 4 } };

/** A copy of the package's templates/ and styles/ to edit. */
function projectCopy(): string {
  const root = tempDir('briefing-render-');
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('styles', join(root, 'styles'), { recursive: true });
  return root;
}

describe('createRenderer', () => {
  it('renders the same HTML from the same model, whether by one renderer or by two', () => {
    const first = createRenderer();
    const html = first.render(model(), input).html;
    expect(first.render(model(), input).html).toBe(html);
    expect(createRenderer().render(model(), input).html).toBe(html);
  });

  it('reads templates and styles once per renderer: a new renderer picks up edits, the old one does not', () => {
    const root = projectCopy();
    const before = createRenderer({ root });
    expect(before.render(model(), input).html).not.toContain('edited-between-runs');

    const main = join(root, 'templates', 'briefing.hbs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('<body', '<!-- edited-between-runs --><body'));
    const partial = join(root, 'templates', 'partials', 'cover.hbs');
    writeFileSync(partial, `<p>edited partial</p>\n${readFileSync(partial, 'utf8')}`);
    writeFileSync(join(root, 'styles', 'briefing.css'), '.edited-style { color: red; }\n', { flag: 'a' });

    const kept = before.render(model(), input).html;
    expect(kept).not.toContain('edited-between-runs');
    expect(kept).not.toContain('edited partial');
    const after = createRenderer({ root }).render(model(), input).html;
    expect(after).toContain('<!-- edited-between-runs --><body');
    expect(after).toContain('<p>edited partial</p>');
    expect(after).toContain('.edited-style { color: red; }');
  });
});
