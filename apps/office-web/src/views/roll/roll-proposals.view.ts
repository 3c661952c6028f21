import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import { PROPOSAL_KINDS, type ChangeProposal } from '../../api/roll.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { decisionRequest, proposalLines, selectedOpen } from '../../roll/roll-screen';
import { asyncRegion } from '../chrome.view';
import { errorMessage } from '../error-message';
import { number } from './roll-parts.view';

type Decide = (decision: 'accept' | 'reject', ids: readonly string[] | null) => void;

/**
 * Change proposals after the cut-off day (the register changed): accept or reject them one by one,
 * the ticked ones, or all open ones of a kind, always with a reason. Ticks, the reason and the last
 * decision's message survive a re-render (the socket refreshes the panel after each decision).
 */
export function rollProposals(electionId: string, onDecided: () => void): { render(): HTMLElement } {
  const ticked = new Set<string>();
  let proposalReason = '';
  let proposalFlash: string | null = null;

  const panel = (proposals: readonly ChangeProposal[], total: number): HTMLElement => {
    const message = h('div', { 'aria-live': 'polite', id: 'proposal-message' });
    // Kept until the next decision: the socket's own refresh may render this panel a second time.
    const flash = proposalFlash ? h('div', { class: 'alert alert-success', role: 'status', id: 'proposal-flash' }, proposalFlash) : null;
    const reason = h('input', { type: 'text', id: 'proposal-reason', maxlength: 1000, 'aria-describedby': 'proposal-reason-hint' });
    reason.value = proposalReason;
    reason.addEventListener('input', () => {
      proposalReason = reason.value;
      reason.removeAttribute('aria-invalid');
    });
    const kind = h(
      'select',
      { id: 'proposal-kind', class: 'select' },
      h('option', { value: '' }, t('roll.allKinds')),
      PROPOSAL_KINDS.map((value) => h('option', { value }, t(`roll.kind.${value}`))),
    );

    const decide: Decide = (decision, ids) => {
      proposalFlash = null;
      document.getElementById('proposal-flash')?.remove();
      const request = decisionRequest(decision, reason.value, ids, kind.value as ChangeProposal['kind'] | '');
      if (!request.ok) {
        message.replaceChildren(
          h(
            'p',
            { class: 'entry-problem', role: 'alert' },
            t(request.problem === 'reason-missing' ? 'roll.reasonMissing' : 'roll.noneSelected'),
          ),
        );
        if (request.problem === 'reason-missing') {
          reason.setAttribute('aria-invalid', 'true');
          reason.focus();
        }
        return;
      }
      officeApi.decideProposals(electionId, request.body).then(
        (result) => {
          for (const id of ids ?? []) ticked.delete(id);
          if (!ids) ticked.clear();
          proposalFlash = t('roll.decided', { accepted: result.accepted, rejected: result.rejected });
          onDecided();
        },
        (error: unknown) =>
          message.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' }, errorMessage(error, currentLanguage(), t))),
      );
    };

    return h(
      'div',
      { class: 'panel-body' },
      h('h2', { id: 'proposals-title', class: 'section-title' }, t('roll.proposalsTitle', { count: number(total) })),
      h('p', { class: 'form-hint' }, t('roll.proposalsHint')),
      flash,
      total === 0
        ? h('p', { class: 'empty-hint', id: 'proposals-empty' }, t('roll.proposalsNone'))
        : h(
            'div',
            { class: 'proposals' },
            h(
              'div',
              { class: 'field' },
              h('label', { for: reason.id }, t('roll.decisionReason')),
              reason,
              h('p', { class: 'form-hint', id: 'proposal-reason-hint' }, t('roll.decisionReasonHint')),
            ),
            message,
            bulkButtons(() => selectedOpen(proposals, ticked), decide),
            h(
              'div',
              { class: 'bulk' },
              h('label', { for: kind.id, class: 'sr-only' }, t('roll.kindFilter')),
              kind,
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-secondary',
                  id: 'proposals-accept-all',
                  onclick: () => window.confirm(t('roll.confirmAll')) && decide('accept', null),
                },
                t('roll.acceptAll'),
              ),
            ),
            h(
              'ul',
              { class: 'proposal-list', id: 'proposal-list' },
              proposals.map((proposal) => proposalItem(proposal, ticked, decide)),
            ),
            total > proposals.length ? h('p', { class: 'form-hint' }, t('roll.proposalsMore', { shown: number(proposals.length) })) : null,
          ),
    );
  };

  return {
    render: () =>
      h(
        'section',
        { class: 'card panel', 'aria-labelledby': 'proposals-title' },
        asyncRegion(
          async () => {
            const list = await officeApi.changeProposals(electionId, 'open');
            return panel(list.items, list.total);
          },
          (error) => errorMessage(error, currentLanguage(), t),
        ),
      ),
  };
}

function bulkButtons(selected: () => readonly string[], decide: Decide): HTMLElement {
  return h(
    'div',
    { class: 'bulk' },
    h(
      'button',
      { type: 'button', class: 'button button-secondary', id: 'proposals-accept-selected', onclick: () => decide('accept', selected()) },
      t('roll.acceptSelected'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-danger-outline',
        id: 'proposals-reject-selected',
        onclick: () => decide('reject', selected()),
      },
      t('roll.rejectSelected'),
    ),
  );
}

/** One proposal: a tick for the bulk decision, "before" and "after", and its own two buttons. */
function proposalItem(proposal: ChangeProposal, ticked: Set<string>, decide: Decide): HTMLElement {
  const lines = proposalLines(proposal, (district, voterNumber) =>
    t(voterNumber ? 'roll.districtNumber' : 'roll.district', { district, number: voterNumber ?? '' }),
  );
  const box = h('input', {
    type: 'checkbox',
    class: 'checkbox',
    id: `proposal-${proposal.id}`,
    'aria-label': t('roll.select', { kind: t(`roll.kind.${proposal.kind}`) }),
  });
  box.checked = ticked.has(proposal.id);
  box.addEventListener('change', () => (box.checked ? ticked.add(proposal.id) : ticked.delete(proposal.id)));
  return h(
    'li',
    { class: 'proposal', 'data-proposal': proposal.id, 'data-kind': proposal.kind },
    box,
    h(
      'div',
      { class: 'proposal-body' },
      h('p', { class: 'proposal-kind' }, t(`roll.kind.${proposal.kind}`)),
      lines.before ? h('p', {}, h('span', { class: 'proposal-tag' }, t('roll.before')), ' ', lines.before) : null,
      lines.after ? h('p', {}, h('span', { class: 'proposal-tag' }, t('roll.after')), ' ', lines.after) : null,
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary button-small',
            'data-action': 'accept',
            onclick: () => decide('accept', [proposal.id]),
          },
          t('roll.accept'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary button-small button-danger-outline',
            'data-action': 'reject',
            onclick: () => decide('reject', [proposal.id]),
          },
          t('roll.reject'),
        ),
      ),
    ),
  );
}
