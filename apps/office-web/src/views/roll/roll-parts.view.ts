import { h } from '@wahl/web-kit';
import { formatClockTime, formatNumber } from '../../format/format';
import { currentLanguage } from '../../i18n/i18n';

// Small pieces the roll screen's panels share.

export const number = (value: number): string => formatNumber(value, currentLanguage());
export const clock = (iso: string): string => formatClockTime(new Date(iso), currentLanguage());

/** One figure of a `dl.stats` list. */
export const stat = (label: string, value: string, id?: string): HTMLElement =>
  h('div', { class: 'stat', id }, h('dt', {}, label), h('dd', {}, h('span', { class: 'stat-value' }, value)));
