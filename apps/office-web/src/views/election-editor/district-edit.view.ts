import type { District, ElectionDefinition } from '@wahl/domain';
import { formField, h, type FormField } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import { districtFrom, districtProblems, type DefinitionRules } from '../../elections/definition-edit';
import { fieldOf } from '../../elections/new-election-form';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

type Control = HTMLInputElement | HTMLSelectElement;
const option = (value: string, label: string, selected: boolean) => h('option', { value, selected }, label);

/** One district's form: name, polling station, area, postal district, inhabitants; checked while typing. */
function districtForm(
  rules: DefinitionRules,
  doc: ElectionDefinition,
  district: District,
  electionId: string,
  onSaved: (message: string) => void,
): HTMLElement {
  const polling = district.kind === 'polling' ? district : null;
  const select = (id: string, options: readonly HTMLOptionElement[]) => h('select', { id, class: 'select' }, options);
  const fields = new Map<string, FormField<Control>>([
    [
      'name',
      formField<Control>({
        control: h('input', { id: 'district-name', type: 'text', value: district.name }),
        label: t('districtEdit.name'),
      }),
    ],
    [
      'area',
      formField<Control>({
        control: select('district-area', [
          option('', t('districtEdit.noArea'), !district.area),
          ...(doc.areas ?? []).map((a) => option(a.key, a.name, a.key === district.area)),
        ]),
        label: t('districtEdit.area'),
      }),
    ],
  ]);
  if (polling) {
    fields.set(
      'pollingStationId',
      formField<Control>({
        control: select(
          'district-station',
          doc.pollingStations.map((s) => option(s.id, s.name, s.id === polling.pollingStationId)),
        ),
        label: t('districtEdit.station'),
      }),
    );
    const postal = doc.districts.filter((d) => d.kind === 'postal');
    fields.set(
      'postalDistrict',
      formField<Control>({
        control: select('district-postal', [
          option('', t('districtEdit.noPostal'), !polling.postalDistrict),
          ...postal.map((d) => option(d.number, `${d.number} ${d.name}`, d.number === polling.postalDistrict)),
        ]),
        label: t('districtEdit.postal'),
      }),
    );
    fields.set(
      'inhabitants',
      formField<Control>({
        control: h('input', {
          id: 'district-inhabitants',
          type: 'text',
          inputmode: 'numeric',
          value: polling.inhabitants === undefined ? '' : String(polling.inhabitants),
        }),
        label: t('districtEdit.inhabitants'),
        hint: t('districtEdit.inhabitantsHint'),
      }),
    );
  }
  const value = (key: string): string => fields.get(key)?.control.value ?? '';
  const edited = (): District =>
    districtFrom(district, {
      name: value('name'),
      pollingStationId: value('pollingStationId'),
      area: value('area'),
      postalDistrict: value('postalDistrict'),
      inhabitants: value('inhabitants'),
    });
  const show = (problems: ReadonlyMap<string, string>): void => {
    for (const [key, field] of fields) field.setError(problems.get(key) ?? null);
  };
  const status = h('p', { id: 'district-status', role: 'status', class: 'alert' });
  const check = (): ReadonlyMap<string, string> => {
    const problems = districtProblems(rules, doc, district.number, edited());
    show(problems);
    return problems;
  };
  const save = (event: Event): void => {
    event.preventDefault();
    if (check().size > 0) return;
    officeApi.updateDistrict(electionId, district.number, edited()).then(
      () => onSaved(t('districtEdit.saved', { number: district.number })),
      (error: unknown) => {
        if (error instanceof ApiError)
          show(new Map(error.errors.map((e) => [fieldOf(e.path ?? '$').replace(/^districts\.\d+\./, ''), e.message ?? ''])));
        status.className = 'alert alert-error';
        status.textContent = errorMessage(error, currentLanguage(), t);
      },
    );
  };
  return h(
    'form',
    { class: 'form', id: 'district-form', novalidate: true, onsubmit: save, oninput: check, onchange: check },
    h(
      'div',
      { class: 'form-grid' },
      [...fields.values()].map((f) => f.root),
    ),
    status,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button button-primary', id: 'district-save' }, t('districtEdit.save')),
    ),
  );
}

/** Choose a district, edit it; after saving the panel shows the stored definition again. */
export function districtEditPanel(
  rules: DefinitionRules,
  doc: ElectionDefinition,
  electionId: string,
  onSaved: (message: string) => void,
): HTMLElement {
  const chooser = formField({
    control: h(
      'select',
      { id: 'district-choice', class: 'select' },
      doc.districts.map((d) => h('option', { value: d.number }, `${d.number} ${d.name}`)),
    ),
    label: t('districtEdit.choose'),
  });
  const region = h('div', {});
  const open = (): void => {
    const district = doc.districts.find((d) => d.number === chooser.control.value);
    region.replaceChildren(
      district ? districtForm(rules, doc, district, electionId, onSaved) : h('p', { class: 'form-hint' }, t('districtEdit.none')),
    );
  };
  chooser.control.addEventListener('change', open);
  open();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'district-edit-title', id: 'district-edit' },
    h('h2', { id: 'district-edit-title', class: 'section-title' }, t('districtEdit.title')),
    doc.districts.length ? chooser.root : null,
    region,
  );
}
