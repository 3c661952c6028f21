import type { Totals } from '../api/election-night.types';
import { formatNumber, formatPercentValue, formatPointChange } from '../format/format';
import { currentLanguage, t } from '../i18n/i18n';
import { h } from '@wahl/web-kit';

// The municipality's running totals on the dashboard: reported districts (P12), turnout over the
// complete units only (P10), votes and shares per list with the change against the previous
// election. Bars repeat the printed share; the list colour is a marker, never the only carrier.

export function electionTotalsView(totals: Totals): HTMLElement {
  const language = currentLanguage();
  const stat = (label: string, value: string, hint?: string, id?: string): HTMLElement =>
    h(
      'div',
      { class: 'stat', id },
      h('dt', {}, label),
      h('dd', {}, h('span', { class: 'stat-value' }, value), hint ? h('span', { class: 'stat-hint' }, hint) : null),
    );
  return h(
    'section',
    { class: 'card panel totals', id: 'totals', 'aria-labelledby': 'totals-title' },
    h('h2', { id: 'totals-title', class: 'section-title' }, t('totals.title', { area: totals.area.name })),
    h(
      'p',
      { class: 'card-meta' },
      t(totals.complete ? 'totals.complete' : 'totals.partial', { reported: totals.reported, expected: totals.expected }),
    ),
    h(
      'dl',
      { class: 'stats' },
      stat(t('totals.eligible'), formatNumber(totals.eligible, language)),
      stat(t('totals.voters'), formatNumber(totals.voters, language)),
      stat(
        t('totals.turnout'),
        formatPercentValue(totals.turnout.percent, language),
        t('totals.turnoutUnits', { complete: totals.turnout.completeUnits, total: totals.turnout.totalUnits }),
        'totals-turnout',
      ),
    ),
    totals.contests.map((contest) =>
      h(
        'div',
        { class: 'contest-totals', 'data-contest': contest.key },
        h('h3', {}, contest.name),
        h(
          'p',
          { class: 'card-meta' },
          t('totals.validInvalid', {
            valid: formatNumber(contest.valid, language),
            invalid: formatNumber(contest.invalid, language),
            percent: formatPercentValue(contest.invalidPercent, language),
          }),
        ),
        h(
          'table',
          { class: 'share-table' },
          h('caption', { class: 'sr-only' }, t('totals.sharesCaption', { contest: contest.name })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('totals.list')),
              h('th', { scope: 'col' }, t('totals.votes')),
              h('th', { scope: 'col' }, t('totals.share')),
              h('th', { scope: 'col' }, t('totals.change')),
            ),
          ),
          h(
            'tbody',
            {},
            contest.lists.map((list) =>
              h(
                'tr',
                { 'data-list': list.key },
                h(
                  'th',
                  { scope: 'row' },
                  h('span', { class: 'list-swatch', style: `background: ${list.color}`, 'aria-hidden': 'true' }),
                  list.shortName,
                  h(
                    'span',
                    { class: 'share-bar', 'aria-hidden': 'true' },
                    h('span', { style: `width: ${Math.min(100, Math.max(0, list.percent ?? 0))}%; background: ${list.color}` }),
                  ),
                ),
                h('td', { class: 'num' }, formatNumber(list.votes, language)),
                h('td', { class: 'num' }, formatPercentValue(list.percent, language)),
                h('td', { class: 'num' }, formatPointChange(list.changePoints, language)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
