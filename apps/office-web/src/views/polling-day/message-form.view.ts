import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { MonitorStation } from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../reports/report-draft';
import { errorMessage } from '../error-message';

/** The office's message to all stations or one; one id per message, so a retried send is not a second message. */
export function messageForm(electionId: string, stations: readonly MonitorStation[], onSent: () => void): HTMLFormElement {
  let id = newIdempotencyKey();
  const target = h(
    'select',
    { id: 'message-target', class: 'input' },
    h('option', { value: '' }, t('monitor.toAll')),
    stations.map((station) => h('option', { value: station.districtId }, `${station.number} ${station.name}`)),
  );
  const text = h('textarea', { id: 'message-text', class: 'input', rows: 2, maxlength: 1000 });
  const textField = formField({ control: text, label: t('monitor.messageText'), hint: t('monitor.messageHint') });
  const status = h('p', { id: 'message-status', role: 'status' });
  const send = h('button', { type: 'submit', class: 'button button-primary', id: 'message-send' }, t('monitor.messageSend'));
  const form = h(
    'form',
    { class: 'form', id: 'message-form', novalidate: true },
    formField({ control: target, label: t('monitor.messageTarget') }).root,
    textField.root,
    send,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (text.value.trim().length < 3) {
      textField.setError(t('monitor.messageTooShort'));
      return;
    }
    textField.setError(null);
    send.disabled = true;
    officeApi.sendOfficeMessage(electionId, { id, districtId: target.value || null, text: text.value.trim() }).then(
      () => {
        send.disabled = false;
        id = newIdempotencyKey();
        text.value = '';
        status.textContent = t('monitor.messageSent');
        onSent();
      },
      (error: unknown) => {
        send.disabled = false;
        textField.setError(errorMessage(error, currentLanguage(), t));
      },
    );
  });
  return form;
}
