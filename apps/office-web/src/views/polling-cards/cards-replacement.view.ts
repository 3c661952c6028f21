import { h, saveFile } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PollingCardJobDetail } from '../../api/polling-cards.types';
import { t } from '../../i18n/i18n';
import { alert, fail } from './cards-parts.view';

/** A replacement for a lost card: voter number and reason; the new card's PDF downloads at once. */
export function cardsReplacement(electionId: string, onPrinted: (job: PollingCardJobDetail) => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite' });
  const voterId = h('input', {
    type: 'number',
    id: 'cards-replacement-voter',
    class: 'input',
    min: '1',
    required: true,
    inputmode: 'numeric',
  });
  const reason = h('input', { type: 'text', id: 'cards-replacement-reason', class: 'input', required: true, maxlength: '500' });
  const submit = (event: Event): void => {
    event.preventDefault();
    output.replaceChildren();
    officeApi.replacementCard(electionId, Number(voterId.value), reason.value).then((job) => {
      output.replaceChildren(alert('success', t('cards.replacementDone', { number: job.jobNumber })));
      const pdf = job.files.find((file) => file.kind === 'lot');
      if (pdf) void officeApi.pollingCardFile(electionId, job.id, pdf.name).then(({ blob }) => saveFile(blob, pdf.name), fail(output));
      onPrinted(job);
    }, fail(output));
  };
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'cards-replacement-title' },
    h('h2', { id: 'cards-replacement-title', class: 'section-title' }, t('cards.replacementTitle')),
    h('p', { class: 'form-hint' }, t('cards.replacementHint')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: submit },
      h('div', { class: 'field' }, h('label', { for: voterId.id }, t('cards.replacementVoter')), voterId),
      h('div', { class: 'field' }, h('label', { for: reason.id }, t('cards.replacementReason')), reason),
      h('button', { type: 'submit', class: 'button button-secondary', id: 'cards-replacement-submit' }, t('cards.replacementSubmit')),
    ),
    output,
  );
}
