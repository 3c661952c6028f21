import type * as Domain from '@wahl/domain';
import type { Candidate, Contest, ContestList, ElectionDefinition } from '@wahl/domain';
import { formField, h, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { listProblems, type DefinitionRules } from '../../elections/definition-edit';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';
import { NEW_PART, numberOrText } from './part-panel.view';

type TextField = FormField<HTMLInputElement>;
const text = (id: string, value: string, label: string, hint?: string): TextField =>
  formField({ control: h('input', { id, type: 'text', value }), label, ...(hint ? { hint } : {}) });

/** One candidate row: list place, family name, given names, title. */
function candidateFields(index: number, c: Candidate): Map<string, TextField> {
  const at = (key: string) => `candidates.${index}.${key}`;
  return new Map([
    [at('position'), text(`candidate-${index}-position`, String(c.position), t('listEdit.position'))],
    [at('familyName'), text(`candidate-${index}-familyName`, c.familyName, t('listEdit.familyName'))],
    [at('givenNames'), text(`candidate-${index}-givenNames`, c.givenNames, t('listEdit.givenNames'))],
    [at('title'), text(`candidate-${index}-title`, c.title ?? '', t('listEdit.title'))],
  ]);
}

function listForm(
  rules: DefinitionRules,
  doc: ElectionDefinition,
  contestId: string,
  list: ContestList,
  electionId: string,
  onSaved: (message: string) => void,
): HTMLElement {
  // A new list gets its key here; a stored one keeps it (the API refuses a changed key).
  const isNew = list.id === NEW_PART;
  const head = new Map<string, TextField>([
    ...(isNew ? ([['id', text('list-id', '', t('listEdit.key'), t('listEdit.keyHint'))]] as const) : []),
    ['shortName', text('list-shortName', list.shortName, t('listEdit.shortName'))],
    ['name', text('list-name', list.name, t('listEdit.name'))],
    ['color', text('list-color', list.color, t('listEdit.color'), t('listEdit.colorHint'))],
    ['ballotPosition', text('list-ballotPosition', String(list.ballotPosition), t('listEdit.ballotPosition'))],
  ]);
  // Candidate rows as they stand on the screen: each keeps the number it was made with (field ids),
  // its place in `rows` is its place in the list.
  const rows: { readonly n: number; readonly fields: Map<string, TextField>; readonly original: Candidate }[] = [];
  const all = new Map<string, TextField>(head);
  const rowsElement = h('div', { class: 'stack' });
  const addRow = (c: Candidate): void => {
    const n = rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.n)) + 1;
    const fields = candidateFields(n, c);
    const row = { n, fields, original: c };
    rows.push(row);
    for (const [k, f] of fields) all.set(k, f);
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button',
        id: `candidate-${n}-remove`,
        onclick: () => {
          rows.splice(rows.indexOf(row), 1);
          for (const k of fields.keys()) all.delete(k);
          element.remove();
          check();
        },
      },
      t('listEdit.removeCandidate'),
    );
    const element = h(
      'div',
      { class: 'form-grid candidate-row', 'data-candidate': String(n) },
      [...fields.values()].map((f) => f.root),
      remove,
    );
    rowsElement.append(element);
  };
  list.candidates.forEach(addRow);
  const value = (key: string): string => all.get(key)?.control.value.trim() ?? '';
  const edited = (): ContestList => ({
    ...list,
    id: isNew ? value('id') : list.id,
    shortName: value('shortName'),
    name: value('name'),
    color: value('color'),
    ballotPosition: numberOrText(value('ballotPosition')),
    candidates: rows.map(({ n, original }): Candidate => {
      const { title: _title, ...rest } = original;
      const title = value(`candidates.${n}.title`);
      return {
        ...rest,
        position: numberOrText(value(`candidates.${n}.position`)),
        familyName: value(`candidates.${n}.familyName`),
        givenNames: value(`candidates.${n}.givenNames`),
        ...(title ? { title } : {}),
      };
    }),
  });
  // The rules number candidates by their place in the list; the fields by the row's number.
  const byRow = (problems: ReadonlyMap<string, string>): Map<string, string> =>
    new Map(
      [...problems].map(([field, message]) => {
        const m = /^candidates\.(\d+)(.*)$/.exec(field);
        return [m ? `candidates.${rows[Number(m[1])]?.n ?? m[1]}${m[2]}` : field, message];
      }),
    );
  const status = h('p', { id: 'list-status', role: 'status', class: 'alert' });
  const check = (): ReadonlyMap<string, string> => {
    const problems = byRow(listProblems(rules, doc, contestId, isNew ? null : list.id, edited()));
    for (const [key, field] of all) field.setError(problems.get(key) ?? null);
    return problems;
  };
  const save = (event: Event): void => {
    event.preventDefault();
    if (check().size > 0) return;
    officeApi.updateList(electionId, contestId, edited().id, edited()).then(
      () => onSaved(t('listEdit.saved', { name: value('shortName') })),
      (error: unknown) => {
        status.className = 'alert alert-error';
        status.textContent = errorMessage(error, currentLanguage(), t);
      },
    );
  };
  return h(
    'form',
    { class: 'form', id: 'list-form', novalidate: true, onsubmit: save, oninput: check },
    h(
      'div',
      { class: 'form-grid' },
      [...head.values()].map((f) => f.root),
    ),
    h(
      'fieldset',
      { class: 'form-group' },
      h('legend', {}, t('listEdit.candidates')),
      rowsElement,
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'list-add-candidate',
            onclick: () => {
              addRow({
                position: Math.max(0, ...rows.map((r) => Number(value(`candidates.${r.n}.position`)) || 0)) + 1,
                familyName: '',
                givenNames: '',
              });
              check();
            },
          },
          t('listEdit.addCandidate'),
        ),
      ),
    ),
    status,
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button button-primary', id: 'list-save' }, t('listEdit.save'))),
  );
}

/** A new list of a ballot: the next free ballot position, a neutral colour until the office picks one. */
const newList = (contest: Contest, color: string): ContestList => ({
  id: NEW_PART,
  ballotPosition: Math.max(0, ...contest.lists.map((l) => l.ballotPosition)) + 1,
  shortName: '',
  name: '',
  color,
  candidates: [],
});

/** Choose a list of a ballot (or a new one), edit its names, colour and candidates. */
export function listEditPanel(
  rules: DefinitionRules & Pick<typeof Domain, 'NEUTRAL_LIST_COLOR'>,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (message: string) => void,
): HTMLElement {
  const choices = doc.contests.flatMap((c) => [
    ...c.lists.map((l) => ({
      value: `${c.id}/${l.id}`,
      label: `${c.name}: ${l.ballotPosition}. ${l.shortName}`,
      contestId: c.id,
      list: l,
    })),
    {
      value: `${c.id}/${NEW_PART}`,
      label: t('listEdit.new', { contest: c.name }),
      contestId: c.id,
      list: newList(c, rules.NEUTRAL_LIST_COLOR),
    },
  ]);
  const chooser = formField({
    control: h(
      'select',
      { id: 'list-choice', class: 'select' },
      choices.map((c) => h('option', { value: c.value }, c.label)),
    ),
    label: t('listEdit.choose'),
  });
  const region = h('div', {});
  const open = (): void => {
    const choice = choices.find((c) => c.value === chooser.control.value);
    region.replaceChildren(
      choice
        ? listForm(rules, doc, choice.contestId, choice.list, electionId, onSaved)
        : h('p', { class: 'form-hint' }, t('listEdit.none')),
    );
  };
  chooser.control.addEventListener('change', open);
  open();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'list-edit-title', id: 'list-edit' },
    h('h2', { id: 'list-edit-title', class: 'section-title' }, t('listEdit.heading')),
    choices.length ? chooser.root : null,
    region,
  );
}
