import { h } from '@wahl/web-kit';
import type { CardLayout } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';

/** Layout choice, start of the print run or its follow-up, and a preview card; `output` shows what happened. */
export function cardsActions(
  output: HTMLElement,
  actions: {
    readonly start: (kind: 'main' | 'follow-up', layout: CardLayout) => void;
    readonly preview: (layout: CardLayout) => void;
  },
): HTMLElement {
  const layout = h(
    'select',
    { id: 'cards-layout', class: 'select' },
    (['a4', 'a5', 'postcard'] as const).map((value) => h('option', { value }, t(`cards.layout.${value}`))),
  );
  const chosen = (): CardLayout => layout.value as CardLayout;
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'cards-start-title' },
    h('h2', { id: 'cards-start-title', class: 'section-title' }, t('cards.startTitle')),
    h('p', { class: 'form-hint' }, t('cards.startHint')),
    h('div', { class: 'field' }, h('label', { for: layout.id }, t('cards.layout')), layout),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          id: 'cards-start-main',
          onclick: () => window.confirm(t('cards.confirmMain')) && actions.start('main', chosen()),
        },
        t('cards.startMain'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-secondary',
          id: 'cards-start-follow-up',
          onclick: () => actions.start('follow-up', chosen()),
        },
        t('cards.startFollowUp'),
      ),
      h(
        'button',
        { type: 'button', class: 'button button-secondary', id: 'cards-preview', onclick: () => actions.preview(chosen()) },
        t('cards.preview'),
      ),
    ),
    output,
  );
}
