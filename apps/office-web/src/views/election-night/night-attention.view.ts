import { h } from '@wahl/web-kit';
import type { DistrictStatus } from '../../api/election-night.types';
import { t } from '../../i18n/i18n';
import { attentionShown, type AttentionItem } from '../../reports/district-states';
import { stateBadge } from '../report-parts.view';

const ATTENTION_LIMIT = 50;

const attentionText = (item: AttentionItem): string => {
  if (item.kind === 'flagged') return t('attention.flagged', { left: item.left ?? '?', right: item.right });
  if (item.kind === 'rejected') return item.reason ? t('board.rejectedReason', { reason: item.reason }) : t('state.rejected');
  return `${item.rule}: ${item.message}`;
};

/** What needs the office: mismatches, rejections, confirmed warnings; a district's name selects it. */
export function nightAttention(districts: readonly DistrictStatus[], select: (districtId: string) => void): Node[] {
  const { items, total, more } = attentionShown(districts, ATTENTION_LIMIT);
  return [
    h('h2', { id: 'attention-title', class: 'section-title' }, t('attention.title', { count: total })),
    items.length === 0
      ? h('p', { class: 'empty-hint' }, t('attention.none'))
      : h(
          'ul',
          { class: 'attention-list', id: 'attention-list' },
          items.map((item) => attentionEntry(item, select)),
        ),
    ...(more > 0 ? [h('p', { class: 'form-hint' }, t('attention.more', { count: more }))] : []),
  ];
}

function attentionEntry(item: AttentionItem, select: (districtId: string) => void): HTMLElement {
  return h(
    'li',
    { class: `attention-item attention-${item.kind}`, 'data-district': item.district.number },
    h(
      'button',
      { type: 'button', class: 'button-link attention-district', onclick: () => select(item.district.districtId) },
      t('attention.district', { number: item.district.number, name: item.district.name }),
    ),
    item.kind === 'warning'
      ? h('span', { class: 'finding-rule' }, h('span', { 'aria-hidden': 'true' }, '! '), t('attention.confirmedWarning'))
      : stateBadge(item.district.state),
    h('p', {}, attentionText(item)),
    item.kind === 'warning' && item.comment
      ? h('p', { class: 'finding-comment' }, t('detail.confirmedWith', { comment: item.comment }))
      : null,
  );
}
