import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { OFFICE_USER_ROLES, type OfficeUser, type OfficeUserListEntry, type UpdateUserRequest } from '../../api/office-api.types';
import { t } from '../../i18n/i18n';
import { sendForm } from '../shared/send-form';

/**
 * Folded under a user card: role, display name, function (the two sign documents) and whether the
 * account is active. The API refuses removing one's own admin role and losing the last active admin.
 */
export function editUser(officeId: string, user: OfficeUserListEntry, onSaved: (user: OfficeUser) => void): HTMLElement {
  const id = (name: string): string => `edit-user-${user.id}-${name}`;
  const text = (name: string, value: string): HTMLInputElement =>
    h('input', { id: id(name), name, type: 'text', autocomplete: 'off', value });
  const fields = {
    displayName: formField({ control: text('displayName', user.displayName), label: t('users.displayName') }),
    function: formField({ control: text('function', user.function), label: t('users.function'), hint: t('users.functionHint') }),
    role: formField({
      control: h(
        'select',
        { id: id('role'), name: 'role', class: 'select' },
        OFFICE_USER_ROLES.map((role) => h('option', { value: role, selected: role === user.role }, t(`role.${role}`))),
      ),
      label: t('users.role'),
    }),
  };
  const active = h('input', { type: 'checkbox', id: id('active'), name: 'active', class: 'checkbox', checked: user.active });
  const message = h('div', { class: 'alert alert-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('users.save'));

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const body: UpdateUserRequest = {
      displayName: fields.displayName.control.value.trim(),
      function: fields.function.control.value.trim(),
      role: fields.role.control.value as UpdateUserRequest['role'],
      active: active.checked,
    };
    sendForm({ submit, message, fields }, () => officeApi.updateUser(officeId, user.id, body), onSaved);
  };

  return h(
    'details',
    { class: 'user-edit', 'data-edit': user.username },
    h('summary', {}, t('users.edit'), h('span', { class: 'sr-only' }, ` ${user.username}`)),
    h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': t('users.editLabel', { user: user.username }), onsubmit: onSubmit },
      ...Object.values(fields).map((field) => field.root),
      h('div', { class: 'field' }, h('label', { class: 'checkbox-label' }, active, ' ', t('users.active'))),
      message,
      h('div', { class: 'button-row' }, submit),
    ),
  );
}
