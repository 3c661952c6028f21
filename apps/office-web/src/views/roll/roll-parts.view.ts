import { h } from '@wahl/web-kit';
import { formatClockTime, formatNumber } from '../../format/format';
import { currentLanguage } from '../../i18n/i18n';

// Small pieces the roll screen's panels share.

export const number = (value: number): string => formatNumber(value, currentLanguage());
export const clock = (iso: string): string => formatClockTime(new Date(iso), currentLanguage());

/** One figure of a `dl.stats` list. */
export const stat = (label: string, value: string, id?: string): HTMLElement =>
  h('div', { class: 'stat', id }, h('dt', {}, label), h('dd', {}, h('span', { class: 'stat-value' }, value)));

/** A bar of 0–100 %; `null` while the size is unknown (then it runs full width, animated by CSS). */
export function progressBar(id: string, percent: number | null, label: string): HTMLElement {
  return h(
    'div',
    {
      class: `progress-bar${percent === null ? ' progress-bar-unknown' : ''}`,
      id,
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent ?? undefined,
      'aria-valuetext': label,
    },
    h('span', { style: `width: ${percent ?? 100}%` }),
  );
}
