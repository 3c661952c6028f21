import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { UnmatchedAddress } from '../../api/roll.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';
import { number } from './roll-parts.view';

/** Addresses of the register without a unique district: each with its line and the problem. */
export function unmatchedPanel(electionId: string): HTMLElement {
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'unmatched-title' },
    asyncRegion(
      async () => {
        const unmatched = await officeApi.unmatchedAddresses(electionId);
        return h(
          'div',
          { class: 'panel-body' },
          h('h2', { id: 'unmatched-title', class: 'section-title' }, t('roll.unmatchedTitle', { count: number(unmatched.total) })),
          h('p', { class: 'form-hint' }, t('roll.unmatchedHint')),
          unmatched.items.length
            ? h('ul', { class: 'unmatched-list', id: 'unmatched' }, unmatched.items.map(unmatchedItem))
            : h('p', { class: 'empty-hint' }, t('roll.unmatchedNone')),
          unmatched.total > unmatched.items.length
            ? h('p', { class: 'form-hint' }, t('roll.unmatchedMore', { shown: number(unmatched.items.length) }))
            : null,
        );
      },
      (error) => errorMessage(error, currentLanguage(), t),
    ),
  );
}

const unmatchedItem = (item: UnmatchedAddress): HTMLElement =>
  h(
    'li',
    { 'data-problem': item.problem },
    h(
      'p',
      { class: 'unmatched-person' },
      h('span', { class: 'mono' }, t('roll.line', { line: item.line })),
      ' · ',
      h('strong', {}, `${item.familyName}, ${item.givenNames}`),
    ),
    h('p', {}, `${item.street} ${item.houseNumber}, ${item.postalCode} ${item.city}`),
    h(
      'p',
      { class: 'unmatched-problem' },
      h('span', { 'aria-hidden': 'true' }, '! '),
      item.problemLabel,
      item.candidateDistricts.length ? ` (${item.candidateDistricts.join(', ')})` : '',
    ),
  );
