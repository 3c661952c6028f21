import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import type { WebhookOverview } from '../api/webhooks.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { fail } from './polling-cards/cards-parts.view';
import { webhookForm } from './webhooks/webhook-form.view';
import { webhookList } from './webhooks/webhook-list.view';
import { webhookLog } from './webhooks/webhook-log.view';

// "Webhooks für Presse und Partner" of an election (/office/wahlen/<id>/webhooks, docs/WEBHOOKS.md):
// the recipients, adding one (its secret shown once), switching off, deleting, and the delivery log.
// Clerks see recipients and log; changes are the office admin's (the API refuses others too).

export function webhooksView(electionId: string, canManage: boolean): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const listBox = h('div', {});
  const logBox = h('div', {});
  const notice = h('div', { 'aria-live': 'polite' });

  const show = (overview: WebhookOverview): void => {
    listBox.replaceChildren(webhookList(electionId, overview.subscriptions, canManage, reload, notice));
    logBox.replaceChildren(webhookLog(overview.deliveries, reload));
  };
  function reload(): void {
    officeApi.webhooks(electionId).then(show, fail(notice));
  }

  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
    document.title = `${t('webhooks.title')} – ${election.name} – ${t('app.name')}`;
  }, fail(notice));
  reload();

  return h(
    'section',
    { class: 'page webhooks' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('webhooks.title')))),
    h('p', { class: 'form-hint' }, t('webhooks.intro')),
    notice,
    h(
      'div',
      { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' }, listBox, logBox),
      h(
        'div',
        { class: 'dashboard-side' },
        canManage ? webhookForm(electionId, reload, notice) : h('p', { class: 'form-hint' }, t('webhooks.adminOnly')),
      ),
    ),
  );
}
