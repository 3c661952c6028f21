import { ApiError } from '../api/api-error';
import type { BoardSession } from '../api/election-night.types';
import { officeApi } from '../api/office-api';
import type { Actor } from '../api/office-api.types';
import { currentLanguage, t } from '../i18n/i18n';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';

export type BoardSignInOptions = {
  /** From the QR link of the code sheet (`/office/board?code=…`): prefilled, one tap signs in. */
  readonly code: string | null;
  /** A board member already signed in on this device (e.g. the first person of the board). */
  readonly signedIn: Actor | null;
  readonly onSignedIn: (result: BoardSession) => void;
  readonly onContinue: () => void;
};

/**
 * Personal sign-in of a board member (POST /api/board/sign-in, issue #17): the access code from the station
 * kit, the member's name and PIN; at the first sign-in with a name the PIN is set and repeated.
 */
export function boardSignInView(options: BoardSignInOptions): HTMLElement {
  const prefilled = Boolean(options.code);
  const code = h('input', {
    id: 'board-code',
    name: 'code',
    type: 'text',
    class: 'code-input',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    required: true,
    maxlength: 64,
    placeholder: 'XXXX-XXXX-XXXX',
    'aria-describedby': 'board-code-hint board-sign-in-message',
    'data-autofocus': prefilled ? undefined : true,
  });
  code.value = options.code ?? '';
  const name = h('input', {
    id: 'board-name',
    name: 'name',
    type: 'text',
    autocomplete: 'name',
    required: true,
    maxlength: 120,
    'aria-describedby': 'board-name-hint',
    'data-autofocus': prefilled ? true : undefined,
  });
  // Personal sign-in (issue #17): with code and name a PIN of the member's own; the first sign-in sets it, twice.
  const pinInput = (id: string, hint: string) =>
    h('input', {
      id,
      name: id,
      type: 'password',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      autocomplete: 'current-password',
      required: true,
      minlength: 4,
      maxlength: 12,
      'aria-describedby': `${hint} board-sign-in-message`,
    });
  const pin = pinInput('board-pin', 'board-pin-hint');
  const pinRepeat = pinInput('board-pin-repeat', 'board-pin-repeat-hint');
  pinRepeat.autocomplete = 'new-password';
  const pinHint = h('p', { class: 'form-hint', id: 'board-pin-hint' }, t('board.pinHint'));
  const repeatField = h(
    'div',
    { class: 'field', id: 'board-pin-repeat-field', hidden: true },
    h('label', { for: pinRepeat.id }, t('board.pinRepeat')),
    pinRepeat,
    h('p', { class: 'form-hint', id: 'board-pin-repeat-hint' }, t('board.pinRepeatHint')),
  );
  let settingPin = false;
  const showPinSetup = (): void => {
    settingPin = true;
    repeatField.hidden = false;
    pin.autocomplete = 'new-password';
    pinHint.textContent = t('board.pinNewHint');
  };
  const submit = h(
    'button',
    {
      type: 'submit',
      class: 'button button-primary button-block button-large',
      id: 'board-sign-in',
    },
    t('board.signIn'),
  );
  const message = h('div', { id: 'board-sign-in-message', class: 'alert alert-error', role: 'alert' });

  const invalid = (input: HTMLInputElement, text: string): void => {
    message.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (submit.disabled) return;
    for (const input of [code, name, pin, pinRepeat]) input.removeAttribute('aria-invalid');
    const value = code.value.trim();
    if (!value) return invalid(code, t('board.codeMissing'));
    const person = name.value.trim();
    if (person.length < 2) return invalid(name, t('board.nameTooShort'));
    if (!/^[0-9]{4,12}$/.test(pin.value)) return invalid(pin, t('board.pinInvalid'));
    if (settingPin && pinRepeat.value !== pin.value) return invalid(pinRepeat, t('board.pinMismatch'));
    submit.disabled = true;
    submit.textContent = t('signIn.submitting');
    try {
      options.onSignedIn(
        await officeApi.boardSignIn({ code: value, name: person, pin: pin.value, ...(settingPin ? { pinRepeat: pinRepeat.value } : {}) }),
      );
    } catch (error) {
      submit.disabled = false;
      submit.textContent = t('board.signIn');
      message.textContent = errorMessage(error, currentLanguage(), t);
      if (!(error instanceof ApiError)) return;
      if (error.code === 'BOARD_PIN_SETUP_REQUIRED') {
        // First sign-in with this name: the PIN just typed becomes the member's, once repeated.
        showPinSetup();
        pinRepeat.focus();
      } else if (error.code === 'BOARD_SIGN_IN_FAILED') {
        pin.value = '';
        invalid(pin, message.textContent);
      } else if (error.status === 401) {
        invalid(code, message.textContent);
      } else if (error.errors.some((entry) => entry.path === '$.pinRepeat')) {
        pinRepeat.value = '';
        invalid(pinRepeat, message.textContent);
      }
    }
  };

  const already = options.signedIn
    ? h(
        'div',
        { class: 'alert alert-info' },
        h('p', {}, t('board.alreadySignedIn', { name: options.signedIn.username })),
        h(
          'button',
          { type: 'button', class: 'button button-secondary', id: 'board-continue', onclick: options.onContinue },
          t('board.continue'),
        ),
      )
    : null;

  return h(
    'section',
    { class: 'card sign-in board-sign-in', 'aria-labelledby': 'board-sign-in-title' },
    h('h1', { id: 'board-sign-in-title', tabindex: '-1' }, t('board.signInTitle')),
    h('p', { class: 'lead' }, t(prefilled ? 'board.signInIntroPrefilled' : 'board.signInIntro')),
    already,
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: (event: Event) => void onSubmit(event) },
      message,
      h(
        'div',
        { class: 'field' },
        h('label', { for: code.id }, t('board.code')),
        code,
        h('p', { class: 'form-hint', id: 'board-code-hint' }, t('board.codeHint')),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: name.id }, t('board.name')),
        name,
        h('p', { class: 'form-hint', id: 'board-name-hint' }, t('board.nameHint')),
      ),
      h('div', { class: 'field' }, h('label', { for: pin.id }, t('board.pin')), pin, pinHint),
      repeatField,
      submit,
    ),
  );
}
