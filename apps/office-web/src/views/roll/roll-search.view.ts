import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollVoter, VoterHistory } from '../../api/postal.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';
import { voterName, voterSearch } from '../shared/voter-search.view';
import { clock } from './roll-parts.view';

function historyList(history: VoterHistory): HTMLElement {
  if (history.events.length === 0) return h('p', { class: 'form-hint' }, t('rollSearch.noEvents'));
  return h(
    'ol',
    { class: 'history-list' },
    history.events.map((event) =>
      h(
        'li',
        {},
        h('span', { class: 'history-when' }, `${formatElectionDay(event.at.slice(0, 10), currentLanguage(), 'short')}, ${clock(event.at)}`),
        ' ',
        h('strong', {}, event.label),
        ` · ${event.actor}`,
        event.reason ? [h('br'), event.reason] : null,
      ),
    ),
  );
}

/** The roll's voter search with each entry's history (both logged by the API in the roll's audit table). */
export function rollSearchPanel(electionId: string): HTMLElement {
  const actions = (voter: RollVoter): HTMLElement => {
    const box = h('div', { 'aria-live': 'polite' });
    const button: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-small',
        onclick: () => {
          button.disabled = true;
          officeApi.voterHistory(electionId, voter.voterId).then(
            (history) => {
              button.remove();
              box.replaceChildren(h('h4', { class: 'history-title' }, t('rollSearch.historyTitle')), historyList(history));
            },
            (error: unknown) => {
              button.disabled = false;
              box.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
            },
          );
        },
      },
      t('rollSearch.history'),
      h('span', { class: 'sr-only' }, ` ${voterName(voter)}`),
    );
    return h('div', {}, button, box);
  };
  return h(
    'section',
    { class: 'card panel', id: 'roll-search', 'aria-labelledby': 'roll-search-title' },
    h('h2', { id: 'roll-search-title', class: 'section-title' }, t('rollSearch.title')),
    voterSearch(electionId, { idPrefix: 'roll-search', actions }),
  );
}
