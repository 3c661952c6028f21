import { officeApi } from '../api/office-api';
import { currentLanguage, t } from '../i18n/i18n';
import { h, saveFile } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { publicAddressWarning } from './shared/public-address-warning.view';

// Access codes for the polling-station boards: the server prints each code only once, inside the
// PDF sheet for the station kits, so generating and downloading are one step.

export function accessCodesView(electionId: string): HTMLElement {
  const summary = h('p', { class: 'card-meta', id: 'codes-summary' }, t('app.loading'));
  const status = h('p', { class: 'form-hint', role: 'status', id: 'codes-status' });
  const replace = h('input', { type: 'checkbox', id: 'codes-replace', class: 'checkbox' });
  const button = h('button', { type: 'button', class: 'button button-secondary', id: 'codes-generate' }, t('codes.generate'));

  const refresh = (): void => {
    officeApi.accessCodes(electionId).then(
      (codes) => {
        const active = codes.filter((code) => !code.revokedAt);
        summary.textContent = t('codes.summary', {
          active: active.length,
          signIns: active.reduce((total, code) => total + code.signIns, 0),
        });
      },
      () => (summary.textContent = ''),
    );
  };

  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = t('codes.generating');
    officeApi.accessCodeSheet(electionId, replace.checked).then(
      ({ blob, fileName }) => {
        saveFile(blob, fileName ?? 'zugangscodes.pdf');
        status.textContent = t('codes.done');
        button.disabled = false;
        replace.checked = false;
        refresh();
      },
      (error: unknown) => {
        status.textContent = errorMessage(error, currentLanguage(), t);
        button.disabled = false;
      },
    );
  });

  refresh();
  return h(
    'section',
    { class: 'card panel codes', 'aria-labelledby': 'codes-title' },
    h('h2', { id: 'codes-title', class: 'section-title' }, t('codes.title')),
    summary,
    h('p', { class: 'form-hint' }, t('codes.hint')),
    publicAddressWarning(),
    h('label', { class: 'check', for: replace.id }, replace, h('span', {}, t('codes.replace'))),
    button,
    status,
  );
}
