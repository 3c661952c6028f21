import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RegisterImportJob } from '../../api/roll.types';
import { t } from '../../i18n/i18n';
import { importOutcome, unlistedErrors } from '../../roll/roll-screen';
import { number, stat } from './roll-parts.view';

/** An import's result: what happened, the counts, the listed problems and the report of skipped rows. */
export function importResult(electionId: string, job: RegisterImportJob): HTMLElement {
  const outcome = importOutcome(job);
  const kind = outcome === 'failed' ? 'error' : outcome === 'imported-with-skips' ? 'warning' : 'success';
  const more = unlistedErrors(job);
  return h(
    'div',
    { class: 'import-result', id: 'import-result' },
    h(
      'div',
      { class: `alert alert-${kind}`, role: outcome === 'failed' ? 'alert' : 'status' },
      h('p', {}, h('strong', {}, t(`roll.outcome.${outcome}`))),
      job.message ? h('p', {}, job.message) : null,
    ),
    h(
      'dl',
      { class: 'stats' },
      stat(t('roll.recordsRead'), number(job.recordsRead)),
      stat(t('roll.rowsImported'), number(job.rowsImported)),
      stat(t('roll.rowsRejected'), number(job.rowsRejected)),
    ),
    job.errors.length ? errorTable(job) : null,
    more ? h('p', { class: 'form-hint' }, t('roll.moreErrors', { count: number(more) })) : null,
    job.rejectedReportUrl ? rejectedDownload(electionId, job) : null,
  );
}

function errorTable(job: RegisterImportJob): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'import-errors-title' },
    h(
      'table',
      { class: 'data-table', id: 'import-errors' },
      h('caption', { id: 'import-errors-title', class: 'section-title' }, t('roll.errorsTitle', { count: job.errorCount })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('roll.col.line'), t('roll.col.column'), t('roll.col.value'), t('roll.col.reason')].map((label) =>
            h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        job.errors.map((error) =>
          h(
            'tr',
            {},
            h('td', { class: 'mono' }, String(error.line)),
            h('td', { class: 'mono' }, error.column ?? '–'),
            h('td', { class: 'mono value-cell' }, error.value || '–'),
            h('td', { class: 'wrap' }, error.reason),
          ),
        ),
      ),
    ),
  );
}

/** The rows the import skipped, as the CSV the server kept. */
function rejectedDownload(electionId: string, job: RegisterImportJob): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'button button-secondary',
      id: 'rejected-download',
      onclick: () =>
        void officeApi.rejectedRows(electionId, job.id).then(
          ({ blob, fileName }) => saveFile(blob, fileName ?? `ausgelassene-zeilen-${job.id}.csv`),
          () => undefined,
        ),
    },
    t('roll.rejectedDownload', { count: job.rowsRejected }),
  );
}
