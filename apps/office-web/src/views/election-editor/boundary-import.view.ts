import type { BoundariesImportRequest, BoundariesPreview, ElectionSummary } from '@wahl/contracts';
import { formField, h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

// The district boundaries for the public map, beside the definition imports: the same preview-then-
// apply steps, problems by feature (1-based) and property instead of line and column.

const describe = (error: unknown): string => errorMessage(error, currentLanguage(), t);

function previewView(preview: BoundariesPreview): HTMLElement {
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  return h(
    'div',
    { id: 'boundary-preview', class: 'stack' },
    h(
      'p',
      { class: preview.canApply ? 'alert alert-success' : 'alert alert-error', role: 'status' },
      preview.canApply ? t('electionImport.ready') : t('electionImport.blocked', { count: errors }),
    ),
    h(
      'p',
      { class: 'card-meta' },
      t('boundaryImport.matched', { matched: preview.matched, districts: preview.districts, property: preview.numberProperty ?? '–' }),
    ),
    preview.problems.length
      ? h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'boundary-problems-title' },
          h(
            'table',
            { class: 'data-table', id: 'boundary-problems' },
            h('caption', { id: 'boundary-problems-title', class: 'section-title' }, t('electionImport.problemsTitle')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('boundaryImport.feature')),
                h('th', { scope: 'col' }, t('boundaryImport.property')),
                h('th', { scope: 'col' }, t('electionImport.problem')),
              ),
            ),
            h(
              'tbody',
              {},
              preview.problems.map((p) =>
                h(
                  'tr',
                  { 'data-severity': p.severity },
                  h('td', {}, p.feature > 0 ? String(p.feature) : t('electionImport.wholeFile')),
                  h('td', {}, p.property ?? '–'),
                  h('td', {}, p.severity === 'warning' ? `${t('electionImport.warning')}: ${p.message}` : p.message),
                ),
              ),
            ),
          ),
        )
      : null,
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
  const output = h('div', { 'aria-live': 'polite' });
  const previewButton = h(
    'button',
    { type: 'submit', class: 'button button-secondary', id: 'boundary-preview-button' },
    t('electionImport.preview'),
  );
  const applyButton = h(
    'button',
    { type: 'button', class: 'button button-primary', id: 'boundary-apply', disabled: true },
    t('electionImport.apply'),
  );
  let pending: BoundariesImportRequest | null = null;
  const fail = (error: unknown): void => {
    output.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, describe(error)));
  };
  file.control.addEventListener('change', () => {
    applyButton.disabled = true;
    pending = null;
  });

  const onPreview = (event: Event): void => {
    event.preventDefault();
    const chosen = file.control.files?.[0];
    file.setError(chosen ? null : t('electionImport.noFile'));
    if (!chosen) return file.control.focus();
    previewButton.disabled = true;
    void chosen
      .text()
      .then((geojson) => {
        const request = { fileName: chosen.name, geojson };
        return officeApi.previewBoundaries(election.id, request).then((preview) => {
          output.replaceChildren(previewView(preview));
          pending = preview.canApply ? request : null;
          applyButton.disabled = !preview.canApply;
        });
      })
      .catch(fail)
      .finally(() => (previewButton.disabled = false));
  };
  applyButton.addEventListener('click', () => {
    if (!pending) return;
    applyButton.disabled = true;
    officeApi.applyBoundaries(election.id, pending).then(
      () => {
        pending = null;
        output.replaceChildren(
          h('p', { class: 'alert alert-success', role: 'status', id: 'boundary-applied' }, t('electionImport.applied')),
        );
      },
      (error: unknown) => {
        fail(error);
        applyButton.disabled = false;
      },
    );
  });

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'boundary-title', id: 'boundary-import' },
    h('h2', { id: 'boundary-title', class: 'section-title' }, t('boundaryImport.title')),
    h('p', { class: 'form-hint' }, t('boundaryImport.intro')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: onPreview },
      h('div', { class: 'form-grid' }, file.root),
      h('div', { class: 'button-row' }, previewButton, applyButton),
    ),
    output,
  );
}
