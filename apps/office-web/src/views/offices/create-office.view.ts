import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { OFFICE_LEVELS, type CreateOfficeRequest, type Office, type OfficeLevel } from '../../api/office-api.types';
import { t } from '../../i18n/i18n';
import { sendForm } from '../shared/send-form';
import { createUserForm } from '../users/create-user.view';

/** The provider's form for a new office; the server's field errors (German) appear at their fields. */
function createOfficeForm(onCreated: (office: Office) => void): HTMLElement {
  const fields = {
    name: formField({
      control: h('input', { id: 'new-office-name', name: 'name', type: 'text', autocomplete: 'off', required: true }),
      label: t('offices.name'),
    }),
    ags: formField({
      control: h('input', { id: 'new-office-ags', name: 'ags', type: 'text', inputmode: 'numeric', autocomplete: 'off', required: true }),
      label: t('offices.ags'),
      hint: t('offices.agsHint'),
    }),
    level: formField({
      control: h(
        'select',
        { id: 'new-office-level', name: 'level', class: 'select' },
        OFFICE_LEVELS.map((level) => h('option', { value: level }, t(`level.${level}`))),
      ),
      label: t('offices.level'),
    }),
  };
  const message = h('div', { class: 'alert alert-error', role: 'alert', id: 'create-office-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'create-office-submit' }, t('offices.create'));
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const body: CreateOfficeRequest = {
      name: fields.name.control.value.trim(),
      ags: fields.ags.control.value.trim(),
      level: fields.level.control.value as OfficeLevel,
      parentId: null,
    };
    sendForm(
      { submit, message, fields },
      () => officeApi.createOffice(body),
      (office) => {
        form.reset();
        onCreated(office);
      },
    );
  };
  const form = h(
    'form',
    { class: 'form', id: 'create-office', novalidate: true, onsubmit: onSubmit },
    ...Object.values(fields).map((field) => field.root),
    message,
    h('div', { class: 'button-row' }, submit),
  );
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'create-office-title' },
    h('h2', { id: 'create-office-title', class: 'section-title' }, t('offices.createTitle')),
    form,
  );
}

/**
 * The provider's panels below the office list: a new office, then the users of one office (its first
 * office admin); one user form at a time, for the office just created or the one chosen in the list.
 */
export function officeSetup(onOfficeCreated: () => void): {
  element: HTMLElement;
  usersFor: (office: Office) => void;
  announce: (text: string) => void;
} {
  const usersSlot = h('div', { id: 'office-users-slot' });
  const status = h('p', { class: 'alert alert-success', role: 'status', id: 'office-setup-status', hidden: true });
  const announce = (text: string): void => {
    status.hidden = false;
    status.textContent = text;
  };
  const usersFor = (office: Office): void => {
    const form = createUserForm(office.id, (username) => announce(t('offices.userCreated', { user: username, office: office.name })));
    form.querySelector('h2')?.replaceChildren(t('offices.usersFor', { name: office.name }));
    usersSlot.replaceChildren(form);
    form.querySelector('input')?.focus();
  };
  const element = h(
    'div',
    { class: 'stack' },
    status,
    createOfficeForm((office) => {
      announce(t('offices.created', { name: office.name }));
      onOfficeCreated();
      usersFor(office);
    }),
    usersSlot,
  );
  return { element, usersFor, announce };
}
