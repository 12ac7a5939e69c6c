import { describe, it, expect } from 'vitest';
import { nordwindModel } from '../support/fixtures.ts';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRenderer } from '../../src/render/render-html.ts';
import type { RenderInput } from '../../src/render/render-html.ts';
import { tempDir } from '../support/temp.ts';

// A renderer keeps what it read (templates, styles, encoded fonts) for its own lifetime, not the
// process's: a long-running process (watch mode) creates one per run and sees edits between runs.
// Compiled templates are shared by renderers that read the very same files and text.

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

  it('shares compiled templates only between the same files and text: an edit taken back, or a partial added, renders as written', () => {
    const root = projectCopy();
    const plain = createRenderer({ root }).render(model(), input).html;
    const partial = join(root, 'templates', 'partials', 'cover.hbs');
    const original = readFileSync(partial, 'utf8');
    writeFileSync(partial, `<p>edited partial</p>\n${original}`);
    expect(createRenderer({ root }).render(model(), input).html).toContain('<p>edited partial</p>');
    writeFileSync(partial, original); // taken back: the first set's text again
    expect(createRenderer({ root }).render(model(), input).html).toBe(plain);
    // A partial more, used by the main template: a set of its own, not the one without it.
    writeFileSync(join(root, 'templates', 'partials', 'extra.hbs'), '<p>an extra partial</p>');
    const main = join(root, 'templates', 'briefing.hbs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('<body', '{{> extra}}<body'));
    expect(createRenderer({ root }).render(model(), input).html).toContain('<p>an extra partial</p>');
    // The package's own templates, in another folder with the first copy's text: the same HTML.
    expect(createRenderer().render(model(), input).html).toBe(plain);
  });
});
