import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { AssignmentOverview } from '../../api/poll-workers.types';
import { t } from '../../i18n/i18n';
import { alert, fail, number } from '../polling-cards/cards-parts.view';
import { boardRow } from './board-row.view';
import { functionLabel } from './function-label';
import { needsTable } from './needs-table.view';

const FUNCTIONS = ['chair', 'deputy-chair', 'secretary', 'deputy-secretary', 'assessor'] as const;
const DEFAULT_SEATS: Readonly<Record<(typeof FUNCTIONS)[number], number>> = {
  chair: 1,
  'deputy-chair': 1,
  secretary: 1,
  'deputy-secretary': 0,
  assessor: 2,
};

/** Seats per urn board, the proposal button, and every board with its members, gaps and unconfirmed seats. */
export function boardsPanel(electionId: string, onChanged: () => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'pw-boards-output' });
  const content = h('div', {});
  const inputs = FUNCTIONS.map((fn) =>
    h('input', { type: 'number', id: `pw-need-${fn}`, min: '0', max: '20', value: String(DEFAULT_SEATS[fn]), inputmode: 'numeric' }),
  );
  const applyNeeds = (): void => {
    const seats = Object.fromEntries(FUNCTIONS.map((fn, index) => [fn, Number(inputs[index]!.value)]));
    officeApi.setDefaultNeeds(electionId, { districtKind: 'polling', seats }).then(() => onChanged(), fail(output));
  };
  const propose = (): void => {
    officeApi.proposeAssignments(electionId).then((result) => {
      onChanged();
      const gaps = result.gaps.reduce((sum, gap) => sum + gap.missing, 0);
      document
        .getElementById('pw-boards-output')
        ?.replaceChildren(alert('success', t('pw.proposed', { count: number(result.proposed), gaps: number(gaps) })));
    }, fail(output));
  };
  officeApi
    .pollWorkerAssignments(electionId)
    .then((overview) => content.replaceChildren(...overviewParts(electionId, overview, onChanged)), fail(content));
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'pw-boards-title' },
    h('h2', { id: 'pw-boards-title', class: 'section-title' }, t('pw.boardsTitle')),
    h(
      'fieldset',
      { class: 'field-group' },
      h('legend', {}, t('pw.needsTitle')),
      h(
        'div',
        { class: 'field-row' },
        ...FUNCTIONS.map((fn, index) =>
          h('div', { class: 'field' }, h('label', { for: `pw-need-${fn}` }, functionLabel(fn)), inputs[index]!),
        ),
      ),
      h('button', { type: 'button', class: 'button button-secondary', id: 'pw-needs-apply', onclick: applyNeeds }, t('pw.needsApply')),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-primary', id: 'pw-propose', onclick: propose }, t('pw.propose')),
    ),
    output,
    content,
  );
}

function overviewParts(electionId: string, overview: AssignmentOverview, onChanged: () => void): HTMLElement[] {
  const { totals } = overview;
  const summary = h(
    'p',
    { id: 'pw-totals', class: totals.gaps > 0 ? 'status-warning' : 'status-ok' },
    t('pw.totals', {
      filled: number(totals.filled),
      seats: number(totals.seats),
      confirmed: number(totals.confirmed),
      gaps: number(totals.gaps),
      available: number(totals.available),
    }),
  );
  const boards = overview.boards.filter((board) => board.seats.length > 0);
  const table = h(
    'div',
    { class: 'table-scroll boards-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'pw-boards-title' },
    h(
      'table',
      { class: 'data-table boards-table', id: 'pw-boards' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('pw.col.district')),
          h('th', { scope: 'col' }, t('pw.col.members')),
          h('th', { scope: 'col' }, t('pw.col.gaps')),
          h('th', { scope: 'col' }, t('pw.col.unconfirmed')),
        ),
      ),
      h('tbody', {}, ...boards.map((board) => boardRow(electionId, board, onChanged))),
    ),
  );
  return [needsTable(electionId, overview, onChanged), summary, table];
}
