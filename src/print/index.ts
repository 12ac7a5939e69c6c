/**
 * The print stage: HTML -> PDF with headless Chrome/Chromium. The only place that imports puppeteer-core;
 * nothing exported here exposes its types.
 */
export { createPrinter } from './browser.ts';
export type { DraftResult, Printer, PrinterOptions, PrinterState, PrintJob, PrintResult } from './browser.ts';
export { findBrowser } from './find-browser.ts';
export type { BrowserSource, FindBrowserOptions, FoundBrowser } from './find-browser.ts';
export type { PdfMetadata } from './finish-pdf.ts';
export type { PrintAsset } from './serve-document.ts';
