import { formField, h, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { A3ApplicationRequest, A3Entry } from '../../api/postal.types';
import type { RollDistrictCount } from '../../api/roll.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { describe, downloadPdf, notice, pdfButton } from './postal-parts.view';
import { sendForm } from '../shared/send-form';

// A3 (BWO § 25(2)): a Wahlschein for a person entitled to vote but not in the roll. The clerk enters
// the person, the district of the address, the ground and the proof seen; issuing prints the
// certificate of the A3 series at once. Only issued ones count in A3 of the roll's closing.

type Reason = A3Entry['reason'];
const REASONS: readonly Reason[] = ['missed-without-fault', 'right-arose-later', 'objection-decided-late'];

type TextKey = Exclude<keyof A3ApplicationRequest, 'districtId' | 'reason'>;
const TEXT_FIELDS: readonly { key: TextKey; type: string; autocomplete: string }[] = [
  { key: 'familyName', type: 'text', autocomplete: 'off' },
  { key: 'givenNames', type: 'text', autocomplete: 'off' },
  { key: 'birthDate', type: 'date', autocomplete: 'off' },
  { key: 'street', type: 'text', autocomplete: 'off' },
  { key: 'houseNumber', type: 'text', autocomplete: 'off' },
  { key: 'postalCode', type: 'text', autocomplete: 'off' },
  { key: 'city', type: 'text', autocomplete: 'off' },
];

/** One A3 application: issuing (the PDF downloads at once), or its certificate's PDF again. */
export function a3EntryItem(electionId: string, entry: A3Entry, onIssued: () => void): HTMLElement {
  const box = h('div', { class: 'counter-outcome' });
  const issue = async (button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    try {
      const issued = await officeApi.issueA3(electionId, entry.id);
      box.replaceChildren(notice('success', t('a3.issued', { number: issued.certificateNumber ?? '', name: issued.name })));
      await downloadPdf(() => officeApi.a3Pdf(electionId, entry.id), box);
      onIssued();
    } catch (error) {
      box.replaceChildren(notice('error', describe(error)));
      button.disabled = false;
    }
  };
  const action = entry.certificateNumber
    ? pdfButton(t('a3.pdf', { number: entry.certificateNumber }), () => officeApi.a3Pdf(electionId, entry.id), box)
    : h(
        'button',
        {
          type: 'button',
          class: 'button button-primary button-small',
          'aria-label': t('a3.issueLabel', { name: entry.name }),
          onclick: (event: Event) => void issue(event.currentTarget as HTMLButtonElement),
        },
        t('a3.issue'),
      );
  return h(
    'li',
    { 'data-a3': entry.id },
    h(
      'div',
      { class: 'card-main' },
      h('p', { class: 'card-title' }, `${entry.name}, ${formatElectionDay(entry.birthDate, currentLanguage(), 'short')}`),
      h('p', { class: 'form-hint' }, `${entry.address} · ${t('a3.district')} ${entry.district.number} ${entry.district.name}`),
      h('p', { class: 'form-hint' }, `${entry.reasonLabel}. ${entry.reasonNote}`),
      entry.certificateNumber ? h('p', { class: 'form-hint' }, t('a3.number', { number: entry.certificateNumber })) : null,
    ),
    action,
    box,
  );
}

/** The A3 panel of the Briefwahlstelle: the application form and the list with issuing and PDFs. */
export function postalA3(electionId: string, onChanged: () => void): { element: HTMLElement; reload: () => void } {
  const list = h('ul', { class: 'a3-list', id: 'a3-list' });
  const changed = (): void => {
    reload();
    onChanged();
  };
  const reload = (): void => {
    officeApi.a3Entries(electionId).then(
      ({ items }) =>
        list.replaceChildren(
          ...(items.length
            ? items.map((entry) => a3EntryItem(electionId, entry, changed))
            : [h('li', { class: 'form-hint' }, t('a3.empty'))]),
        ),
      (error: unknown) => list.replaceChildren(h('li', {}, notice('error', describe(error)))),
    );
  };

  const input = (key: TextKey, type: string, autocomplete: string): HTMLInputElement =>
    h('input', { id: `a3-${key}`, name: key, type, autocomplete, required: true });
  const texts = Object.fromEntries(
    TEXT_FIELDS.map(({ key, type, autocomplete }) => [
      key,
      formField({ control: input(key, type, autocomplete), label: t(`a3.field.${key}`), required: true }),
    ]),
  ) as Record<TextKey, FormField<HTMLInputElement>>;
  const district = formField({
    control: h('select', { id: 'a3-districtId', name: 'districtId', class: 'select' }),
    label: t('a3.field.districtId'),
  });
  const reason = formField({
    control: h(
      'select',
      { id: 'a3-reason', name: 'reason', class: 'select' },
      REASONS.map((r) => h('option', { value: r }, t(`a3.reason.${r}`))),
    ),
    label: t('a3.field.reason'),
  });
  const reasonNote = formField({
    control: h('textarea', { id: 'a3-reasonNote', name: 'reasonNote', rows: '2', maxlength: '1000', required: true }),
    label: t('a3.field.reasonNote'),
    hint: t('a3.reasonNoteHint'),
    required: true,
  });
  const fields = { ...texts, districtId: district, reason, reasonNote };
  officeApi.rollSummary(electionId).then(
    (summary) =>
      district.control.replaceChildren(
        ...summary.districts.map((d: RollDistrictCount) => h('option', { value: d.districtId }, `${d.number} ${d.name}`)),
      ),
    () => undefined,
  );

  const message = h('div', { class: 'alert alert-error', role: 'alert', id: 'a3-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'a3-submit' }, t('a3.submit'));
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const value = (key: TextKey): string => texts[key].control.value.trim();
    const body = {
      familyName: value('familyName'),
      givenNames: value('givenNames'),
      birthDate: value('birthDate'),
      street: value('street'),
      houseNumber: value('houseNumber'),
      postalCode: value('postalCode'),
      city: value('city'),
      districtId: district.control.value,
      reason: reason.control.value as Reason,
      reasonNote: reasonNote.control.value.trim(),
    } satisfies A3ApplicationRequest;
    sendForm(
      { submit, message, fields },
      () => officeApi.applyA3(electionId, body),
      () => {
        form.reset();
        changed();
      },
    );
  };
  const form = h(
    'form',
    { class: 'form', id: 'a3-form', novalidate: true, onsubmit: onSubmit },
    ...Object.values(fields).map((field) => field.root),
    message,
    h('div', { class: 'button-row' }, submit),
  );
  reload();
  const element = h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'a3-title', id: 'postal-a3' },
    h('h2', { id: 'a3-title', class: 'section-title' }, t('a3.title')),
    h('p', { class: 'form-hint' }, t('a3.intro')),
    form,
    h('h3', { class: 'section-title' }, t('a3.listTitle')),
    list,
  );
  return { element, reload };
}
