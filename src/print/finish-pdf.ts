import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import { repairOutlineTitles } from './repair-outline.ts';

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
  /** CreationDate and ModDate; fix it (e.g. from SOURCE_DATE_EPOCH) to make the output byte-reproducible. Defaults to now. */
  date?: Date;
}

/**
 * Rewrites Chromium's PDF with our document information, language, "show title" preference and repaired
 * bookmark titles (see repair-outline.ts). Everything else
 * is kept as is: outline, tagged structure tree, named destinations (pdf-lib rewrites every object it parsed).
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, metadata: PdfMetadata, headings: string[] = []): Promise<Uint8Array> {
  // A document already loaded (the printer reads its anchors first) is finished as it is, not parsed again.
  // updateMetadata: false, or pdf-lib stamps its own Producer/Creator and the current time on load.
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  const engine = doc.getProducer(); // e.g. "Skia/PDF m156": worth keeping for bug reports

  doc.setTitle(metadata.title, { showInWindowTitleBar: true }); // also sets ViewerPreferences /DisplayDocTitle
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords?.length) doc.setKeywords(metadata.keywords);
  doc.setCreator(metadata.creator ?? 'canvas-briefing');
  doc.setProducer(engine ? `canvas-briefing (${engine}, pdf-lib)` : 'canvas-briefing (pdf-lib)');
  if (metadata.language) doc.setLanguage(metadata.language);
  repairOutlineTitles(doc, headings);
  const date = metadata.date ?? new Date();
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  // Skia's file /ID is random per print; derive it from the content instead, so equal input gives equal bytes.
  doc.context.trailerInfo.ID = undefined;
  // No object streams: Chromium writes PDF 1.4, which predates them, and old viewers/validators choke on them.
  const options = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false };
  const withoutId = await doc.save(options);
  const digest = PDFHexString.of(createHash('sha256').update(withoutId).digest('hex').slice(0, 32));
  const id = PDFArray.withContext(doc.context);
  id.push(digest);
  id.push(digest);
  doc.context.trailerInfo.ID = id;
  return doc.save(options);
}
