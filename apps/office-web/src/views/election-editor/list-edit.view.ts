import type { Candidate, ContestList, ElectionDefinition } from '@wahl/domain';
import { formField, h, type FormField } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { listProblems, type DefinitionRules } from '../../elections/definition-edit';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

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
  const head = new Map<string, TextField>([
    ['shortName', text('list-shortName', list.shortName, t('listEdit.shortName'))],
    ['name', text('list-name', list.name, t('listEdit.name'))],
    ['color', text('list-color', list.color, t('listEdit.color'), t('listEdit.colorHint'))],
  ]);
  const rows = list.candidates.map((c, i) => candidateFields(i, c));
  const all = new Map([...head, ...rows.flatMap((r) => [...r])]);
  const value = (key: string): string => all.get(key)?.control.value.trim() ?? '';
  const edited = (): ContestList => ({
    ...list,
    shortName: value('shortName'),
    name: value('name'),
    color: value('color'),
    candidates: list.candidates.map((c, i): Candidate => {
      const position = value(`candidates.${i}.position`);
      const { title: _title, ...rest } = c;
      const title = value(`candidates.${i}.title`);
      return {
        ...rest,
        position: (/^\d+$/.test(position) ? Number(position) : position) as number,
        familyName: value(`candidates.${i}.familyName`),
        givenNames: value(`candidates.${i}.givenNames`),
        ...(title ? { title } : {}),
      };
    }),
  });
  const status = h('p', { id: 'list-status', role: 'status', class: 'alert' });
  const check = (): ReadonlyMap<string, string> => {
    const problems = listProblems(rules, doc, contestId, list.id, edited());
    for (const [key, field] of all) field.setError(problems.get(key) ?? null);
    return problems;
  };
  const save = (event: Event): void => {
    event.preventDefault();
    if (check().size > 0) return;
    officeApi.updateList(electionId, contestId, list.id, edited()).then(
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
      rows.map((row, i) =>
        h(
          'div',
          { class: 'form-grid candidate-row', 'data-candidate': String(i) },
          [...row.values()].map((f) => f.root),
        ),
      ),
    ),
    status,
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button button-primary', id: 'list-save' }, t('listEdit.save'))),
  );
}

/** Choose a list of a ballot, edit its names, colour and candidates. */
export function listEditPanel(
  rules: DefinitionRules,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (message: string) => void,
): HTMLElement {
  const choices = doc.contests.flatMap((c) =>
    c.lists.map((l) => ({ value: `${c.id}/${l.id}`, label: `${c.name}: ${l.ballotPosition}. ${l.shortName}`, contestId: c.id, list: l })),
  );
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
