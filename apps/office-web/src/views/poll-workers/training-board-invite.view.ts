import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { TrainingDetail } from '../../api/poll-worker-duties.types';
import type { PollWorkerRow } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { fail, number } from '../polling-cards/cards-parts.view';

export type Update = (next: Promise<TrainingDetail>, done?: (detail: TrainingDetail) => string) => void;

const WITHOUT_TRAINING = '*';

/** Everyone already invited to one of the election's sessions (one session per person, R7.20). */
async function invitedAnywhere(electionId: string): Promise<Set<string>> {
  const sessions = await officeApi.trainings(electionId);
  const details = await Promise.all(sessions.map((session) => officeApi.training(electionId, session.id)));
  return new Set(details.flatMap((detail) => detail.participants.map((participant) => participant.personId)));
}

/**
 * Invites a whole board with one click, or every board member without a session yet; the API takes
 * up to 1,000 at once and refuses them all when the places do not suffice.
 */
export function boardInviteForm(electionId: string, detail: TrainingDetail, update: Update): HTMLElement {
  const problem = h('div', { 'aria-live': 'polite' });
  const select = h(
    'select',
    { id: 'training-invite-board', class: 'input' },
    h('option', { value: WITHOUT_TRAINING }, t('pwDuties.trainings.boardsWithout')),
  ) as HTMLSelectElement;
  const button = h(
    'button',
    { type: 'submit', class: 'button button-secondary', id: 'training-invite-board-send', disabled: true },
    t('pwDuties.trainings.inviteBoard'),
  );
  const members = officeApi.pollWorkers(electionId, '', 'assigned').then((list) => list.rows.filter((row) => row.assignment?.districtId));
  members.then((rows) => {
    const boards = new Map(rows.map((row) => [row.assignment!.districtId!, row.assignment!.districtNumber ?? '']));
    const sorted = [...boards].sort(([, a], [, b]) => a.localeCompare(b, 'de', { numeric: true }));
    select.append(...sorted.map(([id, number]) => h('option', { value: id }, t('pwDuties.trainings.boardOf', { number }))));
    button.disabled = rows.length === 0;
  }, fail(problem));

  const chosen = async (rows: readonly PollWorkerRow[]): Promise<string[]> => {
    if (select.value !== WITHOUT_TRAINING) return rows.filter((row) => row.assignment!.districtId === select.value).map((row) => row.id);
    const invited = await invitedAnywhere(electionId);
    return rows.filter((row) => !invited.has(row.id)).map((row) => row.id);
  };
  const invite = (event: Event): void => {
    event.preventDefault();
    problem.replaceChildren();
    members.then(chosen).then((personIds) => {
      if (personIds.length === 0) return problem.replaceChildren(h('p', { class: 'form-hint' }, t('pwDuties.trainings.nobodyToInvite')));
      update(officeApi.inviteToTraining(electionId, detail.training.id, { personIds }), (next) =>
        t('pwDuties.trainings.boardInvited', { count: number(personIds.length), total: number(next.participants.length) }),
      );
    }, fail(problem));
  };
  return h(
    'form',
    { class: 'form', novalidate: true, onsubmit: invite },
    h('div', { class: 'field' }, h('label', { for: 'training-invite-board' }, t('pwDuties.trainings.board')), select),
    button,
    problem,
  );
}
