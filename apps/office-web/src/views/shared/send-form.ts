import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage, showFieldProblems } from '../error-message';

/** A form's parts that a send touches: its button, its message line and its fields. */
export interface SendableForm {
  readonly submit: HTMLButtonElement;
  readonly message: HTMLElement;
  readonly fields: Parameters<typeof showFieldProblems>[0];
}

/**
 * Sends a form's request once (the button disabled meanwhile). Once saved, the message and the fields'
 * problems are cleared before `onSaved`; a refusal is shown in the message and at its fields.
 */
export function sendForm<T>(form: SendableForm, request: () => Promise<T>, onSaved: (result: T) => void): void {
  form.submit.disabled = true;
  request()
    .then(
      (result) => {
        form.message.textContent = '';
        showFieldProblems(form.fields, null);
        onSaved(result);
      },
      (error: unknown) => {
        // A message line that also reports success (e.g. the password reset's) turns back into an error.
        form.message.classList.replace('alert-success', 'alert-error');
        form.message.textContent = errorMessage(error, currentLanguage(), t);
        showFieldProblems(form.fields, error);
      },
    )
    .finally(() => (form.submit.disabled = false));
}
