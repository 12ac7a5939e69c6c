// canvas-briefing never uses a browser that Puppeteer downloads: it finds an
// installed Chrome/Chromium (src/print/find-browser.ts) and, on Debian as root,
// set-up installs Debian's chromium. Downloading is impossible on offline machines.
module.exports = { skipDownload: true };
