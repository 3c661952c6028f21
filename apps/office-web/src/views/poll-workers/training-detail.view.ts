import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { TrainingDetail, TrainingParticipant } from '../../api/poll-worker-duties.types';
import { t } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { boardInviteForm, type Update } from './training-board-invite.view';

/**
 * One training session (R7.20): invite appointed members from the pool and record who attended.
 * Each change goes straight to the API; `onChanged` refreshes the counts in the list of sessions.
 */
export function trainingDetail(electionId: string, trainingId: string, title: string, onChanged: () => void): HTMLElement {
  const box = h('section', { id: 'training-detail', 'aria-labelledby': 'training-detail-title' });
  const output = h('div', { 'aria-live': 'polite', id: 'training-detail-output' });
  const show = (detail: TrainingDetail): void => {
    box.replaceChildren(
      h('h3', { id: 'training-detail-title', class: 'section-title', tabindex: '-1' }, t('pwDuties.trainings.detailTitle', { title })),
      inviteForm(electionId, detail, update),
      boardInviteForm(electionId, detail, update),
      participantList(electionId, detail, update),
      output,
    );
  };
  function update(next: Promise<TrainingDetail>, done?: (detail: TrainingDetail) => string): void {
    output.replaceChildren();
    next.then((detail) => {
      show(detail);
      if (done) output.replaceChildren(alert('success', done(detail)));
      onChanged();
    }, fail(output));
  }
  officeApi.training(electionId, trainingId).then(show, fail(output));
  box.append(output);
  return box;
}

function inviteForm(electionId: string, detail: TrainingDetail, update: Update): HTMLElement {
  const invited = new Set(detail.participants.map((participant) => participant.personId));
  const problem = h('div', { 'aria-live': 'polite' });
  const select = h('select', { id: 'training-invite-person', class: 'input' }) as HTMLSelectElement;
  const button = h(
    'button',
    { type: 'submit', class: 'button button-secondary', id: 'training-invite', disabled: true },
    t('pwDuties.trainings.invite'),
  );
  officeApi.pollWorkers(electionId, '', 'assigned').then((list) => {
    const open = list.rows.filter((row) => !invited.has(row.id));
    select.replaceChildren(...open.map((row) => h('option', { value: row.id }, `${row.familyName}, ${row.givenNames}`)));
    button.disabled = open.length === 0;
  }, fail(problem));
  const invite = (event: Event): void => {
    event.preventDefault();
    if (select.value) update(officeApi.inviteToTraining(electionId, detail.training.id, { personIds: [select.value] }));
  };
  return h(
    'form',
    { class: 'form', novalidate: true, onsubmit: invite },
    h('div', { class: 'field' }, h('label', { for: 'training-invite-person' }, t('pwDuties.trainings.invitePerson')), select),
    button,
    problem,
  );
}

function participantList(electionId: string, detail: TrainingDetail, update: Update): HTMLElement {
  if (detail.participants.length === 0)
    return h('p', { class: 'form-hint', id: 'training-participants-none' }, t('pwDuties.trainings.noneInvited'));
  const item = (participant: TrainingParticipant): HTMLElement => {
    const box = h('input', { type: 'checkbox', class: 'checkbox', id: `attended-${participant.personId}` }) as HTMLInputElement;
    box.checked = participant.attended === true;
    box.addEventListener('change', () =>
      update(officeApi.setTrainingAttendance(electionId, detail.training.id, participant.personId, box.checked)),
    );
    const district = participant.districtNumber ? ` (${participant.districtNumber})` : '';
    return h(
      'li',
      {},
      h(
        'label',
        { for: box.id, class: 'checkbox-label' },
        box,
        ' ',
        t('pwDuties.trainings.attendedBy', { name: `${participant.name}${district}` }),
      ),
    );
  };
  return h('ul', { class: 'plain-list', id: 'training-participants' }, ...detail.participants.map(item));
}
