import type { BoundariesPreview, ElectionSummary } from '@wahl/contracts';
import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { t } from '../../i18n/i18n';
import { importSteps, problemsTable, readiness, type PlacedProblem } from './import-steps.view';

// The district boundaries for the public map, beside the definition imports: the same preview-then-
// apply steps, problems by feature (1-based) and property instead of line and column.

function previewView(preview: BoundariesPreview): HTMLElement {
  const problems: PlacedProblem[] = preview.problems.map((p) => ({ ...p, place: p.feature, detail: p.property }));
  return h(
    'div',
    { id: 'boundary-preview', class: 'stack' },
    readiness(preview.canApply, problems),
    h(
      'p',
      { class: 'card-meta' },
      t('boundaryImport.matched', { matched: preview.matched, districts: preview.districts, property: preview.numberProperty ?? '–' }),
    ),
    problemsTable('boundary-problems', { place: t('boundaryImport.feature'), detail: t('boundaryImport.property') }, problems),
  );
}

/** Choose a GeoJSON file, see which districts it matches and every problem, then apply it. */
export function boundaryImportPanel(election: ElectionSummary): HTMLElement {
  const file = formField({
    control: h('input', {
      type: 'file',
      id: 'boundary-file',
      accept: '.geojson,.json,application/geo+json,application/json',
      class: 'file-input',
    }),
    label: t('boundaryImport.file'),
  });
  const steps = importSteps({
    file: file.control,
    setFileError: file.setError,
    ids: { preview: 'boundary-preview-button', apply: 'boundary-apply', applied: 'boundary-applied' },
    request: (fileName, geojson) => ({ fileName, geojson }),
    preview: (request) => officeApi.previewBoundaries(election.id, request),
    render: previewView,
    apply: (request) => officeApi.applyBoundaries(election.id, request),
  });

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'boundary-title', id: 'boundary-import' },
    h('h2', { id: 'boundary-title', class: 'section-title' }, t('boundaryImport.title')),
    h('p', { class: 'form-hint' }, t('boundaryImport.intro')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: steps.onPreview },
      h('div', { class: 'form-grid' }, file.root),
      h('div', { class: 'button-row' }, steps.previewButton, steps.applyButton),
    ),
    steps.output,
  );
}
