import type { ElectionDefinition, HouseNumberParity, Street, StreetSegment } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { partProblems, type EditorRules } from '../../elections/definition-edit';
import { t } from '../../i18n/i18n';
import { NEW_PART, partForm, partPanel, selectField, textField, type Fields } from './part-panel.view';

const PARITIES: readonly HouseNumberParity[] = ['all', 'even', 'odd'];
const EMPTY_SEGMENT: StreetSegment = { from: '1', to: '1', parity: 'all', district: '' };

/**
 * One street of the directory with its house-number ranges, one row each. A problem of a whole range
 * (an overlap with another range of the street, R2.4) is shown at that row.
 */
function streetForm(
  rules: EditorRules,
  doc: ElectionDefinition,
  original: Street | undefined,
  electionId: string,
  onSaved: (m: string) => void,
) {
  const head: Fields = new Map([
    [
      'key',
      textField('street-key', original?.key ?? '', t('streetEdit.key'), original ? t('streetEdit.keyFixed') : t('streetEdit.keyHint')),
    ],
    ['name', textField('street-name', original?.name ?? '', t('streetEdit.name'))],
    ['postalCode', textField('street-postalCode', original?.postalCode ?? '', t('streetEdit.postalCode'))],
  ]);
  if (original) (head.get('key')!.control as HTMLInputElement).readOnly = true;
  const districts = doc.districts.filter((d) => d.kind === 'polling').map((d) => ({ value: d.number, label: `${d.number} ${d.name}` }));
  const fields: Fields = new Map(head);
  const rows = h('div', { class: 'stack', id: 'street-segments' });
  const rowProblems = new Map<number, HTMLElement>();
  let count = 0;
  const addRow = (segment: StreetSegment): void => {
    const i = count++;
    const at = (k: string) => `segments.${i}.${k}`;
    const row: Fields = new Map([
      [at('from'), textField(`street-segment-${i}-from`, segment.from, t('streetEdit.from'))],
      [at('to'), textField(`street-segment-${i}-to`, segment.to, t('streetEdit.to'))],
      [
        at('parity'),
        selectField(
          `street-segment-${i}-parity`,
          t('streetEdit.parity'),
          PARITIES.map((p) => ({ value: p, label: t(`streetEdit.parity.${p}`) })),
          segment.parity,
        ),
      ],
      [
        at('district'),
        selectField(`street-segment-${i}-district`, t('streetEdit.district'), [{ value: '', label: '–' }, ...districts], segment.district),
      ],
    ]);
    for (const [k, f] of row) fields.set(k, f);
    const problem = h('p', { class: 'entry-problem', id: `street-segment-${i}-problem`, role: 'alert' });
    rowProblems.set(i, problem);
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button',
        id: `street-segment-${i}-remove`,
        onclick: () => {
          for (const k of row.keys()) fields.delete(k);
          rowProblems.delete(i);
          element.remove();
        },
      },
      t('streetEdit.removeRange'),
    );
    const element = h(
      'fieldset',
      { class: 'form-group segment-row', 'data-segment': String(i), 'aria-describedby': problem.id },
      h('legend', {}, t('streetEdit.range', { n: String(i + 1) })),
      h(
        'div',
        { class: 'form-grid' },
        [...row.values()].map((f) => f.root),
      ),
      problem,
      h('div', { class: 'button-row' }, remove),
    );
    rows.append(element);
  };
  (original?.segments ?? [EMPTY_SEGMENT]).forEach(addRow);
  const value = (key: string): string => fields.get(key)?.control.value.trim() ?? '';
  const edited = (): Street => ({
    key: value('key'),
    name: value('name'),
    postalCode: value('postalCode'),
    segments: [...rowProblems.keys()].map((i) => ({
      from: value(`segments.${i}.from`),
      to: value(`segments.${i}.to`),
      parity: value(`segments.${i}.parity`) as HouseNumberParity,
      district: value(`segments.${i}.district`),
    })),
  });
  const key = (): string => original?.key ?? value('key');
  // The rules number the ranges as they are now; the rows keep the number they were made with.
  const rowOf = (index: number): number | undefined => [...rowProblems.keys()][index];
  const renumbered = (problems: ReadonlyMap<string, string>): Map<string, string> =>
    new Map(
      [...problems].map(([field, message]) => {
        const m = /^segments\.(\d+)(.*)$/.exec(field);
        return [m ? `segments.${rowOf(Number(m[1])) ?? m[1]}${m[2]}` : field, message];
      }),
    );
  return partForm({
    id: 'street',
    fields,
    extra: [
      rows,
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', class: 'button', id: 'street-add-range', onclick: () => addRow({ ...EMPTY_SEGMENT }) },
          t('streetEdit.addRange'),
        ),
      ),
    ],
    problems: () => renumbered(partProblems(rules, doc, { kind: 'street', key: key() }, rules.withStreet(doc, key(), edited()))),
    showOther: (problems) => {
      for (const [i, element] of rowProblems) element.textContent = problems.get(`segments.${i}`) ?? '';
    },
    save: () => officeApi.updateStreet(electionId, key(), edited()),
    saveLabel: t('streetEdit.save'),
    savedMessage: () => t('streetEdit.saved', { name: value('name') }),
    onSaved,
    ...(original
      ? {
          remove: {
            label: t('streetEdit.remove'),
            call: () => officeApi.deletePart(electionId, 'streets', original.key),
            removedMessage: t('streetEdit.removed', { name: original.name }),
          },
        }
      : {}),
  });
}

/** "Straßenverzeichnis": choose a street (or a new one) and edit its ranges in place. */
export function streetEditPanel(
  rules: EditorRules,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (m: string) => void,
): HTMLElement {
  return partPanel({
    id: 'street',
    title: t('streetEdit.title'),
    chooseLabel: t('streetEdit.choose'),
    choices: doc.streets.map((s) => ({ value: s.key, label: `${s.name} (${s.key})` })),
    newLabel: t('streetEdit.new'),
    open: (value) => streetForm(rules, doc, value === NEW_PART ? undefined : doc.streets.find((s) => s.key === value), electionId, onSaved),
  });
}
