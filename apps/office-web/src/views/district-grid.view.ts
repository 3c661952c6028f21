import { DISTRICT_STATES, type DistrictState, type DistrictStatus } from '../api/election-night.types';
import { formatClockTime } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { countByState, filterByStates, STATE_SYMBOLS } from '../reports/district-states';
import { h } from './dom';
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
            h('span', { class: 'legend-text' }, h('span', { class: 'legend-label' }, t(`state.${state}`)), h('span', { class: 'legend-hint' }, t(`stateHint.${state}`))),
            h('span', { class: 'legend-count' }, String(counts[state])),
          ),
        ),
      ),
    ),
    options.filter.size
      ? h('button', { type: 'button', class: 'button button-link', 'data-focus-key': 'filter-clear', onclick: options.onClearFilter }, t('night.showAll'))
      : null,
  );
}

/** The map-like grid: one tile per district in the election's order. */
export function districtTiles(options: DistrictGridOptions): HTMLElement {
  const shown = filterByStates(options.districts, options.filter);
  if (shown.length === 0) return h('p', { class: 'empty-hint', role: 'status' }, t('night.noneInFilter'));
  return h(
    'ul',
    { class: 'tiles', id: 'district-tiles', 'aria-label': t('night.tilesLabel') },
    shown.map((district) =>
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
            'aria-pressed': options.selected === district.districtId ? 'true' : 'false',
            title: `${district.number} ${district.name}: ${t(`state.${district.state}`)}`,
            onclick: () => options.onSelect(district.districtId),
          },
          h('span', { class: 'tile-number' }, district.number),
          h('span', { class: 'tile-state' }, h('span', { class: 'tile-symbol', 'aria-hidden': 'true' }, STATE_SYMBOLS[district.state]), h('span', { class: 'sr-only' }, ` ${district.name}, `), h('span', { class: 'tile-label' }, t(`stateShort.${district.state}`))),
        ),
      ),
    ),
  );
}

/** The same districts as a list with who entered and confirmed. */
export function districtList(options: DistrictGridOptions): HTMLElement {
  const shown = filterByStates(options.districts, options.filter);
  const time = (iso: string | null): string => (iso ? formatClockTime(new Date(iso), currentLanguage()) : '–');
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'district-list-title' },
    h(
      'table',
      { class: 'data-table', id: 'district-list' },
      h('caption', { id: 'district-list-title', class: 'section-title' }, t('night.listTitle', { count: shown.length })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('night.col.number')),
          h('th', { scope: 'col' }, t('night.col.name')),
          h('th', { scope: 'col' }, t('night.col.state')),
          h('th', { scope: 'col' }, t('night.col.enteredBy')),
          h('th', { scope: 'col' }, t('night.col.confirmedBy')),
          h('th', { scope: 'col' }, t('night.col.updated')),
        ),
      ),
      h(
        'tbody',
        {},
        shown.map((district) =>
          h(
            'tr',
            { 'data-district': district.number, class: options.selected === district.districtId ? 'is-selected' : undefined },
            h('td', {}, h('button', { type: 'button', class: 'button-link mono', 'data-focus-key': `row-${district.districtId}`, onclick: () => options.onSelect(district.districtId) }, district.number)),
            h('td', {}, district.name, district.kind === 'postal' ? h('span', { class: 'badge badge-quiet' }, t('night.postal')) : null),
            h('td', {}, stateBadge(district.state)),
            h('td', {}, district.enteredBy ?? '–'),
            h('td', {}, district.confirmedBy ?? '–'),
            h('td', { class: 'mono' }, time(district.updatedAt)),
          ),
        ),
      ),
    ),
  );
}
