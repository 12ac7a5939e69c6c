// The viewer: every page of one briefing's PDF, drawn by pdf.js as it prints, redrawn when the server says the
// PDF changed. A new version is drawn off-screen and swapped in whole, at the same scroll position.
import * as pdfjsLib from '/assets/pdf.min.mjs';
import { followState, formatTime } from './live.js';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';

/** PDF points to CSS pixels: pages at 100 %, as a print preview shows them. */
const SCALE = 96 / 72;

const name = decodeURIComponent(location.pathname.slice('/view/'.length));
const $ = (id) => document.getElementById(id);
const view = {
  title: $('title'),
  pages: $('pages'),
  updated: $('updated'),
  building: $('building'),
  connection: $('connection'),
  banner: $('banner'),
  bannerHead: $('banner-head'),
  bannerText: $('banner-text'),
  document: $('document'),
};

/** One pdf.js worker for every version: each getDocument() would otherwise start (and load) a new one. */
let worker;
/** This briefing in the latest state; null once it is no longer in the preview. */
let entry;
/**
 * The version the state names; the version on screen and the pixel ratio it was drawn at; a version that
 * could not be drawn (tried again on reconnection).
 */
let wanted = null;
let shown = { version: null, ratio: 0 };
let failed = null;
let drawError = null;
let drawing = false;

followState(
  (state) => {
    entry = state.entries.find((candidate) => candidate.name === name) ?? null;
    view.building.hidden = !state.building;
    if (entry) {
      view.title.textContent = entry.title;
      document.title = `${entry.title} · preview`;
      wanted = entry.version;
    }
    showBanner();
    drawWanted();
  },
  (connected) => {
    view.connection.hidden = connected;
    // The server may have been down when the last version was fetched: try it again.
    if (connected) failed = null;
  },
);

redrawOnNewPixelRatio();

/**
 * Browser zoom, or a window moved to another screen, changes the device pixel ratio: the pages are drawn
 * again at the new one, or they would look blurred.
 */
function redrawOnNewPixelRatio() {
  window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
    drawWanted();
    redrawOnNewPixelRatio();
  }, { once: true });
}

const pixelRatio = () => window.devicePixelRatio || 1;

/** Whether the wanted version is not on screen as it should be: not drawn yet, or at another pixel ratio. */
const outdated = () => wanted !== null && wanted !== failed && (wanted !== shown.version || pixelRatio() !== shown.ratio);

/** Draws the wanted version unless it is on screen; if another one is wanted meanwhile, draws that next. */
async function drawWanted() {
  if (drawing) return;
  drawing = true;
  try {
    while (outdated()) {
      const version = wanted;
      const ratio = pixelRatio();
      try {
        const drawn = await drawPdf(`/pdf/${encodeURIComponent(name)}.pdf?v=${encodeURIComponent(version)}`, ratio);
        if (version !== wanted || ratio !== pixelRatio()) continue; // outdated before it was finished
        drawn.pages.dataset.version = version;
        swapIn(drawn.pages);
        shown = { version, ratio };
        drawError = null;
        view.pages.textContent = drawn.count === 1 ? '1 page' : `${drawn.count} pages`;
        view.updated.textContent = `updated ${formatTime(new Date())}`;
      } catch (error) {
        failed = version;
        drawError = error instanceof Error ? error.message : String(error);
      }
      showBanner();
    }
  } finally {
    drawing = false;
  }
}

/** Every page of the PDF at `url`, drawn into a detached element with `ratio` device pixels per CSS pixel. */
async function drawPdf(url, ratio) {
  worker ??= new pdfjsLib.PDFWorker();
  // No eval: the page's Content-Security-Policy forbids it, and pdf.js does without.
  const task = pdfjsLib.getDocument({ url, worker, isEvalSupported: false, enableXfa: false });
  try {
    const pdf = await task.promise;
    const pages = document.createElement('div');
    pages.className = 'pages';
    for (let number = 1; number <= pdf.numPages; number++) {
      pages.append(await drawPage(await pdf.getPage(number), number, ratio));
    }
    return { pages, count: pdf.numPages };
  } finally {
    // What is drawn stays: canvases, and a text layer in the browser's own fonts.
    await task.destroy();
  }
}

/** One page: the canvas at the device's pixel ratio (sharp on HiDPI screens), and pdf.js's text layer over it. */
async function drawPage(page, number, ratio) {
  const viewport = page.getViewport({ scale: SCALE });
  const width = Math.floor(viewport.width);
  const height = Math.floor(viewport.height);

  const sheet = document.createElement('section');
  sheet.className = 'page';
  sheet.dataset.page = String(number);
  sheet.setAttribute('aria-label', `Page ${number}`);
  sheet.style.width = `${width}px`;
  sheet.style.height = `${height}px`;
  // The text layer sizes its box and its text from this (pdf_viewer.css sets it on the viewer).
  sheet.style.setProperty('--total-scale-factor', String(viewport.scale));

  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;

  const text = document.createElement('div');
  text.className = 'textLayer';
  sheet.append(canvas, text);
  await new pdfjsLib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  page.cleanup();
  return sheet;
}

/** Replaces what is shown in one step, so no empty page is ever painted, and keeps the reader where they were. */
function swapIn(pages) {
  const { scrollX, scrollY } = window;
  view.document.replaceChildren(pages);
  window.scrollTo(scrollX, scrollY);
}

function showBanner() {
  let head = '';
  let text = '';
  if (entry === null) {
    head = 'This briefing is no longer in the preview: its canvas or its block set was removed or renamed.';
  } else if (entry && entry.failures.length > 0) {
    head = 'The last build failed: showing the last good PDF.';
    text = entry.failures.join('\n\n');
  } else if (drawError) {
    head = shown.version === null ? 'Could not show the PDF.' : 'Could not show the new PDF: showing the previous one.';
    text = drawError;
  }
  view.banner.hidden = head === '';
  view.bannerHead.textContent = head;
  view.bannerText.textContent = text;
  view.bannerText.hidden = text === '';
}
