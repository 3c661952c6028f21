import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PollWorkerImportPreview } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { alert, fail, number } from '../polling-cards/cards-parts.view';

/** A staff list (CSV): checked first, problems by line and column, stored only without errors. */
export function importPanel(electionId: string, onChanged: () => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'pw-import-file', accept: '.csv,text/csv' });
  const output = h('div', { 'aria-live': 'polite', id: 'pw-import-output' });
  let csv = '';
  const preview = async (): Promise<void> => {
    csv = (await file.files?.[0]?.text()) ?? '';
    officeApi
      .previewPollWorkerImport(electionId, csv)
      .then((result) => output.replaceChildren(...previewParts(result, apply)), fail(output));
  };
  const apply = (): void => {
    officeApi.applyPollWorkerImport(electionId, csv).then((result) => {
      onChanged();
      output.replaceChildren(alert('success', t('pw.importDone', { created: number(result.created), updated: number(result.updated) })));
    }, fail(output));
  };
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'pw-import-title' },
    h('h2', { id: 'pw-import-title', class: 'section-title' }, t('pw.importTitle')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'pw-import-file' }, t('pw.importFile')),
      file,
      h('p', { class: 'form-hint', id: 'pw-import-hint' }, t('pw.importHint')),
    ),
    h(
      'button',
      { type: 'button', class: 'button button-secondary', id: 'pw-import-preview', onclick: () => void preview() },
      t('pw.importPreview'),
    ),
    output,
  );
}

function previewParts(result: PollWorkerImportPreview, apply: () => void): HTMLElement[] {
  const parts: HTMLElement[] = [
    h('p', { id: 'pw-import-summary' }, t('pw.importSummary', { rows: number(result.rows), known: number(result.known) })),
  ];
  if (result.problems.length > 0) {
    parts.push(
      h(
        'table',
        { class: 'data-table', id: 'pw-import-problems' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('pw.col.line')),
            h('th', { scope: 'col' }, t('pw.col.field')),
            h('th', { scope: 'col' }, t('pw.col.problem')),
          ),
        ),
        h(
          'tbody',
          {},
          ...result.problems.map((problem) =>
            h('tr', {}, h('td', {}, String(problem.line)), h('td', {}, problem.field ?? '–'), h('td', {}, problem.message)),
          ),
        ),
      ),
    );
  }
  if (result.canApply)
    parts.push(h('button', { type: 'button', class: 'button button-primary', id: 'pw-import-apply', onclick: apply }, t('pw.importApply')));
  return parts;
}
