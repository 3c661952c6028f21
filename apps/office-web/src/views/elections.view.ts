import { officeApi } from '../api/office-api';
import type { ElectionSummary } from '../api/office-api.types';
import { formatElectionDay } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { asyncRegion, emptyState, pageHeading } from './chrome.view';
import { h } from './dom';
import { errorMessage } from './error-message';

const electionCard = (election: ElectionSummary): HTMLElement =>
  h(
    'li',
    { class: 'card card-row' },
    h(
      'div',
      { class: 'card-main' },
      h('h2', { class: 'card-title' }, election.name),
      h('p', { class: 'card-meta' }, h('span', { class: 'sr-only' }, `${t('elections.day')}: `), formatElectionDay(election.electionDay, currentLanguage())),
    ),
    h('span', { class: 'badge' }, t(`kind.${election.kind}`)),
  );

/** The office's elections; while the elections route is missing (404) this is an empty state. */
export function electionsView(): HTMLElement {
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const list = asyncRegion(async () => {
    const elections = (await officeApi.elections()) ?? [];
    if (elections.length === 0) return emptyState(t('elections.empty'), t('elections.emptyHint'));
    count.textContent = elections.length === 1 ? t('elections.countOne') : t('elections.count', { count: elections.length });
    const sorted = [...elections].sort((a, b) => b.electionDay.localeCompare(a.electionDay) || a.name.localeCompare(b.name, 'de'));
    return h('ul', { class: 'list', id: 'election-list' }, sorted.map(electionCard));
  }, (error) => errorMessage(error, currentLanguage(), t));
  return h('section', { class: 'page' }, pageHeading(t('elections.title'), t('elections.intro'), count), list);
}
