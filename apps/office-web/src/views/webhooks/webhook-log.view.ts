import { h } from '@wahl/web-kit';
import type { WebhookDelivery } from '../../api/webhooks.types';
import { formatElectionDay } from '../../format/format';
import { currentLanguage, t } from '../../i18n/i18n';
import { clock, number } from '../polling-cards/cards-parts.view';

const when = (iso: string): string => `${formatElectionDay(iso.slice(0, 10), currentLanguage(), 'short')} ${clock(iso)}`;

const answer = (delivery: WebhookDelivery): string =>
  [delivery.lastStatus === null ? null : `HTTP ${delivery.lastStatus}`, delivery.lastError].filter(Boolean).join(' – ') || '–';

/** The last deliveries, newest first: recipient, version, state, attempts and the last answer or failure. */
export function webhookLog(deliveries: readonly WebhookDelivery[], reload: () => void): HTMLElement {
  const header = (key: Parameters<typeof t>[0], numeric = false) => h('th', { scope: 'col', class: numeric ? 'num' : undefined }, t(key));
  const refresh = h(
    'button',
    { type: 'button', class: 'button button-secondary', id: 'webhooks-refresh', onclick: reload },
    t('webhooks.refresh'),
  );
  if (deliveries.length === 0)
    return h(
      'section',
      { class: 'card panel' },
      h('h2', { class: 'section-title' }, t('webhooks.logTitle')),
      h('p', {}, t('webhooks.logEmpty')),
      refresh,
    );
  return h(
    'section',
    { class: 'card panel' },
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'webhooks-log-title' },
      h(
        'table',
        { class: 'data-table', id: 'webhooks-log' },
        h('caption', { id: 'webhooks-log-title', class: 'section-title' }, t('webhooks.logTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('webhooks.col.time'),
            header('webhooks.col.recipient'),
            header('webhooks.col.version', true),
            header('webhooks.col.state'),
            header('webhooks.col.attempts', true),
            header('webhooks.col.answer'),
          ),
        ),
        h(
          'tbody',
          {},
          deliveries.map((delivery) =>
            h(
              'tr',
              { 'data-delivery': delivery.id, 'data-state': delivery.state },
              h('td', {}, when(delivery.createdAt)),
              h('th', { scope: 'row' }, delivery.subscriptionName),
              h('td', { class: 'num' }, number(delivery.version)),
              h('td', {}, h('span', { class: 'badge' }, t(`webhooks.state.${delivery.state}`))),
              h('td', { class: 'num' }, number(delivery.attempts)),
              h('td', {}, answer(delivery)),
            ),
          ),
        ),
      ),
    ),
    refresh,
  );
}
