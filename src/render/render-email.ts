/**
 * render/: a briefing's e-mail message, from the same model as its PDF: templates/email/ (Handlebars)
 * and styles/email.css, inlined into style attributes as mail clients need, plus a plain-text
 * alternative with the same content, and the subject from the config's pattern.
 */
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../files.ts';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { BriefingError, EXIT } from '../errors.ts';
import type { BriefingModel, ChangesModel, RichText } from '../model/briefing-model.ts';
import { changedList } from './changed-list.ts';
import { figureHtml, richHtml } from './render-html.ts';
import { sizeText } from '../words.ts';

export interface EmailInput {
  /** The config's subject pattern ({company}, {ticker}, ...; see validate/config-schema.ts). */
  subject: string;
  /** The config's note, paragraphs separated by blank lines. */
  note?: string;
  edition?: string;
  attachment: { name: string; pages: number; bytes: number };
  /**
   * The edition this message replaces, for recipients sent an earlier one of this briefing, said first in the message:
   * when (`on`), whether every recipient of the message was sent it (`all`) and whether it was e-mailed or only written
   * to the outbox for a person to send (`written`); `none`: none of them was (they hold another edition, or none).
   */
  replaces?: { edition?: string; on: string; all: boolean; none?: boolean; written: boolean; changes?: ChangesModel };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The attachment's file name: `input.attachment.name`, or for a revised edition its revisedName. */
  attachmentName: string;
  /** Of a revised edition whose changes are known: what its message lists as changed, line by line as the plain text has it. */
  changes?: string[];
}

/** What a revised edition's subject starts with, as its body's opening line does (revisionLine). */
const REVISED_SUBJECT = 'Revised edition: ';

export { MAX_CHANGED_FIGURES } from './changed-list.ts';

/**
 * The subject, the HTML body (styles inline), the plain-text body and the attachment's name of a briefing's message. A
 * revised edition (`replaces`) says so in its subject too ("Revised edition: " first), and its attachment has a name
 * of its own (revisedName): in a mail client's list, or a download folder, it is not another copy of the one it replaces.
 */
export function renderEmail(model: BriefingModel, input: EmailInput, options: { root?: string } = {}): RenderedEmail {
  return emailRenderer(options)(model, input);
}

/**
 * renderEmail for the messages of one send: the templates are read and compiled, and the stylesheet's rules read, once
 * for all of them (each message compiled them again: most of a send's time). Made for one send and dropped with it, so
 * that a template or stylesheet edited is read by the next.
 */
export function emailRenderer(options: { root?: string } = {}): (model: BriefingModel, input: EmailInput) => RenderedEmail {
  const root = options.root ?? PACKAGE_ROOT;
  const hbs = Handlebars.create();
  hbs.registerHelper('rich', (text: RichText) => new Handlebars.SafeString(richHtml(text)));
  hbs.registerHelper('figure', (text: string) => new Handlebars.SafeString(figureHtml(text)));
  hbs.registerHelper('plain', (text: RichText) => (text ?? []).map((p) => p.text).join(''));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const template = (file: string, context: object, options: CompileOptions = {}) => {
    const path = join(root, 'templates', 'email', file);
    try {
      const fill = compiled.get(file) ?? hbs.compile(readFileSync(path, 'utf8'), { strict: false, ...options });
      const filled = fill(context);
      compiled.set(file, fill); // kept once it has worked: Handlebars compiles on the first use, and says a template's errors then
      return filled;
    } catch (cause) {
      throw new BriefingError(`${path}: template error: ${(cause as Error).message}`, EXIT.template, { cause });
    }
  };
  const cssFile = join(root, 'styles', 'email.css');
  let rules: Map<string, string> | undefined;
  return (model, input) => {
    const subject = `${input.replaces ? REVISED_SUBJECT : ''}${subjectLine(model, input)}`;
    const attachmentName = input.replaces ? revisedName(input.attachment.name, input.edition) : input.attachment.name;
    const period = periodUnlessTitled(model);
    const changed = input.replaces?.changes && changedList(input.replaces.changes, input.replaces.edition);
    const note = input.note ?? `Please find attached the ${inSentence(model.cover.title)} on ${model.company.shortName}${model.setTitle ? ` (${model.setTitle})` : ''}${period === undefined ? '' : `, ${period}`}.`;
    const context = {
      ...model,
      subject,
      edition: input.edition,
      noteParagraphs: note.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean),
      revision: input.replaces && revisionLine(input.replaces),
      changed,
      attachment: { name: attachmentName, pages: input.attachment.pages, size: sizeText(input.attachment.bytes) },
    };
    const body = template('message.hbs', context);
    rules ??= classRules(readFileSync(cssFile, 'utf8'), cssFile);
    const html = inlineStyles(body, rules);
    const text = template('message.txt.hbs', context, { noEscape: true }).replace(/\n{3,}/g, '\n\n').trim() + '\n';
    const changes = changed && [...(changed.heading ? [changed.heading] : []), ...changed.lines.map((l) => `- ${l}`), ...(changed.wording ? [changed.wording] : [])];
    return { subject, html, text, attachmentName, ...(changes ? { changes } : {}) };
  };
}

/** A title as a sentence's words: its first letter lower-cased ("investor briefing"), unless its first word is an acronym or a name ("ESG briefing", "IR-Briefing", "McKinsey"). */
function inSentence(title: string): string {
  const first = /^\S+/.exec(title)?.[0] ?? '';
  return /\p{Lu}/u.test(first.slice(1)) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

/** The line a revised edition's message opens with: which edition it replaces, and who had it, when. */
function revisionLine(r: NonNullable<EmailInput['replaces']>): string {
  const who = r.all ? 'you' : 'some recipients of this message';
  const how = r.none ? (r.written ? 'prepared' : 'sent') : r.written ? `prepared for ${who}` : `sent to ${who}`;
  return `Revised edition: this briefing replaces ${r.edition ? `edition ${r.edition}, ` : 'the edition '}${how} on ${r.on}; its figures or words have changed since. Please use this one.`;
}

/** The period, to name after the title; undefined when the title (or the block set's) names it already ("Briefing investisseurs – Q3 2025"): the period once. */
function periodUnlessTitled(model: BriefingModel): string | undefined {
  return `${model.cover.title} ${model.setTitle ?? ''}`.includes(model.cover.period) ? undefined : model.cover.period;
}

/** The subject pattern filled in; values are one line each, so the subject stays one header line. */
export function subjectLine(model: BriefingModel, input: Pick<EmailInput, 'subject' | 'edition'>): string {
  const values: Record<string, string> = {
    company: model.company.shortName,
    ticker: model.company.ticker,
    exchange: model.company.exchange,
    title: model.cover.title,
    set: model.setTitle ? ` (${model.setTitle})` : '',
    period: model.cover.period,
    as_of: model.cover.asOf,
    edition: input.edition ?? '',
  };
  return input.subject.replace(/\{([a-z_]+)\}/g, (all, name: string) => values[name] ?? all).replace(/[\r\n\0]+/g, ' ').trim();
}

/**
 * The attachment's file name: the company, the title, the block set and the period, as plain words: Latin letters
 * without their accents, and letters and digits of any other script as they are ("ソニーグループ", "2025年度-上期": two
 * halves of a year are two names, and a Japanese company keeps its name).
 */
export function attachmentName(model: BriefingModel): string {
  const words = [model.company.shortName, model.cover.title, model.setTitle, periodUnlessTitled(model)].filter(Boolean).join(' ');
  const clean = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${clean || 'briefing'}.pdf`;
}

/**
 * The attachment's name for a revised edition: "-revised" and its edition stamp (the one on its cover, in its message and
 * in X-Briefing-Edition) before ".pdf": "Acme-Investor-briefing-Q3-2025-revised-3f2a1b4c.pdf". Each revision has a name
 * of its own, and says which edition it is; without an edition (a dry run that has not printed it yet), "-revised" alone.
 */
export function revisedName(name: string, edition: string | undefined): string {
  return name.replace(/(\.pdf)?$/i, `-revised${edition ? `-${edition}` : ''}$1`);
}

/**
 * The rules of styles/email.css, by class. Mail clients drop <style> blocks, so each element gets its
 * classes' declarations in a style attribute; the sheet is kept to what that needs (one class per
 * selector, no cascade beyond file order), and anything else in it is a template error, not a silent miss.
 */
function classRules(css: string, file: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const [, selector, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const name = /^\s*\.([A-Za-z][\w-]*)\s*$/.exec(selector)?.[1];
    if (name === undefined) throw new BriefingError(`${file}: "${selector.trim()}": an e-mail style is one class (.name { ... }), as mail clients need styles inline`, EXIT.template);
    const declarations = body.trim().replace(/;?\s*$/, ';').replace(/\s*\n\s*/g, ' ');
    rules.set(name, `${rules.get(name) ?? ''}${declarations}`);
  }
  return rules;
}

/** Adds each element's class rules as a style attribute (before any it has). Templates write class="..." in double quotes. */
function inlineStyles(html: string, rules: Map<string, string>): string {
  return html.replace(/<([a-z][a-z0-9]*)([^>]*?) class="([^"]*)"([^>]*)>/g, (tag, name: string, before: string, classes: string, after: string) => {
    const style = classes.split(/\s+/).map((c) => rules.get(c) ?? '').join('');
    if (!style) return tag;
    const own = /\sstyle="([^"]*)"/.exec(`${before}${after}`);
    const rest = `${before}${after}`.replace(/\sstyle="[^"]*"/, '');
    return `<${name} class="${classes}"${rest} style="${esc(style)}${own ? own[1] : ''}">`;
  });
}

function esc(text: string): string {
  return Handlebars.escapeExpression(text);
}
