import type { ElectionDefinition, PollingStation } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { partProblems, type EditorRules } from '../../elections/definition-edit';
import { t } from '../../i18n/i18n';
import { NEW_PART, partForm, partPanel, textField, type Fields } from './part-panel.view';

const EMPTY: PollingStation = {
  id: '',
  name: '',
  address: { street: '', houseNumber: '', postalCode: '', city: '' },
  openingHours: '08:00–18:00',
  barrierFree: false,
};

/** One station's form: address, hours, barrier-free, and which polling districts vote there. */
function stationForm(
  rules: EditorRules,
  doc: ElectionDefinition,
  original: PollingStation | undefined,
  electionId: string,
  onSaved: (m: string) => void,
) {
  const s = original ?? EMPTY;
  const fields: Fields = new Map([
    ['id', textField('station-id', s.id, t('stationEdit.id'), original ? t('stationEdit.idFixed') : t('stationEdit.idHint'))],
    ['name', textField('station-name', s.name, t('stationEdit.name'))],
    ['address.street', textField('station-street', s.address.street, t('stationEdit.street'))],
    ['address.houseNumber', textField('station-houseNumber', s.address.houseNumber, t('stationEdit.houseNumber'))],
    ['address.postalCode', textField('station-postalCode', s.address.postalCode, t('stationEdit.postalCode'))],
    ['address.city', textField('station-city', s.address.city, t('stationEdit.city'))],
    ['openingHours', textField('station-openingHours', s.openingHours, t('stationEdit.openingHours'), t('stationEdit.openingHoursHint'))],
    ['barrierFreeNote', textField('station-barrierFreeNote', s.barrierFreeNote ?? '', t('stationEdit.barrierFreeNote'))],
  ]);
  if (original) (fields.get('id')!.control as HTMLInputElement).readOnly = true;
  const barrierFree = h('input', { id: 'station-barrierFree', type: 'checkbox', class: 'checkbox', checked: s.barrierFree });
  const polling = doc.districts.filter((d) => d.kind === 'polling');
  const boxes = polling.map((d) =>
    h('input', {
      type: 'checkbox',
      class: 'checkbox',
      id: `station-district-${d.number}`,
      value: d.number,
      checked: original !== undefined && d.pollingStationId === original.id,
    }),
  );
  const districtsProblem = h('p', { class: 'entry-problem', id: 'station-districts-problem', role: 'alert' });
  const value = (key: string): string => fields.get(key)?.control.value.trim() ?? '';
  const edited = (): PollingStation => {
    const note = value('barrierFreeNote');
    return {
      id: value('id'),
      name: value('name'),
      address: {
        street: value('address.street'),
        houseNumber: value('address.houseNumber'),
        postalCode: value('address.postalCode'),
        city: value('address.city'),
      },
      openingHours: value('openingHours'),
      barrierFree: barrierFree.checked,
      ...(note ? { barrierFreeNote: note } : {}),
    };
  };
  const chosen = (): string[] => boxes.filter((b) => b.checked).map((b) => b.value);
  const key = (): string => original?.id ?? value('id');
  return partForm({
    id: 'station',
    fields,
    extra: [
      h('div', { class: 'field' }, h('label', { class: 'check' }, barrierFree, ` ${t('stationEdit.barrierFree')}`)),
      h(
        'fieldset',
        { class: 'form-group', 'aria-describedby': 'station-districts-problem' },
        h('legend', {}, t('stationEdit.districts')),
        h(
          'div',
          { class: 'checkbox-grid' },
          polling.map((d, i) => h('label', { class: 'check' }, boxes[i]!, ` ${d.number} ${d.name}`)),
        ),
        districtsProblem,
      ),
    ],
    problems: () =>
      partProblems(rules, doc, { kind: 'pollingStation', key: key() }, rules.withPollingStation(doc, key(), edited(), chosen())),
    showOther: (problems) => {
      districtsProblem.textContent = problems.get('districts') ?? '';
    },
    save: () => officeApi.updatePollingStation(electionId, key(), { station: edited(), districts: chosen() }),
    saveLabel: t('stationEdit.save'),
    savedMessage: () => t('stationEdit.saved', { name: value('name') }),
    onSaved,
    ...(original
      ? {
          remove: {
            label: t('stationEdit.remove'),
            call: () => officeApi.deletePart(electionId, 'polling-stations', original.id),
            removedMessage: t('stationEdit.removed', { name: original.name }),
          },
        }
      : {}),
    bodyPrefix: 'station',
  });
}

/** "Wahlräume": choose a station or a new one. */
export function stationEditPanel(
  rules: EditorRules,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (m: string) => void,
): HTMLElement {
  return partPanel({
    id: 'station',
    title: t('stationEdit.title'),
    chooseLabel: t('stationEdit.choose'),
    choices: doc.pollingStations.map((s) => ({ value: s.id, label: s.name })),
    newLabel: t('stationEdit.new'),
    open: (value) =>
      stationForm(rules, doc, value === NEW_PART ? undefined : doc.pollingStations.find((s) => s.id === value), electionId, onSaved),
  });
}
