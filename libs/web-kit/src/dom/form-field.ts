import { h, type Child } from './dom';

// One labelled form control with its hint and its error text, wired for assistive technology:
// the label names the control (`for`), the hint and the error describe it (`aria-describedby`),
// an error marks it `aria-invalid` and is announced (`role="alert"`). The office app will gain many
// forms (election editor, postal-vote office, poll workers); each field is built the same way.

export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export type FieldOptions<C extends FieldControl> = {
  /** The control, built by the caller with its id, name, type and limits. */
  readonly control: C;
  readonly label: Child | readonly Child[];
  readonly hint?: Child | readonly Child[];
  /** Default `<control id>-hint`. */
  readonly hintId?: string;
  /** Default `<control id>-problem`. */
  readonly errorId?: string;
  /** Further ids that describe the control (e.g. a live sum beside it). */
  readonly describedBy?: readonly string[];
  readonly required?: boolean;
  /** Class of the wrapper; `field` by default. */
  readonly className?: string;
  /** Classes of hint and error text; the apps' CSS names by default. */
  readonly hintClass?: string;
  readonly errorClass?: string;
};

export type FormField<C extends FieldControl> = {
  readonly root: HTMLElement;
  readonly control: C;
  readonly error: HTMLElement;
  /** Shows (text) or clears (null) the error; an error marks the control invalid. */
  setError(text: string | null): void;
};

/** The ids that describe a control, in reading order: hint, error, then the caller's (empty ones left out). */
export function describedByIds(ids: readonly (string | null | undefined | false)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return kept.length ? [...new Set(kept)].join(' ') : undefined;
}

export function formField<C extends FieldControl>(options: FieldOptions<C>): FormField<C> {
  const { control } = options;
  const hintId = options.hintId ?? `${control.id}-hint`;
  const errorId = options.errorId ?? `${control.id}-problem`;
  const hint = options.hint === undefined ? null : h('p', { class: options.hintClass ?? 'form-hint', id: hintId }, options.hint);
  const error = h('p', { class: options.errorClass ?? 'entry-problem', id: errorId, role: 'alert' });
  const describedBy = describedByIds([hint ? hintId : null, errorId, ...(options.describedBy ?? [])]);
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  if (options.required) control.setAttribute('aria-required', 'true');
  const setError = (text: string | null): void => {
    error.textContent = text ?? '';
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  const root = h('div', { class: options.className ?? 'field' }, h('label', { for: control.id }, options.label), control, hint, error);
  return { root, control, error, setError };
}
