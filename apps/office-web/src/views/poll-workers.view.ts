import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { fail } from './polling-cards/cards-parts.view';
import { boardsPanel } from './poll-workers/boards-panel.view';
import { importPanel } from './poll-workers/import-panel.view';
import { peoplePanel } from './poll-workers/people-panel.view';
import { personEntryForm } from './poll-workers/person-entry.view';

// Poll workers of an election (/office/wahlen/<id>/wahlhelfer, issue #14): seats per board and the
// proposal, the assignment at a glance (gaps, unconfirmed), the people with search and filters,
// the staff-list import with its preview, earlier volunteers asked again and duplicates merged.

export function pollWorkersView(electionId: string): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const boards = h('div', {});
  const people = h('div', {});
  const refresh = (): void => {
    boards.replaceChildren(boardsPanel(electionId, refresh));
    people.replaceChildren(peoplePanel(electionId, refresh, entry.edit));
  };
  const entry = personEntryForm(electionId, refresh);
  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
    document.title = `${t('pw.title')} – ${election.name} – ${t('app.name')}`;
  }, fail(boards));
  refresh();
  return h(
    'section',
    { class: 'page poll-workers' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('pw.title')))),
    h('p', { class: 'form-hint' }, t('pw.intro')),
    boards,
    people,
    entry.root,
    importPanel(electionId, refresh),
  );
}
