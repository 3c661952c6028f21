import { h } from '@wahl/web-kit';
import type { RetentionPlan } from '../../api/retention.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { categoryRows, type CategoryRow } from '../../retention/retention-screen';
import { number } from '../polling-cards/cards-parts.view';

const day = (iso: string): string => formatElectionDay(iso.slice(0, 10), currentLanguage(), 'short');

const lastRun = (row: CategoryRow): string =>
  row.lastRun ? t('retention.lastRun', { day: day(row.lastRun.at), user: row.lastRun.by, count: number(row.lastRun.deleted) }) : '–';

/** Per category: deletable from, state, rows stored, rows a run deletes now (the dry run), last run. */
export function retentionPlanPanel(plan: RetentionPlan): HTMLElement {
  const header = (key: Parameters<typeof t>[0], numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : undefined }, t(key));
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'retention-plan-title' },
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'retention-plan-title' },
      h(
        'table',
        { class: 'data-table', id: 'retention-plan' },
        h('caption', { id: 'retention-plan-title', class: 'section-title' }, t('retention.planTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('retention.col.category'),
            header('retention.col.dueDay'),
            header('retention.col.state'),
            header('retention.col.rows', true),
            header('retention.col.wouldDelete', true),
            header('retention.col.lastRun'),
          ),
        ),
        h(
          'tbody',
          {},
          categoryRows(plan).map((row) =>
            h(
              'tr',
              { 'data-category': row.category },
              h('th', { scope: 'row' }, t(`retention.category.${row.category}`)),
              h('td', {}, day(row.dueDay)),
              h('td', {}, h('span', { class: `badge retention-${row.state}` }, t(`retention.state.${row.state}`))),
              h('td', { class: 'num' }, number(row.rows)),
              h('td', { class: 'num', 'data-would-delete': String(row.wouldDelete) }, number(row.wouldDelete)),
              h('td', {}, lastRun(row)),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'card-meta' }, t('retention.today', { day: day(plan.today) })),
  );
}
