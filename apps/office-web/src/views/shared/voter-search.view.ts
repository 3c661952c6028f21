import { formatGermanDate, h, type Child } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollVoter } from '../../api/postal.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

export type VoterSearchOptions = {
  /** Prefix of the form's element ids, so that two searches can share a page. */
  readonly idPrefix: string;
  /** What a clerk may do with a found entry (buttons), next to it. */
  readonly actions: (voter: RollVoter, card: HTMLElement) => Child;
};

/** Family name, given names: how lists and button names call a voter. */
export const voterName = (voter: RollVoter): string => `${voter.familyName}, ${voter.givenNames}`;

/** One roll entry as found: name, birth date, address, district and number, its marks. */
function voterCard(voter: RollVoter, options: VoterSearchOptions): HTMLElement {
  const marks = [
    voter.postalVoteCertificate
      ? h('span', { class: 'badge' }, t('voterSearch.postalMark', { number: voter.postalVoteCertificate }))
      : null,
    voter.status === 'removed' ? h('span', { class: 'badge badge-quiet' }, t('voterSearch.removed')) : null,
    voter.informationBlock ? h('span', { class: 'badge badge-quiet' }, t('voterSearch.blocked')) : null,
  ];
  const card: HTMLElement = h('li', { class: 'card voter-card', 'data-voter': String(voter.voterId) });
  card.append(
    h('h3', { class: 'card-title' }, voterName(voter)),
    h(
      'p',
      { class: 'card-meta' },
      t('voterSearch.born', { day: formatGermanDate(voter.birthDate, { weekday: false }) }),
      ' · ',
      voter.address,
      h('br'),
      t('voterSearch.entry', { district: voter.districtNumber, name: voter.districtName, number: voter.voterNumber }),
    ),
    h('p', { class: 'voter-marks' }, ...marks),
    h('div', { class: 'voter-actions' }, options.actions(voter, card)),
  );
  return card;
}

/**
 * The roll's voter search by name and birth date (POST …/roll/search; the API logs every search
 * with the clerk's name, R8.1). Found entries carry the caller's actions.
 */
export function voterSearch(electionId: string, options: VoterSearchOptions): HTMLElement {
  const id = (name: string): string => `${options.idPrefix}-${name}`;
  const familyName = h('input', { id: id('family'), class: 'input', required: true, maxlength: '200', autocomplete: 'off' });
  const givenNames = h('input', { id: id('given'), class: 'input', maxlength: '200', autocomplete: 'off' });
  const birthDate = h('input', {
    id: id('birth'),
    class: 'input',
    required: true,
    maxlength: '32',
    inputmode: 'numeric',
    autocomplete: 'off',
  });
  const results = h('div', { id: id('results'), 'aria-live': 'polite' });

  const search = (event: Event): void => {
    event.preventDefault();
    results.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('app.loading')));
    const body = {
      familyName: familyName.value,
      birthDate: birthDate.value,
      ...(givenNames.value.trim() ? { givenNames: givenNames.value } : {}),
    };
    officeApi.searchVoters(electionId, body).then(
      ({ results: found, truncated }) => {
        const list = h(
          'ul',
          { class: 'list voter-list' },
          found.map((voter) => voterCard(voter, options)),
        );
        results.replaceChildren(
          found.length === 0 ? h('p', { class: 'alert alert-info', role: 'status' }, t('voterSearch.none')) : list,
          truncated ? h('p', { class: 'alert alert-warning' }, t('voterSearch.truncated')) : '',
        );
      },
      (error: unknown) =>
        results.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t))),
    );
  };

  return h(
    'div',
    { class: 'voter-search' },
    h(
      'form',
      { class: 'form voter-search-form', id: id('form'), novalidate: true, onsubmit: search },
      h('div', { class: 'field' }, h('label', { for: familyName.id }, t('voterSearch.familyName')), familyName),
      h('div', { class: 'field' }, h('label', { for: givenNames.id }, t('voterSearch.givenNames')), givenNames),
      h('div', { class: 'field' }, h('label', { for: birthDate.id }, t('voterSearch.birthDate')), birthDate),
      h('p', { class: 'form-hint' }, t('voterSearch.logged')),
      h('button', { type: 'submit', class: 'button button-primary', id: id('submit') }, t('voterSearch.submit')),
    ),
    results,
  );
}
