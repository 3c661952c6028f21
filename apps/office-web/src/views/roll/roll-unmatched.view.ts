import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollDistrictCount, UnmatchedAddress } from '../../api/roll.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';
import { number } from './roll-parts.view';

/** Addresses of the register without a unique district: each with its line, the problem and the office's choice of district. */
export function unmatchedPanel(electionId: string, districts: readonly RollDistrictCount[], onAssigned: () => void): HTMLElement {
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
            ? h(
                'ul',
                { class: 'unmatched-list', id: 'unmatched' },
                unmatched.items.map((item) => unmatchedItem(electionId, item, districts, onAssigned)),
              )
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

/** Folded until asked for: the polling districts, those the directory found for the address first (R2.4: never guessed). */
function assignForm(
  electionId: string,
  item: UnmatchedAddress,
  districts: readonly RollDistrictCount[],
  onAssigned: () => void,
): HTMLElement {
  const id = `assign-${item.line}`;
  const candidates = districts.filter((d) => item.candidateDistricts.includes(d.number));
  const others = districts.filter((d) => !item.candidateDistricts.includes(d.number));
  const select = h(
    'select',
    { id, class: 'select', required: true },
    h('option', { value: '' }, t('roll.assignChoose')),
    [...candidates, ...others].map((d) => h('option', { value: d.districtId }, `${d.number} ${d.name}`)),
  );
  const message = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button button-secondary button-small' }, t('roll.assign'));
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (!select.value) {
      message.replaceChildren(h('p', { class: 'alert alert-error' }, t('roll.assignMissing')));
      return;
    }
    submit.disabled = true;
    officeApi.assignAddress(electionId, item.line, { districtId: select.value }).then(onAssigned, (error: unknown) => {
      submit.disabled = false;
      message.replaceChildren(h('p', { class: 'alert alert-error' }, errorMessage(error, currentLanguage(), t)));
    });
  };
  return h(
    'details',
    { class: 'assign-details' },
    h('summary', {}, t('roll.assignOpen'), h('span', { class: 'sr-only' }, ` ${item.familyName}, ${item.givenNames}`)),
    h(
      'form',
      { class: 'form assign-form', novalidate: true, onsubmit: onSubmit },
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t('roll.assignLabel', { name: `${item.givenNames} ${item.familyName}` })),
        select,
      ),
      message,
      submit,
    ),
  );
}

const unmatchedItem = (
  electionId: string,
  item: UnmatchedAddress,
  districts: readonly RollDistrictCount[],
  onAssigned: () => void,
): HTMLElement =>
  h(
    'li',
    { 'data-problem': item.problem, 'data-line': String(item.line) },
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
    districts.length ? assignForm(electionId, item, districts, onAssigned) : null,
  );
