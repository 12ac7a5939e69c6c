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
}

function briefingItem(entry) {
  const item = element('li', entry.failures.length > 0 ? 'briefing failed' : 'briefing');
  item.dataset.name = entry.name;
  const link = element('a', 'title', entry.title);
  link.href = `/view/${encodeURIComponent(entry.name)}`;
  const status = entry.failures.length > 0 ? 'last build failed: showing the last good PDF' : 'up to date';
  item.append(link, element('span', 'name', entry.name), element('span', 'status', status));
  return item;
}

function failureItem(failure) {
  const item = element('li', 'failure');
  const where = failure.name ? `${failure.canvas} (${failure.name})` : failure.canvas;
  item.append(element('strong', 'canvas', where), element('pre', 'message', failure.message));
  return item;
}
