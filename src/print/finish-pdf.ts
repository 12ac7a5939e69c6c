import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { repairOutlineTitles } from './repair-outline.ts';
import { stabiliseStructureIds } from './stable-ids.ts';

/** Document information written into the PDF (what viewers show in properties and the title bar). */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 tag for the catalog /Lang, e.g. "en" or "zh-CN" (screen readers pick their voice from it). */
  language?: string;
  /** Defaults to "canvas-briefing". */
  creator?: string;
  /** The edition stamp, written as the custom document information entry /Edition. */
  edition?: string;
  /**
   * Of a revised edition: which edition it replaces (the custom entry /Replaces) and what its cover says of it (/Revision,
   * and after the subject, set apart by " — "). No day of its own: ModDate is `date`, as CreationDate, so that the same
   * edition printed on another day is the same file.
   */
  revision?: { replaces: string; line: string };
  /** CreationDate and ModDate; fix it (e.g. from SOURCE_DATE_EPOCH) to make the output byte-reproducible. Defaults to now. */
  date?: Date;
}

/**
 * Rewrites Chromium's PDF with our document information, language, "show title" preference, repaired
 * bookmark titles (see repair-outline.ts) and structure element ids that depend on the document alone
 * (see stable-ids.ts). Everything else
 * is kept as is: outline, tagged structure tree, named destinations (pdf-lib rewrites every object it parsed).
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, metadata: PdfMetadata, headings: Array<{ title: string; shown: string }> = []): Promise<Uint8Array> {
  // A document already loaded (the printer reads its anchors first) is finished as it is, not parsed again.
  // updateMetadata: false, or pdf-lib stamps its own Producer/Creator and the current time on load.
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  const engine = doc.getProducer(); // e.g. "Skia/PDF m156": worth keeping for bug reports

  doc.setTitle(metadata.title, { showInWindowTitleBar: true }); // also sets ViewerPreferences /DisplayDocTitle
  if (metadata.author) doc.setAuthor(metadata.author);
  // Two sentences, set apart: "... results briefing — Revised edition: replaces edition ...", not run on as one.
  const subject = [metadata.subject, metadata.revision?.line].filter(Boolean).join(' — ');
  if (subject) doc.setSubject(subject);
  if (metadata.keywords?.length) doc.setKeywords(metadata.keywords);
  doc.setCreator(metadata.creator ?? 'canvas-briefing');
  doc.setProducer(engine ? `canvas-briefing (${engine}, pdf-lib)` : 'canvas-briefing (pdf-lib)');
  if (metadata.language) doc.setLanguage(metadata.language);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  if (metadata.edition) info.set(PDFName.of('Edition'), PDFString.of(metadata.edition));
  if (metadata.revision) {
    info.set(PDFName.of('Replaces'), PDFString.of(metadata.revision.replaces));
    info.set(PDFName.of('Revision'), PDFHexString.fromText(metadata.revision.line));
  }
  repairOutlineTitles(doc, headings);
  stabiliseStructureIds(doc);
  const date = metadata.date ?? new Date();
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  // Skia's file /ID is random per print; derive it from the content instead, so equal input gives equal bytes.
  // The file is saved once with a placeholder ID, which is then overwritten in place by the hash of those
  // bytes (same length): a second save would cost as much again.
  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  const id = PDFArray.withContext(doc.context);
  id.push(placeholder);
  id.push(placeholder);
  doc.context.trailerInfo.ID = id;
  // No object streams: Chromium writes PDF 1.4, which predates them, and old viewers/validators choke on them.
  // pdf-lib pauses every 50 objects (a timer tick each): a 40-page briefing takes 0.5 s to save instead of 0.15 s,
  // but the other briefings printing meanwhile get their fonts served (serve-document.ts) instead of waiting,
  // which was worth more in the benchmark (0.56x of the floor without the pauses; 0.66x and 0.81x with them).
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  const digest = Buffer.from(createHash('sha256').update(bytes).digest('hex').slice(0, ID_PLACEHOLDER.length), 'latin1');
  // pdf-lib writes the trailer, and so the ID, last.
  const marker = Buffer.from(`<${ID_PLACEHOLDER}>`, 'latin1');
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = file.length;
  for (let n = 0; n < 2; n++) {
    const at = file.lastIndexOf(marker, end - 1);
    if (at < 0 || at < file.length - 2048) throw new Error('finishPdf: the trailer /ID was not where pdf-lib writes it');
    digest.copy(file, at + 1);
    end = at;
  }
  return bytes;
}

/** 32 hex digits, as many as the ID written over it: the first 128 bits of the SHA-256 of the file. */
const ID_PLACEHOLDER = '0'.repeat(32);
