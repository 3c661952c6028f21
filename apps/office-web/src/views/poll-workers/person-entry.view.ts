import { personFieldProblem, type PersonEntryField } from '@wahl/contracts';
import { AVAILABILITIES } from '@wahl/domain';
import { formField, h, type FieldControl, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PollWorkerRow } from '../../api/poll-workers.types';
import { t, type MessageKey } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { showFieldProblems } from './field-problems';
import { personWishes } from './person-wishes.view';

const PERSON_FIELDS = ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city', 'email', 'phone'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
/** Name, birth date and address say who the person is: the API updates the person they match (isSamePerson). */
const IDENTITY_FIELDS: readonly PersonField[] = ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city'];
const INPUT_TYPES: Partial<Record<PersonField, string>> = { birthDate: 'date', email: 'email', phone: 'tel' };

export interface PersonEntry {
  readonly root: HTMLElement;
  /** Opens the form with the person's data for this election, to change wishes, declaration and note. */
  edit(row: PollWorkerRow): void;
}

/** Entry of a single person by the office (BWahlG § 9(4) fields) with wishes, taken into this election's pool. */
export function personEntryForm(electionId: string, onSaved: () => void): PersonEntry {
  const output = h('div', { 'aria-live': 'polite', id: 'pw-entry-output' });
  const editHint = h('p', { class: 'form-hint', id: 'pw-entry-edit-hint', hidden: true }, t('pw.entry.editHint'));
  const person = Object.fromEntries(
    PERSON_FIELDS.map((name) => [
      name,
      formField({
        control: h('input', { type: INPUT_TYPES[name] ?? 'text', id: `pw-entry-${name}`, class: 'input', maxlength: '200' }),
        label: t(`pw.entry.${name}` as MessageKey),
        required: name !== 'email' && name !== 'phone',
      }),
    ]),
  ) as Record<PersonField, FormField<HTMLInputElement>>;
  const availability = formField({
    control: h(
      'select',
      { id: 'pw-entry-availability', class: 'input' },
      ...AVAILABILITIES.map((value) => h('option', { value }, t(`pw.availability.${value}` as MessageKey))),
    ) as HTMLSelectElement,
    label: t('pw.entry.availability'),
  });
  const chair = h('input', { type: 'checkbox', id: 'pw-entry-chair', class: 'checkbox' });
  const wishes = personWishes(electionId);
  const fields: Record<string, FormField<FieldControl>> = {
    ...Object.fromEntries(PERSON_FIELDS.map((name) => [`$.person.${name}`, person[name]])),
    '$.wishes.availability': availability,
    ...wishes.fields,
  };
  const checked: readonly (readonly [PersonEntryField, FormField<FieldControl>])[] = [
    ...PERSON_FIELDS.map((name) => [name, person[name]] as const),
    ['note', wishes.note],
  ];
  let keepForNextElection = false;
  let editing: string | null = null;

  // Checked as typed with the API's own rules; a field shows its problem once it was left or sent.
  for (const [name, field] of checked) {
    const check = (): void => field.setError(personFieldProblem(name, field.control.value));
    field.control.addEventListener('blur', check);
    field.control.addEventListener('input', () => {
      if (field.control.getAttribute('aria-invalid') === 'true') check();
    });
  }
  const setMode = (row: PollWorkerRow | null): void => {
    for (const name of IDENTITY_FIELDS) person[name].control.readOnly = row !== null;
    editHint.hidden = row === null;
    keepForNextElection = row?.keepForNextElection ?? false;
    editing = row?.id ?? null;
    save.textContent = t(row ? 'pw.entry.saveChanges' : 'pw.entry.save');
    cancel.hidden = row === null;
    wishes.fill(row);
  };
  const reset = (): void => {
    form.reset();
    setMode(null);
    void wishes.load(null).catch(fail(output));
  };

  function submit(event: Event): void {
    event.preventDefault();
    output.replaceChildren();
    for (const field of Object.values(fields)) field.setError(null);
    const problems = checked.map(([name, field]) => [field, personFieldProblem(name, field.control.value)] as const);
    for (const [field, problem] of problems) field.setError(problem);
    const first = problems.find(([, problem]) => problem !== null);
    if (first) return first[0].control.focus();
    const value = (name: PersonField): string => person[name].control.value;
    const optional = (text: string): string | null => text.trim() || null;
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
        keepForNextElection,
      },
      wishes: { availability: availability.control.value as (typeof AVAILABILITIES)[number], ...wishes.wishes() },
      declaredEligible: wishes.declared.checked,
      chairExperience: chair.checked,
      note: wishes.note.control.value,
    };
    const saved = editing ? 'pw.entry.changed' : 'pw.entry.saved';
    officeApi.enterPollWorker(electionId, body).then(
      (row) => {
        reset();
        onSaved();
        document
          .getElementById('pw-people-output')
          ?.replaceChildren(alert('success', t(saved, { name: `${row.givenNames} ${row.familyName}` })));
      },
      (error: unknown) => {
        if (!showFieldProblems(error, fields)) fail(output)(error);
      },
    );
  }
  const save = h('button', { type: 'submit', class: 'button button-primary', id: 'pw-entry-save' }, t('pw.entry.save'));
  const cancel = h(
    'button',
    { type: 'button', class: 'button button-secondary', id: 'pw-entry-cancel', hidden: true, onclick: reset },
    t('pw.entry.cancel'),
  );
  const form: HTMLFormElement = h(
    'form',
    { class: 'form', novalidate: true, onsubmit: submit },
    editHint,
    ...PERSON_FIELDS.map((name) => person[name].root),
    availability.root,
    h('div', { class: 'field' }, h('label', { class: 'checkbox-label' }, chair, ' ', t('pw.entry.chairExperience'))),
    ...wishes.parts,
    h('div', { class: 'button-row' }, save, cancel),
    output,
  ) as HTMLFormElement;
  const root = h('details', { class: 'card panel', id: 'pw-entry' }, h('summary', {}, t('pw.entry.title')), form);
  root.addEventListener('toggle', () => {
    if ((root as HTMLDetailsElement).open && editing === null) void wishes.load(null).catch(fail(output));
  });

  const edit = (row: PollWorkerRow): void => {
    form.reset();
    editing = row.id;
    for (const name of PERSON_FIELDS) person[name].control.value = row[name] ?? '';
    availability.control.value = row.pool?.availability ?? 'all-day';
    chair.checked = row.chairExperience;
    (root as HTMLDetailsElement).open = true;
    wishes.load(row.id).then(() => {
      if (editing !== row.id) return; // another edit or a reset came first
      setMode(row);
      person.familyName.control.focus();
    }, fail(output));
  };
  return { root, edit };
}
