import { redeemResetCode } from './users/password-reset.view';
import { ApiError } from '../api/api-error';
import { officeApi } from '../api/office-api';
import type { Actor } from '../api/office-api.types';
import { formatClockTime, formatCountdown } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';

export type SignInOptions = { readonly onSignedIn: (actor: Actor) => void };

/** The sign-in card: username and password against POST /api/auth/login. */
export function signInView({ onSignedIn }: SignInOptions): HTMLElement {
  const username = h('input', {
    id: 'username',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'sign-in-message',
    'data-autofocus': true,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'aria-describedby': 'sign-in-message',
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-block' }, t('signIn.submit'));
  const message = h('div', { id: 'sign-in-message', class: 'alert alert-error', role: 'alert' });
  const hint = h('p', { class: 'form-hint', 'aria-live': 'polite' });

  const showError = (text: string, invalid: readonly HTMLInputElement[]): void => {
    message.textContent = text;
    for (const input of [username, password]) input.toggleAttribute('aria-invalid', invalid.includes(input));
  };

  // 429: keep the button locked and count down the Retry-After wait.
  const lockFor = (seconds: number): void => {
    const until = Date.now() + seconds * 1000;
    const tick = (): void => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0 || !submit.isConnected) {
        submit.disabled = false;
        submit.textContent = t('signIn.submit');
        hint.textContent = '';
        return;
      }
      submit.disabled = true;
      submit.textContent = t('signIn.wait', { time: formatCountdown(left) });
      setTimeout(tick, 1000);
    };
    // The button's countdown is not announced; the live hint names the clock time once.
    hint.textContent = t('signIn.waitHint', { time: formatClockTime(new Date(until), currentLanguage()) });
    tick();
  };

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (submit.disabled) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      const missing = [!name ? username : null, !password.value ? password : null].filter((input) => input !== null);
      showError(t('signIn.missing'), missing);
      missing[0]?.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('signIn.submitting');
    form.setAttribute('aria-busy', 'true');
    try {
      const { user } = await officeApi.login(name, password.value);
      onSignedIn(user);
    } catch (error) {
      form.removeAttribute('aria-busy');
      submit.disabled = false;
      submit.textContent = t('signIn.submit');
      showError(errorMessage(error, currentLanguage(), t), error instanceof ApiError && error.status === 401 ? [username, password] : []);
      if (error instanceof ApiError && error.status === 401) {
        password.value = '';
        password.focus();
      }
      if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) lockFor(error.retryAfterSeconds);
    }
  };

  const form = h(
    'form',
    { class: 'form', id: 'sign-in-form', novalidate: true, onsubmit: (event: Event) => void onSubmit(event) },
    message,
    h('div', { class: 'field' }, h('label', { for: 'username' }, t('signIn.username')), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('signIn.password')), password),
    submit,
    hint,
  );

  return h(
    'section',
    { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', tabindex: '-1' }, t('signIn.title')),
    h('p', { class: 'lead' }, t('signIn.intro')),
    form,
    redeemResetCode(),
  );
}
