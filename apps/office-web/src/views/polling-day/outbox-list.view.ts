import { formatClockTime, h } from '@wahl/web-kit';
import { t } from '../../i18n/i18n';
import type { OutboxEntry, OutboxItem } from '../../polling-day/outbox';

// Every entry of the day on this device with its state: saved on the device, sent, confirmed by the
// office, or failed with what to do now (phone the office).

const summary = (entry: OutboxEntry): string => {
  switch (entry.kind) {
    case 'attendance':
      return t('day.sentAttendance', { count: entry.members.length });
    case 'opening':
      return t('day.sentOpening', { time: entry.openedAt });
    case 'turnout':
      return t('day.sentTurnout', { slot: entry.slot, voters: entry.marked + entry.certificates });
    case 'incident':
      return t('day.sentIncident', { time: entry.occurredAt, text: entry.text });
    case 'message-read':
      return t('day.sentMessageRead', { text: entry.text });
  }
};

const stateText = (item: OutboxItem): string =>
  item.state === 'confirmed' && item.receivedAt
    ? t('day.state.confirmedAt', { time: formatClockTime(item.receivedAt) })
    : t(`day.state.${item.state}`);

const row = (item: OutboxItem): HTMLElement =>
  h(
    'li',
    { class: `outbox-item outbox-${item.state}`, 'data-id': item.id, 'data-state': item.state },
    h('span', { class: 'outbox-what' }, summary(item.entry)),
    h('span', { class: 'outbox-state' }, stateText(item)),
    item.state === 'failed' ? h('span', { class: 'outbox-problem' }, item.problem ?? '', ' ', t('day.failedAction')) : null,
  );

export function outboxList(items: readonly OutboxItem[]): HTMLElement {
  return h(
    'div',
    { class: 'card panel' },
    h('h3', {}, t('day.outboxTitle')),
    items.length
      ? h('ol', { class: 'outbox', 'aria-live': 'polite' }, [...items].reverse().map(row))
      : h('p', { class: 'form-hint' }, t('day.outboxEmpty')),
  );
}
