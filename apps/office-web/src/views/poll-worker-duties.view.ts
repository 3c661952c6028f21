import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { fail } from './polling-cards/cards-parts.view';
import { lettersPanel } from './poll-workers/letters-panel.view';
import { paymentsPanel } from './poll-workers/payments-panel.view';
import { trainingsPanel } from './poll-workers/trainings-panel.view';

// "Wahlhelfer: Schreiben, Schulungen, Erfrischungsgeld" of an election
// (/office/wahlen/<id>/wahlhelfer/schreiben-und-geld): the appointment letters, the training sessions
// and the refreshment money with its SEPA file. Amounts and the SEPA file are the office admin's.

export function pollWorkerDutiesView(electionId: string, canManage: boolean): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const page = h(
    'section',
    { class: 'page poll-worker-duties' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('pwDuties.title')))),
    h('p', { class: 'form-hint' }, t('pwDuties.intro')),
    h(
      'div',
      { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' }, lettersPanel(electionId), paymentsPanel(electionId, canManage)),
      h('div', { class: 'dashboard-side' }, trainingsPanel(electionId)),
    ),
  );
  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
    document.title = `${t('pwDuties.title')} – ${election.name} – ${t('app.name')}`;
  }, fail(page));
  return page;
}
