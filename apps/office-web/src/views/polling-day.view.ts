import { h, onDispose, replaceKeepingFocus } from '@wahl/web-kit';
import { followElection, type LiveConnection } from '../api/live-updates';
import { officeApi } from '../api/office-api';
import type { PollingDayMonitor } from '../api/polling-day.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { fail } from './polling-cards/cards-parts.view';
import { messageForm } from './polling-day/message-form.view';
import { settingsForm } from './polling-day/settings-form.view';
import { incidentList, messageList, stationsTable, turnoutTable } from './polling-day/monitor-tables.view';
import { recordsTable } from './polling-day/records-table.view';

// "Wahltag" of an election (/office/wahlen/<id>/wahltag): every station's last contact, attendance,
// opening, turnout and open incidents, the turnout per report time with its publication, and the
// office's messages with their read receipts. It follows the stations live (office socket) and
// refreshes each minute, so a station that falls silent is flagged without any event.

const REFRESH_MS = 60_000;

export function pollingDayView(electionId: string): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const live = h('p', { class: 'live-status', id: 'monitor-live', role: 'status' });
  const problem = h('div', { id: 'monitor-problem' });
  const turnout = h('div', {});
  const stations = h('div', {});
  const incidents = h('div', {});
  const messages = h('div', {});
  const records = h('div', {});
  let districts: PollingDayMonitor['stations'] = [];
  let form: HTMLElement | null = null;
  const formBox = h('div', {});
  const settingsBox = h('div', {});

  const show = (monitor: PollingDayMonitor): void => {
    problem.replaceChildren();
    replaceKeepingFocus(turnout, turnoutTable(monitor.turnout, publish));
    replaceKeepingFocus(stations, stationsTable(monitor));
    replaceKeepingFocus(incidents, incidentList(monitor.incidents, acknowledge));
    replaceKeepingFocus(messages, messageList(monitor.messages));
    if (settingsBox.childElementCount === 0) settingsBox.replaceChildren(settingsForm(electionId, monitor.settings, () => void reload()));
    if (!form || districts.length !== monitor.stations.length) {
      districts = monitor.stations;
      form = messageForm(electionId, districts, () => void reload());
      formBox.replaceChildren(form);
    }
  };

  function reload(): Promise<void> {
    return Promise.all([
      officeApi.pollingDayMonitor(electionId).then(show, fail(problem)),
      officeApi
        .recordOverview(electionId)
        .then((overview) => replaceKeepingFocus(records, recordsTable(overview, checkRecord)), fail(problem)),
    ]).then(() => undefined);
  }
  function checkRecord(districtId: string): void {
    officeApi.checkElectionRecord(electionId, districtId).then(() => reload(), fail(problem));
  }
  function publish(slot: string): void {
    officeApi.publishTurnout(electionId, slot).then(show, fail(problem));
  }
  function acknowledge(entryId: string): void {
    officeApi.acknowledgeIncident(electionId, entryId).then(() => reload(), fail(problem));
  }

  let pending: ReturnType<typeof setTimeout> | undefined;
  const scheduleReload = (): void => {
    clearTimeout(pending);
    pending = setTimeout(() => void reload(), 250);
  };
  const socket = followElection(
    electionId,
    { 'polling-day:entry': scheduleReload, 'polling-day:message-read': scheduleReload, 'election-night:district': scheduleReload },
    (state: LiveConnection) => {
      live.textContent = t(`live.${state}`);
      live.dataset['state'] = state;
      if (state === 'live') scheduleReload();
    },
  );
  const timer = setInterval(() => void reload(), REFRESH_MS);

  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
  }, fail(problem));
  void reload();

  const root = h(
    'section',
    { class: 'page polling-day' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('monitor.title'))), live),
    problem,
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-turnout-title' },
      h('h2', { id: 'monitor-turnout-title' }, t('monitor.turnoutTitle')),
      h('p', { class: 'form-hint' }, t('monitor.turnoutHint')),
      turnout,
    ),
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-stations-title' },
      h('h2', { id: 'monitor-stations-title' }, t('monitor.stationsTitle')),
      stations,
    ),
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-records-title' },
      h('h2', { id: 'monitor-records-title' }, t('records.title')),
      records,
    ),
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-incidents-title' },
      h('h2', { id: 'monitor-incidents-title' }, t('monitor.incidentsTitle')),
      incidents,
    ),
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-settings-title' },
      h('h2', { id: 'monitor-settings-title' }, t('monitor.settingsTitle')),
      settingsBox,
    ),
    h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'monitor-messages-title' },
      h('h2', { id: 'monitor-messages-title' }, t('monitor.messagesTitle')),
      formBox,
      messages,
    ),
  );
  onDispose(root, () => {
    socket.close();
    clearInterval(timer);
    clearTimeout(pending);
  });
  return root;
}
