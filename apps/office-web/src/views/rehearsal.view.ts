import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import type { ResultsPhaseState } from '../api/rehearsal.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { alert, fail, number } from './polling-cards/cards-parts.view';

// "Probe des Wahlabends" (/office/wahlen/<id>/probe, docs/REHEARSAL.md): the results phase, starting
// a rehearsal, resetting it (with a confirmation) and switching to the real night. Clerks see the
// phase; the actions are the office admin's (the API refuses others too).

export function rehearsalView(electionId: string, canManage: boolean): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const stateBox = h('div', { 'aria-live': 'polite' });
  const notice = h('div', { 'aria-live': 'polite' });

  const button = (id: string, label: string, action: () => void, disabled = false) =>
    h('button', { type: 'button', class: 'button button-secondary', id, onclick: action, disabled }, label);

  const show = (state: ResultsPhaseState): void => {
    const empty = state.storedResults === 0;
    const switchTo = state.phase === 'live' ? 'rehearsal' : 'live';
    const change = (): void => void officeApi.setResultsPhase(electionId, switchTo).then(show, fail(notice));
    const reset = (): void => {
      if (!window.confirm(t('rehearsal.confirmReset'))) return;
      officeApi.resetRehearsal(electionId).then((done) => {
        notice.replaceChildren(alert('success', t('rehearsal.resetDone', { count: number(done.deleted.reports) })));
        officeApi.resultsPhase(electionId).then(show, fail(notice));
      }, fail(notice));
    };
    const actions = canManage
      ? h(
          'div',
          { class: 'card-links' },
          state.phase === 'rehearsal' ? button('rehearsal-reset', t('rehearsal.reset'), reset) : null,
          button('rehearsal-switch', t(switchTo === 'live' ? 'rehearsal.goLive' : 'rehearsal.start'), change, !empty),
        )
      : h('p', { class: 'form-hint' }, t('rehearsal.adminOnly'));
    stateBox.replaceChildren(
      h(
        'div',
        {
          class: `alert ${state.phase === 'rehearsal' ? 'alert-error' : 'alert-success'}`,
          id: 'rehearsal-phase',
          'data-phase': state.phase,
        },
        h('p', {}, t(`rehearsal.phase.${state.phase}`)),
        h('p', {}, t('rehearsal.stored', { count: number(state.storedResults) })),
      ),
      ...(canManage && !empty ? [h('p', { class: 'form-hint' }, t('rehearsal.notEmpty'))] : []),
      actions,
    );
  };

  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
    document.title = `${t('rehearsal.title')} – ${election.name} – ${t('app.name')}`;
  }, fail(notice));
  officeApi.resultsPhase(electionId).then(show, fail(notice));

  return h(
    'section',
    { class: 'page rehearsal' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('rehearsal.title')))),
    h('p', { class: 'form-hint' }, t('rehearsal.intro')),
    h('section', { class: 'card panel' }, stateBox, notice),
  );
}
