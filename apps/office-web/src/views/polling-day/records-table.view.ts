import { h } from '@wahl/web-kit';
import { RESULT_STATUS_LABELS, type RecordOverview } from '../../api/polling-day.types';
import { t } from '../../i18n/i18n';

// The office's view of the records (BWO §§ 72, 76): per district the stage of its result, the
// signatures of its Wahlniederschrift and every Kennbuchstabe where the record differs from the
// confirmed quick report, with the board's explanation. A signed record can be marked as checked.

type Row = RecordOverview['districts'][number];

const differencesCell = (row: Row): HTMLElement =>
  row.differences.length === 0
    ? h('td', {}, row.revision ? t('records.noDifferences') : '–')
    : h(
        'td',
        {},
        h(
          'ul',
          { class: 'monitor-list' },
          row.differences.map((difference) =>
            h(
              'li',
              {},
              t('records.difference', { field: difference.field, quick: difference.left ?? '–', record: difference.right ?? '–' }),
            ),
          ),
        ),
        h('p', { class: 'form-hint' }, row.differencesExplanation),
      );

function recordRow(row: Row, check: (districtId: string) => void): HTMLElement {
  const checkButton =
    row.status === 'provisional'
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary',
            'aria-label': t('records.checkLabel', { number: row.number }),
            onclick: () => check(row.districtId),
          },
          t('records.check'),
        )
      : null;
  return h(
    'tr',
    { 'data-district': row.number, 'data-status': row.status },
    h('th', { scope: 'row' }, `${row.number} ${row.name}`),
    h('td', {}, RESULT_STATUS_LABELS[row.status]),
    h('td', { class: 'num' }, String(row.signatures)),
    differencesCell(row),
    h('td', {}, checkButton),
  );
}

export function recordsTable(overview: RecordOverview, check: (districtId: string) => void): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'monitor-records-caption' },
    h(
      'table',
      { class: 'data-table', id: 'monitor-records' },
      h('caption', { id: 'monitor-records-caption' }, t('records.caption', { stage: RESULT_STATUS_LABELS[overview.status] })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('monitor.district')),
          h('th', { scope: 'col' }, t('records.stage')),
          h('th', { scope: 'col', class: 'num' }, t('records.signatures')),
          h('th', { scope: 'col' }, t('records.differences')),
          h('th', { scope: 'col' }, t('records.action')),
        ),
      ),
      h(
        'tbody',
        {},
        overview.districts.map((row) => recordRow(row, check)),
      ),
    ),
  );
}
