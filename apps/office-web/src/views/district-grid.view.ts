import { DISTRICT_STATES, type DistrictState, type DistrictStatus } from '../api/election-night.types';
import { formatClockTime } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { countByState, filterByStates, STATE_SYMBOLS } from '../reports/district-states';
import { h, keyedChildren } from '@wahl/web-kit';
import { stateBadge } from './report-parts.view';

// The dashboard's district overview: legend and filter in one (symbol, text, count per state),
// a map-like grid of tiles, and the same districts as a list.

export type DistrictGridOptions = {
  readonly districts: readonly DistrictStatus[];
  readonly filter: ReadonlySet<DistrictState>;
  readonly selected: string | null;
  readonly onToggleFilter: (state: DistrictState) => void;
  readonly onClearFilter: () => void;
  readonly onSelect: (districtId: string) => void;
};

/** Legend and filter: each state with its symbol, text, short explanation and count; pressing filters. */
export function stateFilter(options: DistrictGridOptions): HTMLElement {
  const counts = countByState(options.districts);
  return h(
    'div',
    { class: 'legend', role: 'group', 'aria-labelledby': 'legend-title' },
    h('h2', { id: 'legend-title', class: 'section-title' }, t('night.legend')),
    h('p', { class: 'form-hint' }, t('night.legendHint')),
    h(
      'ul',
      { class: 'legend-list' },
      DISTRICT_STATES.map((state) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `legend-item state-${state}`,
              'aria-pressed': options.filter.has(state) ? 'true' : 'false',
              'data-filter': state,
              'data-focus-key': `filter-${state}`,
              onclick: () => options.onToggleFilter(state),
            },
            h('span', { class: 'legend-symbol', 'aria-hidden': 'true' }, STATE_SYMBOLS[state]),
            h(
              'span',
              { class: 'legend-text' },
              h('span', { class: 'legend-label' }, t(`state.${state}`)),
              h('span', { class: 'legend-hint' }, t(`stateHint.${state}`)),
            ),
            h('span', { class: 'legend-count' }, String(counts[state])),
          ),
        ),
      ),
    ),
    options.filter.size
      ? h(
          'button',
          { type: 'button', class: 'button button-link', 'data-focus-key': 'filter-clear', onclick: options.onClearFilter },
          t('night.showAll'),
        )
      : null,
  );
}

/** The map-like grid: one tile per district in the election's order, patched in place on updates. */
export function createDistrictTiles(): { readonly element: HTMLElement; readonly update: (options: DistrictGridOptions) => void } {
  const list = h('ul', { class: 'tiles', id: 'district-tiles', 'aria-label': t('night.tilesLabel') });
  const empty = h('p', { class: 'empty-hint', role: 'status', hidden: true }, t('night.noneInFilter'));
  let current: DistrictGridOptions | null = null;
  const sync = keyedChildren<DistrictStatus>(
    list,
    (district) => district.districtId,
    (district) => `${district.state}|${current?.selected === district.districtId}`,
    (district) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `tile state-${district.state}`,
            'data-district': district.number,
            'data-state': district.state,
            'data-focus-key': `tile-${district.districtId}`,
            'aria-pressed': current?.selected === district.districtId ? 'true' : 'false',
            title: `${district.number} ${district.name}: ${t(`state.${district.state}`)}`,
            onclick: () => current?.onSelect(district.districtId),
          },
          h('span', { class: 'tile-number' }, district.number),
          h(
            'span',
            { class: 'tile-state' },
            h('span', { class: 'tile-symbol', 'aria-hidden': 'true' }, STATE_SYMBOLS[district.state]),
            h('span', { class: 'sr-only' }, ` ${district.name}, `),
            h('span', { class: 'tile-label' }, t(`stateShort.${district.state}`)),
          ),
        ),
      ),
  );
  return {
    element: h('div', {}, list, empty),
    update: (options) => {
      current = options;
      const shown = filterByStates(options.districts, options.filter);
      sync(shown);
      list.hidden = shown.length === 0;
      empty.hidden = shown.length > 0;
    },
  };
}

/** More rows than this are left to the filters: a list of thousands helps nobody on election night. */
const LIST_LIMIT = 500;

/** The same districts as a list with who entered and confirmed, patched in place on updates. */
export function createDistrictList(): { readonly element: HTMLElement; readonly update: (options: DistrictGridOptions) => void } {
  const time = (iso: string | null): string => (iso ? formatClockTime(new Date(iso), currentLanguage()) : '–');
  const caption = h('caption', { id: 'district-list-title', class: 'section-title' });
  const body = h('tbody', {});
  let current: DistrictGridOptions | null = null;
  const sync = keyedChildren<DistrictStatus>(
    body,
    (district) => district.districtId,
    (district) =>
      [district.state, district.enteredBy, district.confirmedBy, district.updatedAt, current?.selected === district.districtId].join('|'),
    (district) =>
      h(
        'tr',
        { 'data-district': district.number, class: current?.selected === district.districtId ? 'is-selected' : undefined },
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'button-link mono',
              'data-focus-key': `row-${district.districtId}`,
              onclick: () => current?.onSelect(district.districtId),
            },
            district.number,
          ),
        ),
        h('td', {}, district.name, district.kind === 'postal' ? h('span', { class: 'badge badge-quiet' }, t('night.postal')) : null),
        h('td', {}, stateBadge(district.state)),
        h('td', { class: 'people' }, h('span', {}, district.enteredBy ?? '–'), h('span', {}, district.confirmedBy ?? '–')),
        h('td', { class: 'mono' }, time(district.updatedAt)),
      ),
  );
  const element = h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'district-list-title' },
    h(
      'table',
      { class: 'data-table', id: 'district-list' },
      caption,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('night.col.number')),
          h('th', { scope: 'col' }, t('night.col.name')),
          h('th', { scope: 'col' }, t('night.col.state')),
          h('th', { scope: 'col' }, t('night.col.people')),
          h('th', { scope: 'col' }, t('night.col.updated')),
        ),
      ),
      body,
    ),
  );
  return {
    element,
    update: (options) => {
      current = options;
      const matching = filterByStates(options.districts, options.filter);
      const shown = matching.slice(0, LIST_LIMIT);
      caption.replaceChildren(
        t('night.listTitle', { count: matching.length }),
        ...(matching.length > shown.length
          ? [h('span', { class: 'form-hint' }, ` – ${t('night.listLimited', { shown: shown.length })}`)]
          : []),
      );
      sync(shown);
    },
  };
}
