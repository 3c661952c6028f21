import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RedeemPasswordReset } from '../../api/office-api.types';
import { t } from '../../i18n/i18n';
import { sendForm } from '../shared/send-form';

/**
 * On the sign-in page, folded: a new password with the one-time code the office admin handed over.
 * The API limits and records these attempts like sign-ins.
 */
export function redeemResetCode(): HTMLElement {
  const input = (id: string, type: string, autocomplete: string): HTMLInputElement =>
    h('input', { id, name: id, type, autocomplete, required: true, autocapitalize: 'none', spellcheck: 'false' });
  const fields = {
    username: formField({ control: input('reset-username', 'text', 'username'), label: t('reset.username') }),
    code: formField({ control: input('reset-code-input', 'text', 'one-time-code'), label: t('reset.code'), hint: t('reset.codeHint') }),
    newPassword: formField({
      control: input('reset-new-password', 'password', 'new-password'),
      label: t('reset.newPassword'),
      hint: t('users.passwordHint'),
    }),
  };
  const message = h('div', { class: 'alert alert-error', role: 'status', id: 'reset-message' });
  const submit = h('button', { type: 'submit', class: 'button button-secondary', id: 'reset-submit' }, t('reset.submit'));
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const body: RedeemPasswordReset = {
      username: fields.username.control.value.trim(),
      code: fields.code.control.value.trim(),
      newPassword: fields.newPassword.control.value,
    };
    sendForm(
      { submit, message, fields },
      () => officeApi.redeemPasswordReset(body),
      () => {
        form.reset();
        message.className = 'alert alert-success';
        message.textContent = t('reset.done');
      },
    );
  };
  const form = h(
    'form',
    { class: 'form', id: 'reset-form', novalidate: true, onsubmit: onSubmit },
    ...Object.values(fields).map((field) => field.root),
    message,
    h('div', { class: 'button-row' }, submit),
  );
  return h(
    'details',
    { class: 'reset-details', id: 'reset-details' },
    h('summary', {}, t('reset.summary')),
    h('p', { class: 'form-hint' }, t('reset.intro')),
    form,
  );
}
