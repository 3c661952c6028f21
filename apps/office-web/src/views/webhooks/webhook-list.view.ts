import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { WebhookSubscription } from '../../api/webhooks.types';
import { t } from '../../i18n/i18n';
import { fail } from '../polling-cards/cards-parts.view';

/** The recipients with their state; the office admin switches them off and on or deletes them. */
export function webhookList(
  electionId: string,
  subscriptions: readonly WebhookSubscription[],
  canManage: boolean,
  reload: () => void,
  notice: HTMLElement,
): HTMLElement {
  const header = (key: Parameters<typeof t>[0]) => h('th', { scope: 'col' }, t(key));
  const actions = (hook: WebhookSubscription): HTMLElement => {
    const toggle = (): void => void officeApi.setWebhookActive(electionId, hook.id, !hook.active).then(reload, fail(notice));
    const remove = (): void => {
      if (window.confirm(t('webhooks.confirmDelete', { name: hook.name })))
        officeApi.deleteWebhook(electionId, hook.id).then(reload, fail(notice));
    };
    return h(
      'td',
      { class: 'webhook-actions' },
      h(
        'button',
        { type: 'button', class: 'button button-secondary', 'data-toggle': hook.id, onclick: toggle },
        t(hook.active ? 'webhooks.switchOff' : 'webhooks.switchOn', { name: hook.name }),
      ),
      h(
        'button',
        { type: 'button', class: 'button button-secondary', 'data-delete': hook.id, onclick: remove },
        t('webhooks.delete', { name: hook.name }),
      ),
    );
  };
  const table = h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'webhooks-list-title' },
    h(
      'table',
      { class: 'data-table', id: 'webhooks-list' },
      h('caption', { id: 'webhooks-list-title', class: 'section-title' }, t('webhooks.listTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          header('webhooks.col.name'),
          header('webhooks.col.url'),
          header('webhooks.col.state'),
          canManage ? header('webhooks.col.actions') : null,
        ),
      ),
      h(
        'tbody',
        {},
        subscriptions.map((hook) =>
          h(
            'tr',
            { 'data-webhook': hook.id },
            h('th', { scope: 'row' }, hook.name),
            h('td', { class: 'webhook-url' }, hook.url),
            h('td', {}, h('span', { class: 'badge' }, t(hook.active ? 'webhooks.active' : 'webhooks.inactive'))),
            canManage ? actions(hook) : null,
          ),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'card panel' },
    subscriptions.length > 0 ? table : [h('h2', { class: 'section-title' }, t('webhooks.listTitle')), h('p', {}, t('webhooks.none'))],
  );
}
