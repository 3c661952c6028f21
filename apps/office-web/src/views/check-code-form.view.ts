import { formField, h } from '@wahl/web-kit';
import type { ReportActionResult } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion } from './chrome.view';
import { errorMessage } from './error-message';
import { reportTable, versionCaption } from './report-parts.view';

// Second channel (DOMAIN.md R7.16): the board reads its check code out by phone and the clerk types
// it here. The figures received stand beside the field, so that after a refused code the clerk can
// read them back to the board; the code they yield is never shown here (only the board has it).

export function checkCodeForm(electionId: string, districtId: string, onConfirmed: (result: ReportActionResult) => void): HTMLElement {
  const input = h('input', {
    id: 'check-code-input',
    class: 'input input-code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 9,
    'data-focus-key': 'check-code-input',
  });
  const field = formField({ control: input, label: t('checkCode.label'), hint: t('checkCode.hint') });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'check-code-submit' }, t('checkCode.submit'));
  const form = h('form', { class: 'form check-code-form', novalidate: true }, field.root, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    officeApi.enterCheckCode(electionId, districtId, input.value).then(onConfirmed, (error: unknown) => {
      submit.disabled = false;
      field.setError(errorMessage(error, currentLanguage(), t));
      input.focus();
    });
  });
  const received = asyncRegion(
    async () => {
      const [reportForm, history] = await Promise.all([
        officeApi.reportForm(electionId, districtId),
        officeApi.reportHistory(electionId, districtId),
      ]);
      const waiting = history.versions.find((version) => version.version === history.codeVersion);
      return waiting ? reportTable(reportForm, waiting.report, versionCaption(waiting)) : h('p', {}, '–');
    },
    (error) => errorMessage(error, currentLanguage(), t),
  );
  return h(
    'section',
    { class: 'detail-check-code', 'aria-labelledby': 'check-code-title' },
    h('h3', { id: 'check-code-title' }, t('checkCode.title')),
    h('p', {}, t('checkCode.text')),
    form,
    h('h4', {}, t('checkCode.received')),
    received,
  );
}
