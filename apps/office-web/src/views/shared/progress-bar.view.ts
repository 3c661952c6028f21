import { h } from '@wahl/web-kit';

/**
 * A bar of 0–100 %; `null` while the size is unknown (then it runs full width, animated by CSS).
 * `name` is its accessible name (what is progressing); `label` the current state as text.
 */
export function progressBar(id: string, percent: number | null, label: string, name: string): HTMLElement {
  return h(
    'div',
    {
      class: `progress-bar${percent === null ? ' progress-bar-unknown' : ''}`,
      id,
      role: 'progressbar',
      'aria-label': name,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent ?? undefined,
      'aria-valuetext': label,
    },
    h('span', { style: `width: ${percent ?? 100}%` }),
  );
}
