import type { Address, Delivery, FieldProblem, Representative } from './api';
import { birthDateFromFields } from './birth-date';
import { h } from '@wahl/web-kit';

// Form parts of the application and their error display: every field has a visible label, errors
// appear at the field (aria-invalid, aria-describedby) and in a summary that takes the focus.

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export class FormErrors {
  readonly summary = h('div', { class: 'error-summary', id: 'fehler', role: 'alert', tabindex: '-1', hidden: true });
  private readonly fields = new Map<string, { input: HTMLElement; slot: HTMLElement }>();

  register(path: string, input: HTMLElement, slot: HTMLElement): void {
    this.fields.set(path, { input, slot });
  }

  clear(): void {
    this.summary.hidden = true;
    this.summary.replaceChildren();
    for (const { input, slot } of this.fields.values()) {
      input.removeAttribute('aria-invalid');
      slot.textContent = '';
      slot.hidden = true;
    }
  }

  /** Shows the problems (API paths or local ones) and moves the focus to the summary. */
  show(detail: string, problems: readonly FieldProblem[] = []): void {
    this.clear();
    const items: HTMLElement[] = [];
    for (const problem of problems) {
      const field = this.fields.get(problem.path) ?? this.fields.get(problem.path.replace(/\.\w+$/, ''));
      if (field) {
        field.input.setAttribute('aria-invalid', 'true');
        field.slot.textContent = problem.message;
        field.slot.hidden = false;
        items.push(
          h('li', {}, h('a', { href: `#${field.input.id}`, onclick: (event: Event) => focusField(event, field.input) }, problem.message)),
        );
      } else if (problem.path !== '$') {
        items.push(h('li', {}, problem.message));
      }
    }
    this.summary.append(h('p', { class: 'error-title' }, detail));
    if (items.length) this.summary.append(h('ul', {}, items));
    this.summary.hidden = false;
    this.summary.focus();
  }
}

function focusField(event: Event, input: HTMLElement): void {
  event.preventDefault();
  input.focus();
}

let counter = 0;
const nextId = (prefix: string): string => `${prefix}-${++counter}`;

export type TextFieldOptions = {
  readonly label: string;
  readonly path?: string;
  readonly autocomplete?: string;
  readonly inputmode?: string;
  readonly hint?: string;
  readonly maxlength?: number;
  readonly size?: 'short' | 'medium' | 'long';
  readonly id?: string;
};

export function textField(errors: FormErrors, options: TextFieldOptions): { element: HTMLElement; input: HTMLInputElement } {
  const id = options.id ?? nextId('feld');
  const error = h('p', { class: 'field-error', id: `${id}-fehler`, hidden: true });
  const hint = options.hint ? h('p', { class: 'hint', id: `${id}-hinweis` }, options.hint) : null;
  const input = h('input', {
    id,
    name: id,
    type: 'text',
    class: `input ${options.size ?? 'long'}`,
    autocomplete: options.autocomplete ?? 'off',
    inputmode: options.inputmode,
    maxlength: options.maxlength ?? 120,
    'aria-describedby': [hint ? `${id}-hinweis` : '', `${id}-fehler`].filter(Boolean).join(' '),
  });
  if (options.path) errors.register(options.path, input, error);
  return { element: h('div', { class: 'field' }, h('label', { for: id }, options.label), hint, error, input), input };
}

export function birthDateFields(
  errors: FormErrors,
  idPrefix: string,
): { element: HTMLElement; read: () => ReturnType<typeof birthDateFromFields>; first: HTMLInputElement } {
  const part = (name: string, label: string, autocomplete: string, maxlength: number, size: 'short' | 'medium') => {
    const input = h('input', {
      id: `${idPrefix}-${name}`,
      type: 'text',
      inputmode: 'numeric',
      autocomplete,
      maxlength,
      class: `input ${size}`,
      'aria-describedby': `${idPrefix}-fehler`,
    });
    return { input, element: h('div', { class: 'date-part' }, h('label', { for: input.id }, label), input) };
  };
  const day = part('tag', 'Tag', 'bday-day', 2, 'short');
  const month = part('monat', 'Monat', 'bday-month', 2, 'short');
  const year = part('jahr', 'Jahr', 'bday-year', 4, 'medium');
  const error = h('p', { class: 'field-error', id: `${idPrefix}-fehler`, hidden: true });
  errors.register('$.birthDate', day.input, error);
  const element = h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, 'Geburtsdatum'),
    h('p', { class: 'hint' }, 'Zum Beispiel 04 05 1971'),
    error,
    h('div', { class: 'date-parts' }, day.element, month.element, year.element),
  );
  return {
    element,
    first: day.input,
    read: () => birthDateFromFields({ day: day.input.value, month: month.input.value, year: year.input.value }),
  };
}

export function addressFields(
  errors: FormErrors,
  path: string,
  options: { readonly withName?: boolean; readonly abroad?: boolean },
): { element: HTMLElement; read: () => Address } {
  const name = options.withName ? textField(errors, { label: 'Name (Empfänger)', path: `${path}.name`, autocomplete: 'name' }) : null;
  const addition = textField(errors, { label: 'Adresszusatz (optional)', path: `${path}.addition`, hint: 'z. B. c/o, Hotel, Zimmer' });
  const street = textField(errors, { label: 'Straße', path: `${path}.street`, autocomplete: 'address-line1' });
  const houseNumber = textField(errors, { label: 'Hausnummer', path: `${path}.houseNumber`, size: 'short', maxlength: 20 });
  const postalCode = textField(errors, {
    label: 'Postleitzahl',
    path: `${path}.postalCode`,
    autocomplete: 'postal-code',
    size: 'medium',
    maxlength: 12,
  });
  const city = textField(errors, { label: 'Ort', path: `${path}.city`, autocomplete: 'address-level2' });
  const country = options.abroad
    ? textField(errors, { label: 'Staat (nur außerhalb Deutschlands)', path: `${path}.country`, autocomplete: 'country-name' })
    : null;
  const element = h(
    'div',
    { class: 'address' },
    name?.element,
    addition.element,
    h('div', { class: 'row' }, street.element, houseNumber.element),
    h('div', { class: 'row' }, postalCode.element, city.element),
    country?.element,
  );
  const read = (): Address => {
    const value = (field: { input: HTMLInputElement } | null): string => field?.input.value.trim() ?? '';
    return {
      ...(value(name) ? { name: value(name) } : {}),
      ...(value(addition) ? { addition: value(addition) } : {}),
      street: value(street),
      houseNumber: value(houseNumber),
      postalCode: value(postalCode),
      city: value(city),
      ...(value(country) ? { country: value(country) } : {}),
    };
  };
  return { element, read };
}

function radio(group: string, value: string, label: string, checked = false): { element: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'radio', name: group, id: `${group}-${value}`, value, checked });
  return { element: h('div', { class: 'choice' }, input, h('label', { for: input.id }, label)), input };
}

/** Where the documents go: home, another address (e.g. on holiday), or collection at the town hall. */
export function deliveryFields(errors: FormErrors): { element: HTMLElement; read: () => Delivery } {
  const home = radio('versand', 'home', 'An meine Wohnanschrift', true);
  const other = radio('versand', 'other-address', 'An eine andere Anschrift (z. B. Urlaubsort)');
  const collection = radio('versand', 'collection', 'Ich hole die Unterlagen im Wahlamt ab');
  const address = addressFields(errors, '$.delivery.address', { withName: true, abroad: true });
  const otherBox = h('div', { class: 'reveal', id: 'andere-anschrift', hidden: true }, address.element);
  const update = (): void => {
    otherBox.hidden = !other.input.checked;
  };
  for (const choice of [home, other, collection]) choice.input.addEventListener('change', update);
  const element = h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, 'Wohin sollen die Briefwahlunterlagen gehen?'),
    home.element,
    other.element,
    otherBox,
    collection.element,
  );
  return {
    element,
    read: () =>
      other.input.checked
        ? { kind: 'other-address', address: address.read() }
        : collection.input.checked
          ? { kind: 'collection' }
          : { kind: 'home' },
  };
}

/**
 * BWO § 27(3): who applies for someone else needs written authority, uploaded here or declared. The
 * result is read asynchronously because an uploaded file is read first.
 */
export function representativeFields(errors: FormErrors): { element: HTMLElement; read: () => Promise<Representative | undefined> } {
  const toggle = h('input', { type: 'checkbox', id: 'vertretung' });
  const name = textField(errors, { label: 'Ihr Name (bevollmächtigte Person)', path: '$.representative.name', autocomplete: 'name' });
  const address = addressFields(errors, '$.representative.address', {});
  const upload = radio('vollmacht', 'document', 'Ich lade die unterschriebene Vollmacht hoch (PDF, JPEG oder PNG, höchstens 5 MB)', true);
  const declare = radio('vollmacht', 'declaration', 'Ich lege die Vollmacht bei der Abholung bzw. auf Verlangen vor');
  const file = h('input', {
    type: 'file',
    id: 'vollmacht-datei',
    accept: 'application/pdf,image/jpeg,image/png',
    'aria-describedby': 'vollmacht-datei-fehler',
  });
  const fileError = h('p', { class: 'field-error', id: 'vollmacht-datei-fehler', hidden: true });
  errors.register('$.representative.authority.dataBase64', file, fileError);
  errors.register('$.representative.authority.contentType', file, fileError);
  const confirm = h('input', { type: 'checkbox', id: 'vollmacht-bestaetigung', 'aria-describedby': 'vollmacht-bestaetigung-fehler' });
  const confirmError = h('p', { class: 'field-error', id: 'vollmacht-bestaetigung-fehler', hidden: true });
  errors.register('$.representative.authority.confirmed', confirm, confirmError);
  errors.register('$.representative.authority', confirm, confirmError);
  const fileBox = h('div', { class: 'field' }, h('label', { for: file.id }, 'Vollmacht (Datei)'), fileError, file);
  const confirmBox = h(
    'div',
    { class: 'field', hidden: true },
    confirmError,
    h(
      'div',
      { class: 'choice' },
      confirm,
      h(
        'label',
        { for: confirm.id },
        'Ich versichere, dass mir eine von der wahlberechtigten Person unterschriebene schriftliche Vollmacht vorliegt.',
      ),
    ),
  );
  const details = h(
    'div',
    { class: 'reveal', id: 'vertretung-angaben', hidden: true },
    h('p', { class: 'hint' }, 'Wer den Wahlschein für eine andere Person beantragt, braucht deren schriftliche Vollmacht.'),
    name.element,
    h('fieldset', { class: 'field' }, h('legend', {}, 'Ihre Anschrift'), address.element),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Schriftliche Vollmacht'), upload.element, declare.element, fileBox, confirmBox),
  );
  const update = (): void => {
    details.hidden = !toggle.checked;
    fileBox.hidden = !upload.input.checked;
    confirmBox.hidden = !declare.input.checked;
  };
  for (const input of [toggle, upload.input, declare.input]) input.addEventListener('change', update);
  const element = h(
    'div',
    { class: 'field' },
    h('div', { class: 'choice' }, toggle, h('label', { for: toggle.id }, 'Ich stelle den Antrag für eine andere Person')),
    details,
  );
  const read = async (): Promise<Representative | undefined> => {
    if (!toggle.checked) return undefined;
    const base = { name: name.input.value.trim(), address: address.read() };
    if (declare.input.checked) return { ...base, authority: { kind: 'declaration', confirmed: confirm.checked as true } };
    const chosen = file.files?.[0];
    if (!chosen) throw new LocalProblem('$.representative.authority.dataBase64', 'Bitte die Vollmacht als Datei auswählen.');
    if (chosen.size > MAX_UPLOAD_BYTES) throw new LocalProblem('$.representative.authority.dataBase64', 'Die Datei ist größer als 5 MB.');
    return {
      ...base,
      authority: { kind: 'document', fileName: chosen.name, contentType: chosen.type, dataBase64: await base64Of(chosen) },
    };
  };
  return { element, read };
}

/** A problem found before sending (e.g. no file chosen), shown like the API's own. */
export class LocalProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new LocalProblem('$.representative.authority.dataBase64', 'Die Datei konnte nicht gelesen werden.'));
    reader.readAsDataURL(file);
  });
}
