import { h } from '@wahl/web-kit';
import type { PollingCardJob } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';
import { clock, number } from './cards-parts.view';

/** All jobs of the election, newest first; a job's number opens its files. */
export function cardsJobs(jobs: readonly PollingCardJob[], open: (jobId: string) => void): Node[] {
  if (jobs.length === 0) return [];
  const head = [t('cards.col.number'), t('cards.col.kind'), t('cards.col.status'), t('cards.col.pieces'), t('cards.col.created')];
  return [
    h(
      'section',
      { class: 'card panel' },
      h(
        'table',
        { class: 'data-table', id: 'cards-jobs' },
        h('caption', { class: 'section-title' }, t('cards.jobsTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((label) => h('th', { scope: 'col' }, label)),
          ),
        ),
        h(
          'tbody',
          {},
          jobs.map((job) =>
            h(
              'tr',
              {},
              h(
                'td',
                { class: 'mono' },
                h('button', { type: 'button', class: 'link-button', onclick: () => open(job.id) }, String(job.jobNumber)),
              ),
              h('td', {}, job.kindLabel),
              h('td', {}, job.statusLabel),
              h('td', { class: 'num' }, `${number(job.piecesDone)} / ${number(job.pieces)}`),
              h('td', {}, `${clock(job.createdAt)} · ${job.createdBy}`),
            ),
          ),
        ),
      ),
    ),
  ];
}
