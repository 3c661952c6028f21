import { BOARD_ROLES } from '@wahl/domain';
import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { AssignmentOverview, DistrictBoard } from '../../api/poll-workers.types';
import { t, type MessageKey } from '../../i18n/i18n';
import { fail } from '../polling-cards/cards-parts.view';
import { functionLabel } from './function-label';

const seatsOf = (board: DistrictBoard, fn: string): number => board.seats.find((seat) => seat.function === fn)?.needed ?? 0;

/** The seats per function of each urn and postal board (R7.1), one number field each, saved together. */
export function needsTable(electionId: string, overview: AssignmentOverview, onChanged: () => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'pw-needs-output' });
  const inputs = overview.boards.flatMap((board) =>
    BOARD_ROLES.map((fn) => ({
      districtId: board.districtId,
      fn,
      input: h('input', {
        type: 'number',
        class: 'input',
        id: `pw-need-${board.districtId}-${fn}`,
        min: '0',
        max: '20',
        inputmode: 'numeric',
        value: String(seatsOf(board, fn)),
        'aria-label': `${board.number} ${board.name}: ${functionLabel(fn)}`,
      }),
    })),
  );
  const save = (event: Event): void => {
    event.preventDefault();
    const needs = inputs.map(({ districtId, fn, input }) => ({ districtId, function: fn, seats: Number(input.value) }));
    const wrong = inputs.find(({ input }) => !/^\d+$/.test(input.value) || Number(input.value) > 20);
    if (wrong) {
      output.replaceChildren(
        h('p', { class: 'entry-problem', role: 'alert' }, t('pw.needsInvalid', { field: wrong.input.getAttribute('aria-label')! })),
      );
      return wrong.input.focus();
    }
    officeApi.setBoardNeeds(electionId, { needs }).then(() => onChanged(), fail(output));
  };
  const row = (board: DistrictBoard): HTMLElement =>
    h(
      'tr',
      { 'data-district': board.number },
      h('th', { scope: 'row' }, `${board.number} ${board.name} (${t(`pw.kind.${board.kind}` as MessageKey)})`),
      ...inputs.filter((entry) => entry.districtId === board.districtId).map((entry) => h('td', {}, entry.input)),
    );
  return h(
    'details',
    { id: 'pw-needs-each' },
    h('summary', {}, t('pw.needsEachTitle')),
    h(
      'form',
      { class: 'form', novalidate: true, onsubmit: save },
      h(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'pw-needs-caption' },
        h(
          'table',
          { class: 'data-table', id: 'pw-needs-table' },
          h('caption', { id: 'pw-needs-caption', class: 'sr-only' }, t('pw.needsEachTitle')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('pw.col.district')),
              ...BOARD_ROLES.map((fn) => h('th', { scope: 'col' }, functionLabel(fn))),
            ),
          ),
          h('tbody', {}, ...overview.boards.map(row)),
        ),
      ),
      h('button', { type: 'submit', class: 'button button-secondary', id: 'pw-needs-save' }, t('pw.needsSave')),
      output,
    ),
  );
}
