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

/** Sign-in of a polling-station board with the access code from the station kit (POST /api/board/sign-in). */
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
    maxlength: 120,
    'aria-describedby': 'board-name-hint',
  });
  const submit = h(
    'button',
    {
      type: 'submit',
      class: 'button button-primary button-block button-large',
      id: 'board-sign-in',
      'data-autofocus': prefilled ? true : undefined,
    },
    t('board.signIn'),
  );
  const message = h('div', { id: 'board-sign-in-message', class: 'alert alert-error', role: 'alert' });

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (submit.disabled) return;
    const value = code.value.trim();
    if (!value) {
      message.textContent = t('board.codeMissing');
      code.setAttribute('aria-invalid', 'true');
      code.focus();
      return;
    }
    const person = name.value.trim();
    if (person.length === 1) {
      message.textContent = t('board.nameTooShort');
      name.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('signIn.submitting');
    try {
      options.onSignedIn(await officeApi.boardSignIn(value, person || undefined));
    } catch (error) {
      submit.disabled = false;
      submit.textContent = t('board.signIn');
      message.textContent = errorMessage(error, currentLanguage(), t);
      if (error instanceof ApiError && error.status === 401) {
        code.setAttribute('aria-invalid', 'true');
        code.focus();
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
        h('label', { for: name.id }, t('board.name'), h('span', { class: 'entry-optional' }, ` ${t('entry.optional')}`)),
        name,
        h('p', { class: 'form-hint', id: 'board-name-hint' }, t('board.nameHint')),
      ),
      submit,
    ),
  );
}
