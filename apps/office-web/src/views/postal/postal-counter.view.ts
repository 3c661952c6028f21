import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { PostalApplication, RollVoter } from '../../api/postal.types';
import { t } from '../../i18n/i18n';
import { voterName, voterSearch } from '../shared/voter-search.view';
import { batchFiles, describe, downloadPdf, notice } from './postal-parts.view';

/** Stored with the application for the other clerks: records are German whatever the screen's language. */
const COUNTER_NOTE = 'Antrag am Schalter';

/**
 * The voter's open application (online or paper) if there is one, else a new one entered at the
 * counter with collection in person (BWO § 27(1): an application may be made in person).
 */
async function applicationFor(electionId: string, voter: RollVoter): Promise<PostalApplication> {
  const open = await officeApi.postalApplications(electionId, { voterId: voter.voterId, state: 'received' }, 1);
  return (
    open.items[0] ??
    officeApi.enterPostalApplication(electionId, {
      voterId: voter.voterId,
      delivery: { kind: 'collection' },
      note: COUNTER_NOTE,
    })
  );
}

/** Counter mode: search, then application, certificate and label in one go, the two PDFs downloaded at once. */
export function postalCounter(electionId: string, onIssued: () => void): HTMLElement {
  const issueAtCounter = async (voter: RollVoter, box: HTMLElement, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    box.replaceChildren();
    try {
      const application = await applicationFor(electionId, voter);
      const outcome = await officeApi.issueCertificates(electionId, [application.id]);
      const issued = outcome.issued[0];
      if (!issued) {
        box.replaceChildren(notice('error', outcome.skipped[0]?.reason ?? t('error.generic')));
        button.disabled = false;
        return;
      }
      button.remove();
      box.replaceChildren(
        notice('success', t('postal.counterIssued', { number: issued.number, name: voterName(voter) })),
        batchFiles(electionId, outcome.batchId, box, true),
      );
      onIssued();
      await downloadPdf(() => officeApi.issueBatchFile(electionId, outcome.batchId, 'wahlscheine.pdf'), box);
      await downloadPdf(() => officeApi.issueBatchFile(electionId, outcome.batchId, 'etiketten.pdf'), box);
    } catch (error) {
      box.replaceChildren(notice('error', describe(error)));
      button.disabled = false;
    }
  };

  const actions = (voter: RollVoter): HTMLElement | null => {
    if (voter.status !== 'active' || voter.postalVoteCertificate) return null;
    const box = h('div', { class: 'counter-outcome' });
    const button: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'button button-primary',
        'aria-label': t('postal.counterIssueLabel', { name: voterName(voter) }),
        onclick: () => void issueAtCounter(voter, box, button),
      },
      t('postal.counterIssue'),
    );
    return h('div', {}, button, box);
  };

  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'postal-counter-title', id: 'postal-counter' },
    h('h2', { id: 'postal-counter-title', class: 'section-title' }, t('postal.counterTitle')),
    h('p', { class: 'form-hint' }, t('postal.counterHint')),
    voterSearch(electionId, { idPrefix: 'counter', actions }),
  );
}
