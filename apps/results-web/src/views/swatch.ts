import { h } from '@wahl/web-kit';

/** A colour square for a list; decorative, the list's name stands beside it. */
export const swatch = (color: string): HTMLSpanElement =>
  h('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' });
