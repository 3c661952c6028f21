import { REFUSAL_GROUNDS, REFUSAL_GROUND_LABELS, type RefusalGround } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { AssignmentSummary } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { moveForm } from './seat-move.view';

const boardsOutput = (): HTMLElement => document.getElementById('pw-boards-output')!;

/**
 * "Absage erfassen" with a required ground (BWO § 9; also after a confirmation), and for a seat not
 * yet confirmed or refused "Ersatz bestimmen" from the reserve and the unassigned pool (R7.6): the
 * substitute's assignment names the one it replaces (an unconfirmed one becomes "ersetzt"); and
 * "Verschieben nach …" to another board, function or the reserve.
 */
export function seatActions(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement[] {
  if (assignment.state === 'refused') return [substituteForm(electionId, assignment, onChanged)];
  const refusal = refusalForm(electionId, assignment, onChanged);
  const move = moveForm(electionId, assignment, onChanged);
  return assignment.state === 'confirmed' ? [move, refusal] : [move, refusal, substituteForm(electionId, assignment, onChanged)];
}

function refusalForm(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement {
  const id = `pw-refusal-${assignment.id}`;
  const ground = h(
    'select',
    { id, required: true },
    h('option', { value: '' }, t('pw.chooseGround')),
    ...REFUSAL_GROUNDS.map((value) => h('option', { value }, REFUSAL_GROUND_LABELS[value])),
  );
  const save = (event: Event): void => {
    event.preventDefault();
    if (!ground.value) {
      boardsOutput().replaceChildren(alert('error', t('pw.groundRequired')));
      ground.focus();
      return;
    }
    officeApi
      .changeAssignmentState(electionId, assignment.id, { state: 'refused', refusalGround: ground.value as RefusalGround, note: '' })
      .then(() => onChanged(), fail(boardsOutput()));
  };
  return h(
    'details',
    { class: 'seat-action' },
    h('summary', {}, t('pw.refuse')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: save },
      h('label', { for: id }, t('pw.groundFor', { name: assignment.personName })),
      ground,
      h('button', { type: 'submit', class: 'button button-small' }, t('pw.refuseSave')),
    ),
  );
}

function substituteForm(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement {
  const id = `pw-substitute-${assignment.id}`;
  const person = h('select', { id, required: true }, h('option', { value: '' }, t('pw.choosePerson')));
  const loadCandidates = (): void => {
    Promise.all([officeApi.pollWorkerAssignments(electionId), officeApi.pollWorkers(electionId, '', 'unassigned')]).then(
      ([overview, pool]) =>
        person.replaceChildren(
          h('option', { value: '' }, t('pw.choosePerson')),
          ...overview.reserve.map((entry) => h('option', { value: entry.personId }, `${entry.personName} (${t('pw.reserve')})`)),
          ...pool.rows.map((row) => h('option', { value: row.id }, `${row.givenNames} ${row.familyName}, ${row.city}`)),
        ),
      fail(boardsOutput()),
    );
  };
  const save = (event: Event): void => {
    event.preventDefault();
    if (!person.value) {
      boardsOutput().replaceChildren(alert('error', t('pw.personRequired')));
      person.focus();
      return;
    }
    officeApi
      .substitutePollWorker(electionId, assignment.id, { personId: person.value, note: '' })
      .then(() => onChanged(), fail(boardsOutput()));
  };
  const details = h(
    'details',
    { class: 'seat-action' },
    h('summary', {}, t('pw.substitute')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: save },
      h('label', { for: id }, t('pw.substituteFor', { name: assignment.personName })),
      person,
      h('button', { type: 'submit', class: 'button button-small' }, t('pw.substituteSave')),
    ),
  );
  // The pool is loaded when the form is opened, not for every seat of every board.
  details.addEventListener('toggle', () => {
    if ((details as HTMLDetailsElement).open) loadCandidates();
  });
  return details;
}
