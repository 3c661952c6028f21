import { h } from '@wahl/web-kit';
import type { RollSummary } from '../../api/roll.types';
import { t } from '../../i18n/i18n';
import { number, stat } from './roll-parts.view';

/** The built roll: totals, voters per district, residents not entered per reason. */
export function summaryPanel(summary: RollSummary | null): HTMLElement {
  if (!summary?.totals) {
    return h(
      'section',
      { class: 'card panel', 'aria-labelledby': 'summary-title' },
      h('h2', { id: 'summary-title', class: 'section-title' }, t('roll.summaryTitle')),
      h('p', { class: 'empty-hint' }, t('roll.summaryEmpty')),
    );
  }
  const totals = summary.totals;
  return h(
    'section',
    { class: 'card panel', id: 'roll-summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title', class: 'section-title' }, t('roll.summaryTitle')),
    h(
      'dl',
      { class: 'stats' },
      stat(t('roll.residents'), number(totals.residents), 'roll-residents'),
      stat(t('roll.voters'), number(totals.voters), 'roll-voters'),
      stat(t('roll.withPostalVote'), number(totals.withPostalVote)),
      stat(t('roll.notEntered'), number(totals.notEntered), 'roll-not-entered'),
      stat(t('roll.unassigned'), number(totals.unassigned), 'roll-unassigned'),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'roll-districts-title' },
      h(
        'table',
        { class: 'data-table', id: 'roll-districts' },
        h('caption', { id: 'roll-districts-title', class: 'section-title' }, t('roll.perDistrict')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('night.col.number')),
            h('th', { scope: 'col' }, t('night.col.name')),
            h('th', { scope: 'col', class: 'num' }, t('roll.voters')),
            h('th', { scope: 'col', class: 'num' }, t('roll.withPostalVoteShort')),
            h('th', { scope: 'col', class: 'num' }, t('roll.removed')),
          ),
        ),
        h(
          'tbody',
          {},
          summary.districts.map((district) =>
            h(
              'tr',
              { 'data-district': district.number },
              h('td', { class: 'mono' }, district.number),
              h('td', {}, district.name),
              h('td', { class: 'num' }, number(district.voters)),
              h('td', { class: 'num' }, number(district.withPostalVote)),
              h('td', { class: 'num' }, number(district.removed)),
            ),
          ),
        ),
      ),
    ),
    h(
      'table',
      { class: 'data-table', id: 'roll-reasons' },
      h('caption', { class: 'section-title' }, t('roll.perReason')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('roll.reason')), h('th', { scope: 'col', class: 'num' }, t('roll.count')))),
      h(
        'tbody',
        {},
        summary.notEntered.length
          ? summary.notEntered.map((reason) =>
              h(
                'tr',
                { 'data-reason': reason.reason },
                h('td', { class: 'wrap' }, reason.label),
                h('td', { class: 'num' }, number(reason.count)),
              ),
            )
          : h('tr', {}, h('td', { colspan: 2 }, t('roll.noneNotEntered'))),
      ),
    ),
  );
}
