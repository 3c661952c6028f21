import { h } from '@wahl/web-kit';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

// The steps every file import of the editor shares: choose a file, preview what it does and every
// problem at its place, then apply exactly what was previewed (a new choice voids the preview).

/** One problem of a preview, at its place in the file (0 = the whole file). */
export interface PlacedProblem {
  readonly place: number;
  readonly detail?: string | null;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** "Ready to apply" or "N problems block it", as the preview's first line. */
export function readiness(canApply: boolean, problems: readonly PlacedProblem[]): HTMLElement {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return h(
    'p',
    { class: canApply ? 'alert alert-success' : 'alert alert-error', role: 'status' },
    canApply ? t('electionImport.ready') : t('electionImport.blocked', { count: errors }),
  );
}

/** Every problem by place and detail column (line/field of a CSV, feature/property of GeoJSON). */
export function problemsTable(
  id: string,
  headings: { readonly place: string; readonly detail: string },
  problems: readonly PlacedProblem[],
): HTMLElement | null {
  if (!problems.length) return null;
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-title` },
    h(
      'table',
      { class: 'data-table', id },
      h('caption', { id: `${id}-title`, class: 'section-title' }, t('electionImport.problemsTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, headings.place),
          h('th', { scope: 'col' }, headings.detail),
          h('th', { scope: 'col' }, t('electionImport.problem')),
        ),
      ),
      h(
        'tbody',
        {},
        problems.map((p) =>
          h(
            'tr',
            { 'data-severity': p.severity },
            h('td', {}, p.place > 0 ? String(p.place) : t('electionImport.wholeFile')),
            h('td', {}, p.detail ?? '–'),
            h('td', {}, p.severity === 'warning' ? `${t('electionImport.warning')}: ${p.message}` : p.message),
          ),
        ),
      ),
    ),
  );
}

export interface ImportStepsOptions<Request, Preview extends { readonly canApply: boolean }> {
  readonly file: HTMLInputElement;
  readonly setFileError: (message: string | null) => void;
  /** Ids of the preview and apply buttons and of the "applied" notice. */
  readonly ids: { readonly preview: string; readonly apply: string; readonly applied: string };
  readonly request: (fileName: string, text: string) => Request;
  readonly preview: (request: Request) => Promise<Preview>;
  readonly render: (preview: Preview) => HTMLElement;
  readonly apply: (request: Request) => Promise<unknown>;
  readonly onApplied?: () => void;
}

/** The preview and apply buttons, the output region and the preview's submit handler, wired. */
export function importSteps<Request, Preview extends { readonly canApply: boolean }>(
  options: ImportStepsOptions<Request, Preview>,
): {
  previewButton: HTMLButtonElement;
  applyButton: HTMLButtonElement;
  output: HTMLElement;
  onPreview: (event: Event) => void;
  reset: () => void;
} {
  const output = h('div', { 'aria-live': 'polite' });
  const previewButton = h(
    'button',
    { type: 'submit', class: 'button button-secondary', id: options.ids.preview },
    t('electionImport.preview'),
  );
  const applyButton = h(
    'button',
    { type: 'button', class: 'button button-primary', id: options.ids.apply, disabled: true },
    t('electionImport.apply'),
  );
  let pending: Request | null = null;
  const reset = (): void => {
    applyButton.disabled = true;
    pending = null;
  };
  const fail = (error: unknown): void => {
    output.replaceChildren(h('p', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t)));
  };
  options.file.addEventListener('change', reset);

  const onPreview = (event: Event): void => {
    event.preventDefault();
    const chosen = options.file.files?.[0];
    options.setFileError(chosen ? null : t('electionImport.noFile'));
    if (!chosen) return options.file.focus();
    previewButton.disabled = true;
    void chosen
      .text()
      .then((text) => {
        const request = options.request(chosen.name, text);
        return options.preview(request).then((preview) => {
          output.replaceChildren(options.render(preview));
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
    options.apply(pending).then(
      () => {
        pending = null;
        output.replaceChildren(
          h('p', { class: 'alert alert-success', role: 'status', id: options.ids.applied }, t('electionImport.applied')),
        );
        options.onApplied?.();
      },
      (error: unknown) => {
        fail(error);
        applyButton.disabled = false;
      },
    );
  });
  return { previewButton, applyButton, output, onPreview, reset };
}
