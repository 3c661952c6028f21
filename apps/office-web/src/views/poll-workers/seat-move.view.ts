import { BOARD_ROLES, type BoardRole } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { AssignmentSummary } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { alert, fail } from '../polling-cards/cards-parts.view';
import { functionLabel } from './function-label';

// Moving a member to another board or function (by drag on wide screens, by "Verschieben nach …"
// everywhere): both send the API's move (PATCH …/assignments/:id); a refusal is shown with its reason.

const RESERVE = '';
const MIME = 'application/x-wahl-assignment';
const boardsOutput = (): HTMLElement => document.getElementById('pw-boards-output')!;

function moveAssignment(electionId: string, assignmentId: string, districtId: string | null, fn: BoardRole, onChanged: () => void): void {
  officeApi.moveAssignment(electionId, assignmentId, { districtId, function: fn }).then(() => onChanged(), fail(boardsOutput()));
}

/** "Verschieben nach …": every board and function, and the reserve list; the choices load when opened. */
export function moveForm(electionId: string, assignment: AssignmentSummary, onChanged: () => void): HTMLElement {
  const id = `pw-move-${assignment.id}`;
  const target = h('select', { id, required: true }, h('option', { value: '-' }, t('pw.chooseTarget')));
  const load = (): void => {
    officeApi.pollWorkerAssignments(electionId).then((overview) => {
      const seats = overview.boards.flatMap((board) =>
        BOARD_ROLES.map((fn) =>
          h('option', { value: `${board.districtId}|${fn}` }, `${board.number} ${board.name} · ${functionLabel(fn)}`),
        ),
      );
      target.replaceChildren(
        h('option', { value: '-' }, t('pw.chooseTarget')),
        h('option', { value: `${RESERVE}|${assignment.function}` }, t('pw.reserve')),
        ...seats,
      );
    }, fail(boardsOutput()));
  };
  const save = (event: Event): void => {
    event.preventDefault();
    const [districtId, fn] = target.value.split('|');
    if (fn === undefined) {
      boardsOutput().replaceChildren(alert('error', t('pw.targetRequired')));
      target.focus();
      return;
    }
    moveAssignment(electionId, assignment.id, districtId || null, fn as BoardRole, onChanged);
  };
  const details = h(
    'details',
    { class: 'seat-action' },
    h('summary', {}, t('pw.move')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: save },
      h('label', { for: id }, t('pw.moveFor', { name: assignment.personName })),
      target,
      h('button', { type: 'submit', class: 'button button-small' }, t('pw.moveSave')),
    ),
  );
  details.addEventListener('toggle', () => {
    if ((details as HTMLDetailsElement).open) load();
  });
  return details;
}

/** A member that can be dragged with a mouse; on a touch screen "Verschieben nach …" does the same. */
export function draggableMember(item: HTMLElement, assignmentId: string): void {
  item.setAttribute('draggable', 'true');
  item.addEventListener('dragstart', (event) => {
    event.dataTransfer?.setData(MIME, assignmentId);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  });
}

/**
 * A board takes a dropped member: on an empty seat in that seat's function, elsewhere on the board
 * in the member's own function.
 */
export function boardDropTarget(row: HTMLElement, electionId: string, districtId: string, onChanged: () => void): void {
  const carries = (event: DragEvent): boolean => event.dataTransfer?.types.includes(MIME) ?? false;
  row.addEventListener('dragover', (event) => {
    if (!carries(event)) return;
    event.preventDefault();
    row.classList.add('drop-target');
  });
  row.addEventListener('dragleave', () => row.classList.remove('drop-target'));
  row.addEventListener('drop', (event) => {
    row.classList.remove('drop-target');
    const assignmentId = event.dataTransfer?.getData(MIME);
    if (!assignmentId) return;
    event.preventDefault();
    const seat = (event.target as HTMLElement).closest<HTMLElement>('[data-function]');
    const from = document.querySelector<HTMLElement>(`[data-assignment="${CSS.escape(assignmentId)}"]`);
    const fn = (seat?.dataset['function'] ?? from?.dataset['function']) as BoardRole | undefined;
    if (fn) moveAssignment(electionId, assignmentId, districtId, fn, onChanged);
  });
}
