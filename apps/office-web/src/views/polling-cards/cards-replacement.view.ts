import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { RollVoter } from '../../api/postal.types';
import type { PollingCardJobDetail } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';
import { voterName, voterSearch } from '../shared/voter-search.view';
import { alert, fail } from './cards-parts.view';

/** A replacement for a lost card: the reason, the voter found by name and birth date; the new card's PDF downloads at once. */
export function cardsReplacement(electionId: string, onPrinted: (job: PollingCardJobDetail) => void): HTMLElement {
  const reason = h('input', { type: 'text', id: 'cards-replacement-reason', class: 'input', required: true, maxlength: '500' });
  const print = (voter: RollVoter, output: HTMLElement): void => {
    output.replaceChildren();
    officeApi.replacementCard(electionId, voter.voterId, reason.value).then((job) => {
      output.replaceChildren(alert('success', t('cards.replacementDone', { number: job.jobNumber })));
      const pdf = job.files.find((file) => file.kind === 'lot');
      if (pdf) void officeApi.pollingCardFile(electionId, job.id, pdf.name).then(({ blob }) => saveFile(blob, pdf.name), fail(output));
      onPrinted(job);
    }, fail(output));
  };
  const actions = (voter: RollVoter): HTMLElement | null => {
    if (voter.status !== 'active') return null;
    const output = h('div', { 'aria-live': 'polite' });
    return h(
      'div',
      {},
      h(
        'button',
        { type: 'button', class: 'button button-secondary', onclick: () => print(voter, output) },
        t('cards.replacementSubmit'),
        h('span', { class: 'sr-only' }, ` ${voterName(voter)}`),
      ),
      output,
    );
  };
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'cards-replacement-title' },
    h('h2', { id: 'cards-replacement-title', class: 'section-title' }, t('cards.replacementTitle')),
    h('p', { class: 'form-hint' }, t('cards.replacementHint')),
    h('div', { class: 'field' }, h('label', { for: reason.id }, t('cards.replacementReason')), reason),
    voterSearch(electionId, { idPrefix: 'cards-replacement', actions }),
  );
}
