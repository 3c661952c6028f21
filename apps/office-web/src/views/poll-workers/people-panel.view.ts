import { h } from '@wahl/web-kit';
import { officeApi } from '../../api/office-api';
import type { Duplicates, PollWorkerList, PollWorkerRow } from '../../api/poll-workers.types';
import { t, type MessageKey } from '../../i18n/i18n';
import { alert, fail, number } from '../polling-cards/cards-parts.view';
import { functionLabel } from './function-label';

const FILTERS = ['all', 'unassigned', 'assigned', 'unconfirmed', 'ineligible'] as const;

/** People with search and filter; assignment by list (district and function); earlier volunteers; duplicates. */
export function peoplePanel(electionId: string, onChanged: () => void, onEdit: (row: PollWorkerRow) => void): HTMLElement {
  const output = h('div', { 'aria-live': 'polite', id: 'pw-people-output' });
  const search = h('input', { type: 'search', id: 'pw-search', maxlength: '100' });
  const filter = h('select', { id: 'pw-filter' }, ...FILTERS.map((f) => h('option', { value: f }, t(`pw.filter.${f}` as MessageKey))));
  const list = h('div', {});
  const duplicates = h('div', {});
  const districts = officeApi.pollWorkerAssignments(electionId).then((overview) => overview.boards);

  const load = (): void => {
    officeApi
      .pollWorkers(electionId, search.value, filter.value)
      .then((result) => list.replaceChildren(...listParts({ electionId, districts, onChanged, onEdit }, result)), fail(list));
  };
  search.addEventListener('input', load);
  filter.addEventListener('change', load);
  const askEarlier = (): void => {
    officeApi.askEarlierPollWorkers(electionId).then((result) => {
      onChanged();
      document.getElementById('pw-people-output')?.replaceChildren(alert('success', t('pw.askedEarlier', { count: number(result.added) })));
    }, fail(output));
  };
  officeApi
    .pollWorkerDuplicates(electionId)
    .then((found) => duplicates.replaceChildren(duplicatesPart(electionId, found, onChanged)), fail(duplicates));
  load();
  return h(
    'section',
    { class: 'card panel', 'aria-labelledby': 'pw-people-title' },
    h('h2', { id: 'pw-people-title', class: 'section-title' }, t('pw.peopleTitle')),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'pw-search' }, t('pw.search')), search),
      h('div', { class: 'field' }, h('label', { for: 'pw-filter' }, t('pw.filter')), filter),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-secondary', id: 'pw-ask-earlier', onclick: askEarlier }, t('pw.askEarlier')),
    ),
    output,
    list,
    duplicates,
  );
}

type Boards = Promise<readonly { districtId: string; number: string; name: string }[]>;
interface ListContext {
  electionId: string;
  districts: Boards;
  onChanged: () => void;
  onEdit: (row: PollWorkerRow) => void;
}

function listParts(context: ListContext, result: PollWorkerList): HTMLElement[] {
  return [
    h('p', { class: 'form-hint', id: 'pw-count' }, t('pw.shown', { shown: number(result.rows.length), total: number(result.total) })),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'pw-people-title' },
      h(
        'table',
        { class: 'data-table', id: 'pw-people' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['name', 'birthDate', 'city', 'eligibility', 'assignment'].map((col) =>
              h('th', { scope: 'col' }, t(`pw.col.${col}` as MessageKey)),
            ),
          ),
        ),
        h('tbody', {}, ...result.rows.map((row) => personRow(context, row))),
      ),
    ),
  ];
}

function personRow(context: ListContext, row: PollWorkerRow): HTMLElement {
  const { electionId, districts, onChanged } = context;
  const name = `${row.familyName}, ${row.givenNames}`;
  const reason = row.pool?.ineligibilityReason;
  const eligibility = row.pool
    ? `${t(`pw.eligibility.${row.pool.eligibility}` as MessageKey)}${reason ? ` (${t(`pw.ineligibleReason.${reason}` as MessageKey)})` : ''}`
    : '–';
  let assignment: HTMLElement | string;
  if (row.assignment) assignment = `${row.assignment.districtNumber ?? t('pw.reserve')} · ${functionLabel(row.assignment.function)}`;
  else if (row.pool && (row.pool.eligibility === 'register' || row.pool.eligibility === 'declared'))
    assignment = assignForm(electionId, row, name, districts, onChanged);
  else assignment = '–';
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row' },
      name,
      ' ',
      h(
        'button',
        { type: 'button', class: 'button button-small', onclick: () => context.onEdit(row), 'aria-label': t('pw.editFor', { name }) },
        t('pw.edit'),
      ),
    ),
    h('td', {}, row.birthDate),
    h('td', {}, row.city),
    h('td', {}, eligibility),
    h('td', {}, assignment),
  );
}

function assignForm(electionId: string, row: PollWorkerRow, name: string, districts: Boards, onChanged: () => void): HTMLElement {
  const where = h('select', { 'aria-label': `${t('pw.assignTo')} (${name})` }, h('option', { value: '' }, t('pw.reserve')));
  districts.then(
    (boards) => where.append(...boards.map((board) => h('option', { value: board.districtId }, `${board.number} ${board.name}`))),
    () => undefined,
  );
  const assign = (): void => {
    officeApi
      .assignPollWorker(electionId, { personId: row.id, districtId: where.value || null, function: 'assessor' })
      .then(() => onChanged(), fail(document.getElementById('pw-people-output')!));
  };
  return h(
    'span',
    { class: 'inline-form' },
    where,
    h(
      'button',
      { type: 'button', class: 'button button-small', onclick: assign, 'aria-label': t('pw.assignFor', { name }) },
      t('pw.assign'),
    ),
  );
}

function duplicatesPart(electionId: string, found: Duplicates, onChanged: () => void): HTMLElement {
  if (found.groups.length === 0) return h('p', { class: 'form-hint', id: 'pw-duplicates' }, t('pw.noDuplicates'));
  return h(
    'div',
    { id: 'pw-duplicates' },
    h('h3', {}, t('pw.duplicatesTitle')),
    h(
      'ul',
      { class: 'plain-list' },
      ...found.groups.map((group) => {
        const [keepId, ...others] = group.personIds;
        const merge = (): void => {
          Promise.all(others.map((mergeId) => officeApi.mergePollWorkers(electionId, keepId!, mergeId))).then(
            () => onChanged(),
            fail(document.getElementById('pw-people-output')!),
          );
        };
        return h(
          'li',
          {},
          `${group.names.join(' / ')} (${t(`pw.reason.${group.reason}` as MessageKey)}) `,
          h(
            'button',
            { type: 'button', class: 'button button-small', onclick: merge, 'aria-label': t('pw.mergeInto', { name: group.names[0]! }) },
            t('pw.merge'),
          ),
        );
      }),
    ),
  );
}
