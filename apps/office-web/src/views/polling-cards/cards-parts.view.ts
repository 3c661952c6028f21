import { h } from '@wahl/web-kit';
import { formatClockTime, formatNumber } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

export const number = (value: number): string => formatNumber(value, currentLanguage());
export const clock = (iso: string): string => formatClockTime(new Date(iso), currentLanguage());

export const alert = (kind: 'error' | 'success', text: string): HTMLElement =>
  h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

/** A failed call's text in `box`, replacing what was there. */
export const fail =
  (box: HTMLElement) =>
  (error: unknown): void =>
    box.replaceChildren(alert('error', errorMessage(error, currentLanguage(), t)));
