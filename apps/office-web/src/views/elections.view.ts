import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, emptyState, pageHeading } from './chrome.view';
import { h } from '@wahl/web-kit';
import { errorMessage } from './error-message';
import { routeLink, type Navigate } from './shared/route-link.view';

const electionCard = (election: ElectionSummary, navigate: Navigate): HTMLElement =>
  h(
    'li',
    { class: 'card card-election', 'data-election': election.id },
    h(
      'div',
      { class: 'card-row' },
      h(
        'div',
        { class: 'card-main' },
        h('h2', { class: 'card-title' }, election.name),
        h(
          'p',
          { class: 'card-meta' },
          h('span', { class: 'sr-only' }, `${t('elections.day')}: `),
          formatElectionDay(election.electionDay, currentLanguage()),
        ),
      ),
      h('span', { class: 'badge' }, t(`kind.${election.kind}`)),
    ),
    h(
      'nav',
      { class: 'card-links', 'aria-label': t('elections.screensFor', { name: election.name }) },
      routeLink(navigate, 'polling-day', { electionId: election.id }, t('elections.dayLink'), 'button button-secondary'),
      routeLink(navigate, 'election-night', { electionId: election.id }, t('elections.nightLink'), 'button button-primary'),
      routeLink(navigate, 'election-editor', { electionId: election.id }, t('elections.editorLink'), 'button button-secondary'),
      routeLink(navigate, 'roll', { electionId: election.id }, t('elections.rollLink'), 'button button-secondary'),
      routeLink(navigate, 'polling-cards', { electionId: election.id }, t('elections.cardsLink'), 'button button-secondary'),
      routeLink(navigate, 'postal-office', { electionId: election.id }, t('elections.postalLink'), 'button button-secondary'),
      routeLink(navigate, 'repeat-notices', { electionId: election.id }, t('elections.repeatNoticesLink'), 'button button-secondary'),
      routeLink(navigate, 'rehearsal', { electionId: election.id }, t('elections.rehearsalLink'), 'button button-secondary'),
      routeLink(navigate, 'webhooks', { electionId: election.id }, t('elections.webhooksLink'), 'button button-secondary'),
      routeLink(navigate, 'poll-workers', { electionId: election.id }, t('elections.pollWorkersLink'), 'button button-secondary'),
      routeLink(navigate, 'poll-worker-duties', { electionId: election.id }, t('pwDuties.link'), 'button button-secondary'),
      routeLink(navigate, 'retention', { electionId: election.id }, t('elections.retentionLink'), 'button button-secondary'),
    ),
  );

/** The office's elections; while the elections route is missing (404) this is an empty state. */
export function electionsView(navigate: Navigate, options: { readonly showUsers: boolean }): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  // Office admins manage the office's accounts; the link is theirs only (the route refuses others too).
  const users = options.showUsers ? routeLink(navigate, 'users', {}, t('users.link'), 'button button-secondary') : null;
  const create = routeLink(navigate, 'election-new', {}, t('newElection.link'), 'button button-primary');
  const list = asyncRegion(
    async () => {
      const elections = (await officeApi.elections()) ?? [];
      if (elections.length === 0) return emptyState(t('elections.empty'), t('elections.emptyHint'));
      count.textContent = elections.length === 1 ? t('elections.countOne') : t('elections.count', { count: elections.length });
      const sorted = [...elections].sort((a, b) => b.electionDay.localeCompare(a.electionDay) || a.name.localeCompare(b.name, 'de'));
      return h(
        'ul',
        { class: 'list', id: 'election-list' },
        sorted.map((election) => electionCard(election, navigate)),
      );
    },
    (error) => errorMessage(error, currentLanguage(), t),
  );
  return h(
    'section',
    { class: 'page' },
    pageHeading(t('elections.title'), t('elections.intro'), h('div', { class: 'page-heading-aside' }, create, users, count)),
    list,
  );
}
