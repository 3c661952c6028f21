import { h } from '@wahl/web-kit';
import type { DistrictStatus } from '../../api/election-night.types';
import { formatPercentValue } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { progressOf } from '../../reports/district-states';

/** P12: "n of m districts counted", the share and a bar of counted districts. */
export function nightProgress(districts: readonly DistrictStatus[]): Node[] {
  const progress = progressOf(districts);
  const percent = progress.percent ?? 0;
  return [
    h('h2', { id: 'progress-title', class: 'section-title' }, t('night.progressTitle')),
    h(
      'p',
      { class: 'progress-figure', id: 'progress-figure' },
      h('strong', {}, t('night.progress', { counted: progress.counted, total: progress.total })),
      h('span', { class: 'progress-percent' }, formatPercentValue(progress.percent, currentLanguage())),
    ),
    h(
      'div',
      {
        class: 'progress-bar',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': progress.total,
        'aria-valuenow': progress.counted,
        'aria-labelledby': 'progress-title',
      },
      h('span', { style: `width: ${percent}%` }),
    ),
  ];
}
