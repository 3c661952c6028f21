import type { ElectionKind, Municipality } from '@wahl/domain';
import { formField, h, type FormField } from '@wahl/web-kit';
import { ApiError } from '../api/api-error';
import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import {
  editDeadline,
  fieldOf,
  followProposal,
  formProblems,
  initialValues,
  toRequest,
  type DeadlineKey,
  type ElectionRules,
  type NewElectionValues,
} from '../elections/new-election-form';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, pageHeading } from './chrome.view';
import { errorMessage } from './error-message';

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

type Fields = {
  readonly kind: FormField<HTMLSelectElement>;
  readonly name: FormField<HTMLInputElement>;
  readonly electionDay: FormField<HTMLInputElement>;
  readonly deadlines: ReadonlyMap<DeadlineKey, FormField<HTMLInputElement>>;
  readonly previous: FormField<HTMLSelectElement>;
};

function headFields(kinds: readonly ElectionKind[]): Pick<Fields, 'kind' | 'name' | 'electionDay'> {
  return {
    kind: formField({
      control: h(
        'select',
        { id: 'new-election-kind', name: 'kind', class: 'select' },
        kinds.map((kind) => h('option', { value: kind }, t(`kind.${kind}`))),
      ),
      label: t('newElection.kind'),
    }),
    name: formField({
      control: h('input', { id: 'new-election-name', name: 'name', type: 'text', maxlength: '200', autocomplete: 'off' }),
      label: t('newElection.name'),
      hint: t('newElection.nameHint'),
      required: true,
    }),
    electionDay: formField({
      control: h('input', { id: 'new-election-day', name: 'electionDay', type: 'date' }),
      label: t('newElection.day'),
      hint: t('newElection.dayHint'),
      required: true,
    }),
  };
}

function deadlineFields(rules: ElectionRules): Map<DeadlineKey, FormField<HTMLInputElement>> {
  return new Map(
    rules.DEADLINE_KEYS.map((key) => [
      key,
      formField({ control: h('input', { id: `new-election-deadline-${key}`, name: key, type: 'date' }), label: t(`deadline.${key}`) }),
    ]),
  );
}

function sourceChoice(previous: readonly ElectionSummary[], onChange: () => void): { root: HTMLElement; previous: Fields['previous'] } {
  const radio = (value: 'empty' | 'election', label: string) =>
    h(
      'label',
      { class: 'radio-choice' },
      h('input', {
        type: 'radio',
        name: 'source',
        value,
        id: `new-election-source-${value}`,
        checked: value === 'empty',
        onchange: onChange,
      }),
      label,
    );
  const field = formField({
    control: h(
      'select',
      { id: 'new-election-previous', name: 'previous', class: 'select', disabled: true, onchange: onChange },
      previous.map((e) => h('option', { value: e.id }, `${e.name} (${formatElectionDay(e.electionDay, currentLanguage())})`)),
    ),
    label: t('newElection.previous'),
    hint: t('newElection.previousHint'),
  });
  const root = h(
    'fieldset',
    { class: 'form-group' },
    h('legend', {}, t('newElection.source')),
    radio('empty', t('newElection.sourceEmpty')),
    previous.length > 0 ? radio('election', t('newElection.sourceElection')) : null,
    previous.length > 0 ? field.root : h('p', { class: 'form-hint' }, t('newElection.noPrevious')),
  );
  return { root, previous: field };
}

function newElectionForm(
  rules: ElectionRules,
  municipality: Municipality,
  previous: readonly ElectionSummary[],
  onCreated: (id: string) => void,
) {
  let values: NewElectionValues = initialValues(rules, 'bundestag');
  let touched = new Set<string>();
  const head = headFields(rules.ELECTION_KINDS);
  const deadlines = deadlineFields(rules);
  const source = sourceChoice(previous, () => update('source'));
  const fields: Fields = { ...head, deadlines, previous: source.previous };
  const all = new Map<string, FormField<HTMLInputElement | HTMLSelectElement>>([
    ['kind', head.kind],
    ['name', head.name],
    ['electionDay', head.electionDay],
    ['source.electionId', source.previous],
    ...[...deadlines].map(([key, field]) => [`deadlines.${key}`, field] as const),
  ]);
  const status = h('div', { id: 'new-election-status', role: 'status', class: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'new-election-submit' }, t('newElection.submit'));

  const show = (problems: ReadonlyMap<string, string>, everywhere: boolean): void => {
    for (const [path, field] of all) field.setError(everywhere || touched.has(path) ? (problems.get(path) ?? null) : null);
  };
  const read = (): NewElectionValues => {
    const fromElection = (document.getElementById('new-election-source-election') as HTMLInputElement | null)?.checked === true;
    fields.previous.control.disabled = !fromElection;
    return {
      ...values,
      kind: fields.kind.control.value as ElectionKind,
      name: fields.name.control.value,
      electionDay: fields.electionDay.control.value,
      source: fromElection ? { from: 'election', electionId: fields.previous.control.value } : { from: 'empty' },
    };
  };
  const render = (): void => {
    for (const [key, field] of deadlines) field.control.value = values.deadlines[key];
    show(formProblems(rules, values, municipality), false);
  };
  function update(path: string, deadline?: DeadlineKey): void {
    touched.add(path);
    const before = values;
    values = read();
    if (deadline) values = editDeadline(rules, values, deadline, deadlines.get(deadline)!.control.value);
    else if (values.kind !== before.kind || values.electionDay !== before.electionDay) values = followProposal(rules, values);
    render();
  }
  for (const [key, field] of deadlines) field.control.addEventListener('change', () => update(`deadlines.${key}`, key));
  head.kind.control.addEventListener('change', () => update('kind'));
  head.name.control.addEventListener('input', () => update('name'));
  head.electionDay.control.addEventListener('change', () => update('electionDay'));

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    values = read();
    const problems = formProblems(rules, values, municipality);
    touched = new Set(all.keys());
    show(problems, true);
    status.className = 'alert';
    status.textContent = '';
    if (problems.size > 0) {
      const first = [...all].find(([path]) => problems.has(path));
      first?.[1].control.focus();
      // A problem of no field of this form (should not happen) still tells why nothing was sent.
      const other = [...problems].filter(([path]) => !all.has(path)).map(([, message]) => message);
      if (other.length > 0) {
        status.className = 'alert alert-error';
        status.textContent = other.join(' ');
      }
      return;
    }
    submit.disabled = true;
    officeApi
      .createElection(toRequest(values))
      .then(
        (created) => onCreated(created.id),
        (error: unknown) => {
          if (error instanceof ApiError) show(new Map(error.errors.map((e) => [fieldOf(e.path ?? '$'), e.message ?? ''])), true);
          status.className = 'alert alert-error';
          status.textContent = describe(error);
        },
      )
      .finally(() => (submit.disabled = false));
  };

  return h(
    'form',
    { class: 'card panel form', id: 'new-election-form', novalidate: true, onsubmit: onSubmit },
    h('div', { class: 'form-grid' }, head.kind.root, head.name.root, head.electionDay.root),
    h(
      'fieldset',
      { class: 'form-group' },
      h('legend', {}, t('newElection.deadlines')),
      h('p', { class: 'form-hint', id: 'new-election-deadlines-hint' }, t('newElection.deadlinesHint')),
      h(
        'div',
        { class: 'form-grid' },
        [...deadlines.values()].map((field) => field.root),
      ),
    ),
    source.root,
    status,
    h('div', { class: 'button-row' }, submit),
  );
}

/** "Neue Wahl anlegen": kind, name and day with the proposed deadlines; empty or from a previous election of the office. */
export function newElectionView(officeId: string, onCreated: (electionId: string) => void): HTMLElement {
  const content = asyncRegion(async () => {
    // The rules of the API come with this screen only (validator and deadline engine).
    const [office, elections, domain, contracts] = await Promise.all([
      officeApi.office(officeId),
      officeApi.elections(),
      import('@wahl/domain'),
      import('@wahl/contracts'),
    ]);
    const rules: ElectionRules = { ...domain, CreateElectionRequestSchema: contracts.CreateElectionRequestSchema };
    return newElectionForm(rules, { ags: office.ags, name: office.name }, elections ?? [], onCreated);
  }, describe);
  return h('section', { class: 'page' }, pageHeading(t('newElection.title'), t('newElection.intro')), content);
}
