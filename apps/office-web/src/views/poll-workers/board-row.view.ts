import { REFUSAL_GROUND_LABELS } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { AssignmentSummary, DistrictBoard } from '../../api/poll-workers.types';
import { t, type MessageKey } from '../../i18n/i18n';
import { fail, number } from '../polling-cards/cards-parts.view';
import { functionLabel } from './function-label';
import { seatActions } from './seat-actions.view';
import { boardDropTarget, draggableMember } from './seat-move.view';

const stateLabel = (state: string): string => t(`pw.state.${state}` as MessageKey);

/**
 * One board: district and station, then per function its members, its refusals still waiting for a
 * substitute (R7.6) and its empty seats. A table row on wide screens; on a phone the stylesheet
 * stacks the cells into one card per board (the column names come from `data-label`).
 */
export function boardRow(electionId: string, board: DistrictBoard, onChanged: () => void): HTMLElement {
  const entries = board.seats.flatMap((seat) => {
    const refused = board.refused.filter((assignment) => assignment.function === seat.function);
    const empty = Math.max(0, seat.needed - seat.assignments.length - refused.length);
    return [
      ...seat.assignments.map((assignment) => member(electionId, assignment, onChanged)),
      ...refused.map((assignment) => refusedSeat(electionId, assignment, onChanged)),
      ...Array.from({ length: empty }, () =>
        h('li', { class: 'seat-gap', 'data-function': seat.function }, t('pw.seatEmpty', { function: functionLabel(seat.function) })),
      ),
    ];
  });
  const row = h(
    'tr',
    { 'data-district': board.number, class: board.gaps > 0 ? 'row-warning' : '' },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'board-district' }, `${board.number} ${board.name}`),
      board.station ? h('span', { class: 'board-station' }, board.station) : null,
    ),
    h('td', { 'data-label': t('pw.col.members') }, h('ul', { class: 'plain-list board-seats' }, ...entries)),
    h('td', { class: board.gaps > 0 ? 'board-gaps' : '', 'data-label': t('pw.col.gaps') }, number(board.gaps)),
    h('td', { 'data-label': t('pw.col.unconfirmed') }, number(board.unconfirmed)),
  );
  boardDropTarget(row, electionId, board.districtId, onChanged);
  return row;
}

function member(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement {
  const confirm = (): void => {
    officeApi
      .changeAssignmentState(electionId, assignment.id, { state: 'confirmed', refusalGround: null, note: '' })
      .then(() => onChanged(), fail(document.getElementById('pw-boards-output')!));
  };
  const item = h(
    'li',
    { 'data-assignment': assignment.id, 'data-function': assignment.function },
    `${functionLabel(assignment.function)}: ${assignment.personName} (${stateLabel(assignment.state)}) `,
    assignment.state === 'confirmed'
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'button button-small',
            onclick: confirm,
            'aria-label': t('pw.confirmFor', { name: assignment.personName }),
          },
          t('pw.confirm'),
        ),
    ...seatActions(electionId, assignment, onChanged),
  );
  draggableMember(item, assignment.id);
  return item;
}

/** A refused seat: still a gap, with who refused and why, and "Ersatz bestimmen" (the substitute is linked to it). */
function refusedSeat(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement {
  const ground = assignment.refusalGround ? REFUSAL_GROUND_LABELS[assignment.refusalGround] : '';
  return h(
    'li',
    { class: 'seat-gap seat-refused', 'data-assignment': assignment.id },
    t('pw.seatRefused', { function: functionLabel(assignment.function), name: assignment.personName, ground }),
    ' ',
    ...seatActions(electionId, assignment, onChanged),
  );
}
