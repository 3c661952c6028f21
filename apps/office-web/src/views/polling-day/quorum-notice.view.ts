import { h } from '@wahl/web-kit';
import type { QuorumCheck } from '../../api/polling-day.types';
import { t } from '../../i18n/i18n';

/** BWO § 6(8),(9): the board's quorum as entered; a warning names what is missing. */
export function quorumNotice(check: QuorumCheck): HTMLElement {
  if (check.met)
    return h(
      'p',
      { class: 'alert alert-success', 'data-quorum': 'met' },
      t('day.quorumMet', { present: check.present, required: check.required }),
    );
  return h(
    'div',
    { class: 'alert alert-warning', role: 'alert', 'data-quorum': 'missing' },
    h('p', {}, h('strong', {}, t(`day.quorumMissing.${check.phase}`, { present: check.present, required: check.required }))),
    h(
      'ul',
      {},
      check.missing.map((what) => h('li', {}, t(`day.quorumShort.${what}`))),
    ),
  );
}
