// The index page: every briefing with its status, and the builds that failed, kept current by the server's events.
import { element, followState } from './live.js';

const $ = (id) => document.getElementById(id);
const view = {
  list: $('briefings'),
  empty: $('empty'),
  building: $('building'),
  connection: $('connection'),
  failures: $('failures'),
  failureList: $('failure-list'),
  findings: $('findings'),
  findingList: $('finding-list'),
};

followState(show, (connected) => {
  view.connection.hidden = connected;
});

function show(state) {
  view.building.hidden = !state.building;
  view.list.replaceChildren(...state.entries.map(briefingItem));
  view.empty.hidden = state.entries.length > 0;
  view.empty.textContent = state.building ? 'Building the briefings…' : 'No briefings yet.';
  view.failureList.replaceChildren(...state.failures.map(failureItem));
  view.failures.hidden = state.failures.length === 0;
  // Grouped by canvas, in the order the server sends them (each canvas's in file order). Older servers send none.
  const findings = state.findings ?? [];
  const canvases = [...new Set(findings.map((f) => f.canvas))];
  view.findingList.replaceChildren(...canvases.map((canvas) => canvasFindings(canvas, findings.filter((f) => f.canvas === canvas))));
  view.findings.hidden = findings.length === 0;
}

function briefingItem(entry) {
  const item = element('li', entry.failures.length > 0 ? 'briefing failed' : 'briefing');
  item.dataset.name = entry.name;
  const link = element('a', 'title', entry.title);
  link.href = `/view/${encodeURIComponent(entry.name)}`;
  const found = entry.findings > 0 ? ` (${counted(entry.findings, 'finding')})` : '';
  const status = entry.failures.length > 0 ? 'last build failed: showing the last good PDF' : `up to date${found}`;
  item.append(link, element('span', 'name', entry.name), element('span', 'status', status));
  return item;
}

function counted(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// Canvas text is untrusted: every part goes in as text (element() sets textContent), never as HTML.
function canvasFindings(canvas, findings) {
  const item = element('li', 'canvas-findings');
  const list = element('ul', 'finding-lines');
  list.append(...findings.map((f) => element('li', `finding ${f.severity}`, `${f.at} ${f.severity} ${f.rule} ${f.message}`)));
  item.append(element('strong', 'canvas', `${canvas}: ${counted(findings.length, 'finding')}`), list);
  return item;
}

function failureItem(failure) {
  const item = element('li', 'failure');
  const where = failure.name ? `${failure.canvas} (${failure.name})` : failure.canvas;
  item.append(element('strong', 'canvas', where), element('pre', 'message', failure.message));
  return item;
}
