import type { Area, ElectionDefinition } from '@wahl/domain';
import { officeApi } from '../../api/office-api';
import { partProblems, type EditorRules } from '../../elections/definition-edit';
import { t } from '../../i18n/i18n';
import { NEW_PART, partForm, partPanel, selectField, textField, type Fields } from './part-panel.view';

/** One area: key, name, Stadtbezirk or Stadtteil, and the area it lies in (or the municipality). */
function areaForm(
  rules: EditorRules,
  doc: ElectionDefinition,
  original: Area | undefined,
  electionId: string,
  onSaved: (m: string) => void,
) {
  const areas = doc.areas ?? [];
  const fields: Fields = new Map([
    ['key', textField('area-key', original?.key ?? '', t('areaEdit.key'), original ? t('areaEdit.keyFixed') : t('areaEdit.keyHint'))],
    ['name', textField('area-name', original?.name ?? '', t('areaEdit.name'))],
    [
      'kind',
      selectField(
        'area-kind',
        t('areaEdit.kind'),
        [
          { value: 'stadtbezirk', label: t('areaEdit.stadtbezirk') },
          { value: 'stadtteil', label: t('areaEdit.stadtteil') },
        ],
        original?.kind ?? 'stadtteil',
      ),
    ],
    [
      'parent',
      selectField(
        'area-parent',
        t('areaEdit.parent'),
        [
          { value: '', label: t('areaEdit.municipality') },
          ...areas.filter((a) => a !== original).map((a) => ({ value: a.key, label: a.name })),
        ],
        original?.parent ?? '',
      ),
    ],
  ]);
  if (original) (fields.get('key')!.control as HTMLInputElement).readOnly = true;
  const value = (key: string): string => fields.get(key)?.control.value.trim() ?? '';
  const edited = (): Area => ({
    key: value('key'),
    name: value('name'),
    kind: value('kind') as Area['kind'],
    ...(value('parent') ? { parent: value('parent') } : {}),
  });
  const key = (): string => original?.key ?? value('key');
  return partForm({
    id: 'area',
    fields,
    problems: () => partProblems(rules, doc, { kind: 'area', key: key() }, rules.withArea(doc, key(), edited())),
    save: () => officeApi.updateArea(electionId, key(), edited()),
    saveLabel: t('areaEdit.save'),
    savedMessage: () => t('areaEdit.saved', { name: value('name') }),
    onSaved,
    ...(original
      ? {
          remove: {
            label: t('areaEdit.remove'),
            call: () => officeApi.deletePart(electionId, 'areas', original.key),
            removedMessage: t('areaEdit.removed', { name: original.name }),
          },
        }
      : {}),
  });
}

/** "Gebiete": municipality → Stadtbezirk/Stadtteil; districts name their area in the district editor. */
export function areaEditPanel(rules: EditorRules, doc: ElectionDefinition, electionId: string, onSaved: (m: string) => void): HTMLElement {
  const areas = doc.areas ?? [];
  const parentName = (a: Area): string => areas.find((p) => p.key === a.parent)?.name ?? doc.municipality.name;
  return partPanel({
    id: 'area',
    title: t('areaEdit.title'),
    chooseLabel: t('areaEdit.choose'),
    choices: areas.map((a) => ({ value: a.key, label: `${a.name} (${parentName(a)})` })),
    newLabel: t('areaEdit.new'),
    open: (value) => areaForm(rules, doc, value === NEW_PART ? undefined : areas.find((a) => a.key === value), electionId, onSaved),
  });
}
