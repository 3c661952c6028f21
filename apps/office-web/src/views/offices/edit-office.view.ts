import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { OFFICE_LEVELS, type Office, type OfficeLevel, type UpdateOfficeRequest } from '../../api/office-api.types';
import { t } from '../../i18n/i18n';
import { sendForm } from '../shared/send-form';

/** Folded under an office card, for the provider: name, key and level; the API keeps the key once elections exist. */
export function editOffice(office: Office, onSaved: (office: Office) => void): HTMLElement {
  const id = (name: string): string => `edit-office-${office.id}-${name}`;
  const fields = {
    name: formField({
      control: h('input', { id: id('name'), name: 'name', type: 'text', autocomplete: 'off', value: office.name }),
      label: t('offices.name'),
    }),
    ags: formField({
      control: h('input', { id: id('ags'), name: 'ags', type: 'text', inputmode: 'numeric', autocomplete: 'off', value: office.ags }),
      label: t('offices.ags'),
      hint: t('offices.keyFixedHint'),
    }),
    level: formField({
      control: h(
        'select',
        { id: id('level'), name: 'level', class: 'select' },
        OFFICE_LEVELS.map((level) => h('option', { value: level, selected: level === office.level }, t(`level.${level}`))),
      ),
      label: t('offices.level'),
    }),
  };
  const message = h('div', { class: 'alert alert-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('offices.save'));

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const ags = fields.ags.control.value.trim();
    // An unchanged key is not sent, so renaming an office with elections is never refused for it.
    const body: UpdateOfficeRequest = {
      name: fields.name.control.value.trim(),
      level: fields.level.control.value as OfficeLevel,
      ...(ags === office.ags ? {} : { ags }),
    };
    sendForm({ submit, message, fields }, () => officeApi.updateOffice(office.id, body), onSaved);
  };

  return h(
    'details',
    { class: 'office-edit', 'data-edit': office.ags },
    h('summary', {}, t('offices.edit'), h('span', { class: 'sr-only' }, ` ${office.name}`)),
    h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': t('offices.editLabel', { name: office.name }), onsubmit: onSubmit },
      ...Object.values(fields).map((field) => field.root),
      message,
      h('div', { class: 'button-row' }, submit),
    ),
  );
}
