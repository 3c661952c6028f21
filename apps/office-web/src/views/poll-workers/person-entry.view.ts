import { AVAILABILITIES } from '@wahl/domain';
import { formField, h, type FieldControl, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { t, type MessageKey } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { showFieldProblems } from './field-problems';

const PERSON_FIELDS = ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city', 'email', 'phone'] as const;
const INPUT_TYPES: Partial<Record<(typeof PERSON_FIELDS)[number], string>> = { birthDate: 'date', email: 'email', phone: 'tel' };

/** Entry of a single person by the office (BWahlG § 9(4) fields), taken into this election's pool. */
export function personEntryForm(electionId: string, onSaved: () => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'pw-entry-output' });
  const person = Object.fromEntries(
    PERSON_FIELDS.map((name) => [
      name,
      formField({
        control: h('input', { type: INPUT_TYPES[name] ?? 'text', id: `pw-entry-${name}`, class: 'input', maxlength: '200' }),
        label: t(`pw.entry.${name}` as MessageKey),
        required: name !== 'email' && name !== 'phone',
      }),
    ]),
  ) as Record<(typeof PERSON_FIELDS)[number], FormField<HTMLInputElement>>;
  const availability = formField({
    control: h(
      'select',
      { id: 'pw-entry-availability', class: 'input' },
      ...AVAILABILITIES.map((value) => h('option', { value }, t(`pw.availability.${value}` as MessageKey))),
    ) as HTMLSelectElement,
    label: t('pw.entry.availability'),
  });
  const chair = h('input', { type: 'checkbox', id: 'pw-entry-chair', class: 'checkbox' });
  const fields: Record<string, FormField<FieldControl>> = {
    ...Object.fromEntries(PERSON_FIELDS.map((name) => [`$.person.${name}`, person[name]])),
    '$.wishes.availability': availability,
  };
  const optional = (value: string): string | null => value.trim() || null;

  function save(event: Event): void {
    event.preventDefault();
    output.replaceChildren();
    for (const field of Object.values(fields)) field.setError(null);
    const value = (name: (typeof PERSON_FIELDS)[number]): string => person[name].control.value;
    const body = {
      person: {
        familyName: value('familyName'),
        givenNames: value('givenNames'),
        birthDate: value('birthDate'),
        street: value('street'),
        postalCode: value('postalCode'),
        city: value('city'),
        email: optional(value('email')),
        phone: optional(value('phone')),
        keepForNextElection: false,
      },
      wishes: {
        availability: availability.control.value as (typeof AVAILABILITIES)[number],
        wishDistrictId: null,
        wishColleagueId: null,
        wishFunction: null,
      },
      declaredEligible: false,
      chairExperience: chair.checked,
      note: '',
    };
    officeApi.enterPollWorker(electionId, body).then(
      (row) => {
        form.reset();
        onSaved();
        document
          .getElementById('pw-people-output')
          ?.replaceChildren(alert('success', t('pw.entry.saved', { name: `${row.givenNames} ${row.familyName}` })));
      },
      (error: unknown) => {
        if (!showFieldProblems(error, fields)) fail(output)(error);
      },
    );
  }
  const form: HTMLFormElement = h(
    'form',
    { class: 'form', novalidate: true, onsubmit: save },
    ...PERSON_FIELDS.map((name) => person[name].root),
    availability.root,
    h('div', { class: 'field' }, h('label', { class: 'checkbox-label' }, chair, ' ', t('pw.entry.chairExperience'))),
    h('button', { type: 'submit', class: 'button button-primary', id: 'pw-entry-save' }, t('pw.entry.save')),
    output,
  ) as HTMLFormElement;
  return h('details', { class: 'card panel', id: 'pw-entry' }, h('summary', {}, t('pw.entry.title')), form);
}
