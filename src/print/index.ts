/**
 * The print stage: HTML -> PDF with headless Chrome/Chromium. The only place that imports Puppeteer;
 * nothing exported here exposes its types.
 */
export { createPrinter } from './browser.ts';
export type { Printer, PrinterOptions, PrinterState, PrintJob, PrintResult } from './browser.ts';
export { findBrowser, BROWSER_INSTALL_HINT } from './find-browser.ts';
export type { BrowserSource, FindBrowserOptions, FoundBrowser } from './find-browser.ts';
export { finishPdf } from './finish-pdf.ts';
export type { PdfMetadata } from './finish-pdf.ts';
export { DOCUMENT_URL } from './serve-document.ts';
export type { PrintAsset } from './serve-document.ts';
