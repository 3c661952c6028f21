import { formField, h, type FormField } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { answeredProblems } from '../../elections/definition-edit';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

// The frame every part editor of "Wahl vorbereiten" shares: a chooser (an existing part or a new one)
// above the part's form, and a form that checks each keystroke with the domain's rules, shows each
// problem at its field and, when saved, the API's answer at the same fields.

export type Control = HTMLInputElement | HTMLSelectElement;
export type Fields = Map<string, FormField<Control>>;

export const NEW_PART = '';

export const textField = (id: string, value: string, label: string, hint?: string): FormField<Control> =>
  formField<Control>({ control: h('input', { id, type: 'text', value }), label, ...(hint ? { hint } : {}) });

export const selectField = (
  id: string,
  label: string,
  options: readonly { value: string; label: string }[],
  selected: string,
): FormField<Control> =>
  formField<Control>({
    control: h(
      'select',
      { id, class: 'select' },
      options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)),
    ),
    label,
  });

/** A whole number as typed, or the text itself so that the rules name it ("Erwartet: Zahl"). */
export const numberOrText = (value: string): number => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim()) as number;

export type PartPanelOptions = {
  readonly id: string;
  readonly title: string;
  readonly chooseLabel: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  /** Offered as the last choice when parts can be added. */
  readonly newLabel?: string;
  readonly open: (value: string) => HTMLElement;
};

/** A card with the chooser and the chosen part's form. */
export function partPanel(options: PartPanelOptions): HTMLElement {
  const choices = [...options.choices, ...(options.newLabel ? [{ value: NEW_PART, label: options.newLabel }] : [])];
  const chooser = selectField(`${options.id}-choice`, options.chooseLabel, choices, choices[0]?.value ?? NEW_PART);
  const region = h('div', {});
  const open = (): void => {
    region.replaceChildren(options.open(chooser.control.value));
  };
  chooser.control.addEventListener('change', open);
  open();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': `${options.id}-edit-title`, id: `${options.id}-edit` },
    h('h2', { id: `${options.id}-edit-title`, class: 'section-title' }, options.title),
    chooser.root,
    region,
  );
}

export type PartFormOptions = {
  readonly id: string;
  readonly fields: Fields;
  /** Further content between the fields and the buttons (rows of a list, checkboxes). */
  readonly extra?: readonly HTMLElement[];
  /** Problems by field for the form as it is now. */
  readonly problems: () => ReadonlyMap<string, string>;
  /** Shows problems that belong to no field in `fields` (rows, checkboxes). */
  readonly showOther?: (problems: ReadonlyMap<string, string>) => void;
  readonly save: () => Promise<unknown>;
  readonly saveLabel: string;
  readonly savedMessage: () => string;
  readonly onSaved: (message: string) => void;
  /** Where the part sits in the request body, e.g. `station`. */
  readonly bodyPrefix?: string;
  /** Removing a stored part: the label of its button and the call. */
  readonly remove?: { readonly label: string; readonly call: () => Promise<unknown>; readonly removedMessage: string };
};

/** The part's form: checked while typing, saved when nothing stands against it. */
export function partForm(options: PartFormOptions): HTMLFormElement {
  const status = h('p', { id: `${options.id}-status`, role: 'status', class: 'alert' });
  const show = (problems: ReadonlyMap<string, string>): void => {
    for (const [key, field] of options.fields) field.setError(problems.get(key) ?? null);
    options.showOther?.(problems);
  };
  const check = (): ReadonlyMap<string, string> => {
    const problems = options.problems();
    show(problems);
    return problems;
  };
  const save = (event: Event): void => {
    event.preventDefault();
    if (check().size > 0) return;
    options.save().then(
      () => options.onSaved(options.savedMessage()),
      (error: unknown) => {
        if (error instanceof ApiError) show(answeredProblems(error.errors, options.bodyPrefix));
        status.className = 'alert alert-error';
        status.textContent = [
          errorMessage(error, currentLanguage(), t),
          ...(error instanceof ApiError ? error.errors.map((e) => e.message ?? '') : []),
        ]
          .filter(Boolean)
          .join(' ');
      },
    );
  };
  return h(
    'form',
    { class: 'form', id: `${options.id}-form`, novalidate: true, onsubmit: save, oninput: check, onchange: check },
    h(
      'div',
      { class: 'form-grid' },
      [...options.fields.values()].map((f) => f.root),
    ),
    options.extra ?? [],
    status,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button button-primary', id: `${options.id}-save` }, options.saveLabel),
    ),
  );
}
