import { h } from '@wahl/web-kit';
import { officeApi } from '../api/office-api';
import type { RetentionPlan } from '../api/retention.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { fail } from './polling-cards/cards-parts.view';
import { retentionHoldPanel } from './retention/retention-hold.view';
import { retentionPlanPanel } from './retention/retention-plan.view';
import { retentionRunPanel } from './retention/retention-run.view';

// "Aufbewahrung und Löschung" of an election (/office/wahlen/<id>/aufbewahrung, R8.4): the plan per
// category (the dry run), the run with a confirmation and the legal hold. Clerks see the plan; run
// and hold are the office admin's (the API refuses others too).

export function retentionView(electionId: string, canManage: boolean): HTMLElement {
  const eyebrow = h('p', { class: 'eyebrow' });
  const planBox = h('div', {});
  const actions = h('div', { class: 'dashboard-grid' });

  const show = (plan: RetentionPlan, notice?: string): void => {
    planBox.replaceChildren(retentionPlanPanel(plan));
    if (!canManage) actions.replaceChildren(h('p', { class: 'form-hint' }, t('retention.adminOnly')));
    else {
      actions.replaceChildren(
        h('div', { class: 'dashboard-main' }, retentionRunPanel(electionId, plan, notice, show)),
        h('div', { class: 'dashboard-side' }, retentionHoldPanel(electionId, plan, show)),
      );
    }
  };

  officeApi.election(electionId).then((election) => {
    eyebrow.textContent = `${election.name} · ${formatElectionDay(election.electionDay, currentLanguage())}`;
    document.title = `${t('retention.title')} – ${election.name} – ${t('app.name')}`;
  }, fail(planBox));
  officeApi.retentionPlan(electionId).then((plan) => show(plan), fail(planBox));

  return h(
    'section',
    { class: 'page retention' },
    h('div', { class: 'page-heading' }, h('div', {}, eyebrow, h('h1', { tabindex: '-1' }, t('retention.title')))),
    h('p', { class: 'form-hint' }, t('retention.intro')),
    planBox,
    actions,
  );
}
