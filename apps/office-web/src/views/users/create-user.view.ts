import { formField, h, type FormField } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { CreateUserRequest, OfficeUserRole } from '../../api/office-api.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

const ROLES: readonly OfficeUserRole[] = ['clerk', 'office-admin'];

/** The form to add an account to the office; the server's field errors (German) appear at their fields. */
export function createUserForm(officeId: string, onCreated: (username: string) => void): HTMLElement {
  const input = (id: string, type: string, autocomplete: string): HTMLInputElement =>
    h('input', { id, name: id, type, autocomplete, required: true, autocapitalize: 'none', spellcheck: 'false' });
  const fields = {
    username: formField({ control: input('new-user-username', 'text', 'off'), label: t('users.username'), hint: t('users.usernameHint') }),
    displayName: formField({ control: input('new-user-name', 'text', 'off'), label: t('users.displayName') }),
    function: formField({
      control: h('input', { id: 'new-user-function', name: 'function', type: 'text', autocomplete: 'off' }),
      label: t('users.function'),
      hint: t('users.functionHint'),
    }),
    password: formField({
      control: input('new-user-password', 'password', 'new-password'),
      label: t('users.password'),
      hint: t('users.passwordHint'),
    }),
    role: formField({
      control: h(
        'select',
        { id: 'new-user-role', name: 'role', class: 'select' },
        ROLES.map((role) => h('option', { value: role }, t(`role.${role}`))),
      ),
      label: t('users.role'),
    }),
  } satisfies Record<keyof CreateUserRequest, FormField<HTMLInputElement | HTMLSelectElement>>;
  const message = h('div', { class: 'alert alert-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('users.create'));

  const showErrors = (error: unknown): void => {
    message.textContent = errorMessage(error, currentLanguage(), t);
    const problems = error instanceof ApiError ? error.errors : [];
    for (const [name, field] of Object.entries(fields)) {
      field.setError(problems.find((problem) => problem.path === `$.${name}`)?.message ?? null);
    }
    if (error instanceof ApiError && error.code === 'USERNAME_TAKEN') fields.username.setError(message.textContent);
  };

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const body: CreateUserRequest = {
      username: fields.username.control.value.trim(),
      displayName: fields.displayName.control.value.trim(),
      function: fields.function.control.value.trim(),
      password: fields.password.control.value,
      role: fields.role.control.value as OfficeUserRole,
    };
    submit.disabled = true;
    officeApi
      .createUser(officeId, body)
      .then(
        (user) => {
          form.reset();
          message.textContent = '';
          for (const field of Object.values(fields)) field.setError(null);
          onCreated(user.username);
        },
        (error: unknown) => showErrors(error),
      )
      .finally(() => (submit.disabled = false));
  };

  const form = h(
    'form',
    { class: 'form', id: 'create-user', novalidate: true, onsubmit: onSubmit },
    ...Object.values(fields).map((field) => field.root),
    message,
    h('div', { class: 'button-row' }, submit),
  );
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'create-user-title' },
    h('h2', { id: 'create-user-title', class: 'section-title' }, t('users.createTitle')),
    form,
  );
}
