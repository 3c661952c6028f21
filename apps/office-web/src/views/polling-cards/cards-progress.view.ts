import { h } from '@wahl/web-kit';
import type { PollingCardJob } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';
import { canCancel, canResume, cardProgressLabel } from '../../polling-cards/polling-cards-screen';
import { progressBar } from '../shared/progress-bar.view';
import { number } from './cards-parts.view';

/** The bar of the current print run, the line under it, and cancel/resume where they apply. */
export function cardsProgress(
  job: PollingCardJob | null,
  actions: { readonly cancel: (job: PollingCardJob) => void; readonly resume: (job: PollingCardJob) => void },
): Node[] {
  if (!job) return [h('p', { class: 'form-hint' }, t('cards.noJob'))];
  const label = cardProgressLabel(job, {
    pieces: (done, total) => t('cards.progressPieces', { done: number(done), total: number(total) }),
    rate: (count) => t('cards.progressRate', { count: number(count) }),
    eta: (time) => t('cards.progressEta', { time }),
    lots: (done, total) => t('cards.progressLots', { done, total }),
  });
  const buttons = [
    canCancel(job)
      ? h(
          'button',
          { type: 'button', class: 'button button-secondary', id: 'cards-cancel', onclick: () => actions.cancel(job) },
          t('cards.cancel'),
        )
      : null,
    canResume(job)
      ? h(
          'button',
          { type: 'button', class: 'button button-primary', id: 'cards-resume', onclick: () => actions.resume(job) },
          t('cards.resume'),
        )
      : null,
  ];
  return [
    h(
      'p',
      { class: 'progress-figure' },
      h('strong', {}, t('cards.jobTitle', { number: job.jobNumber, kind: job.kindLabel, status: job.statusLabel })),
      h('span', { id: 'cards-progress-text' }, label),
    ),
    progressBar('cards-progress', job.percent, label, t('cards.progressName', { number: job.jobNumber })),
    h('p', { class: 'form-hint' }, job.message ?? ''),
    h('div', { class: 'button-row' }, ...buttons),
  ];
}
