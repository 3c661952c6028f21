import { h, onDispose, onWindow } from '@wahl/web-kit';
import { ApiError } from '../../api/api-error';
import { officeApi } from '../../api/office-api';
import type { Actor } from '../../api/office-api.types';
import type { DistrictDay, PollingDayEntryBody, StationMessage } from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { Outbox, outboxKey, type OutboxItem, type OutboxTransport, type SendFailure } from '../../polling-day/outbox';
import { browserStorage, newIdempotencyKey } from '../../reports/report-draft';
import { errorMessage } from '../error-message';
import { attendanceForm, incidentForm, openingForm, turnoutForm, type DayFormContext } from './board-day-forms.view';
import { messagesPanel } from './board-messages.view';
import { outboxList } from './outbox-list.view';

// The board's day at the polling station (DOMAIN.md 7.2, 7.3): messages of the office on top, then
// attendance, opening, turnout and incidents. Everything saved goes into the outbox on the device
// first and is sent from there; the last known day (report times, messages) is kept on the device
// too, so the screen opens and works without a connection.

const FLUSH_MS = 5000;
const REFRESH_MS = 30_000;

/** A message whose receipt waits in the outbox counts as read on this device (since it was saved). */
const withQueuedReceipts = (messages: readonly StationMessage[], items: readonly OutboxItem[]): StationMessage[] =>
  messages.map((message) => {
    const receipt = items.find((item) => item.entry.kind === 'message-read' && item.entry.messageId === message.id);
    return message.readAt || !receipt ? message : { ...message, readAt: receipt.savedAt };
  });

const dayCacheKey = (electionId: string, districtId: string): string => `wahl.polling-day.day.${electionId}.${districtId}`;

/** Lost connection, server trouble or a limit: keep it and try again; anything else the office refused. */
const classify = (error: unknown): SendFailure =>
  error instanceof ApiError && error.status !== 0 && error.status < 500 && error.status !== 408 && error.status !== 429
    ? { retry: false, problem: errorMessage(error, currentLanguage(), t) }
    : { retry: true };

export type BoardDayOptions = { readonly actor: Actor; readonly electionId: string; readonly districtId: string };

export function boardDayView({ actor, electionId, districtId }: BoardDayOptions): HTMLElement {
  const storage = browserStorage();
  const messages = h('div', { id: 'day-messages' });
  const connection = h('div', { id: 'day-connection', role: 'status', class: 'day-connection' });
  const forms = h('div', { class: 'day-forms' });
  const sent = h('div', { id: 'day-outbox' });
  const root = h(
    'section',
    { class: 'board-day', 'aria-labelledby': 'day-title' },
    h('h2', { id: 'day-title' }, t('day.title')),
    connection,
    messages,
    forms,
    sent,
  );

  const transport: OutboxTransport = {
    send: (item: OutboxItem) =>
      item.entry.kind === 'message-read'
        ? officeApi.markMessageRead(electionId, districtId, item.entry.messageId).then(({ readAt }) => ({ receivedAt: readAt }))
        : officeApi.sendPollingDayEntry(electionId, districtId, { id: item.id, savedAt: item.savedAt, entry: item.entry }),
    classify,
  };
  const outbox = new Outbox(storage, outboxKey(electionId, districtId), transport, (items) => sent.replaceChildren(outboxList(items)));
  sent.replaceChildren(outboxList(outbox.list()));

  // Reading is confirmed through the outbox like every send: offline it waits on the device.
  const markRead =
    (shown: readonly StationMessage[]) =>
    (messageId: string): Promise<void> => {
      const text = shown.find((message) => message.id === messageId)?.text ?? '';
      outbox.add(newIdempotencyKey(), { kind: 'message-read', messageId, text });
      return outbox.flush().then(() => refresh());
    };

  const save = (entry: PollingDayEntryBody): boolean => {
    const stored = outbox.add(newIdempotencyKey(), entry);
    void outbox.flush();
    return stored;
  };

  const showDay = (day: DistrictDay, live: boolean): void => {
    connection.replaceChildren(live ? '' : h('div', { class: 'alert alert-warning' }, h('p', {}, t('day.offline'))));
    messages.replaceChildren(messagesPanel(withQueuedReceipts(day.messages, outbox.list()), markRead(day.messages)));
    if (forms.childElementCount === 0) {
      const context: DayFormContext = { storage, electionId, districtId, save };
      const turnout = day.districtKind === 'polling' ? [turnoutForm(context, day.settings.turnoutSlots)] : [];
      forms.replaceChildren(
        attendanceForm(context, actor.username, day.quorumRule, officeApi.boardRoster(electionId, districtId)),
        openingForm(context),
        ...turnout,
        incidentForm(context),
      );
    }
  };

  const cached = (): DistrictDay | null => {
    try {
      return JSON.parse(storage?.getItem(dayCacheKey(electionId, districtId)) ?? 'null') as DistrictDay | null;
    } catch {
      return null;
    }
  };

  function refresh(): Promise<void> {
    return officeApi.districtDay(electionId, districtId).then(
      (day) => {
        try {
          storage?.setItem(dayCacheKey(electionId, districtId), JSON.stringify(day));
        } catch {
          // The screen works on; only the offline copy is older.
        }
        showDay(day, true);
      },
      () => {
        const day = cached();
        if (day) showDay(day, false);
        else connection.replaceChildren(h('div', { class: 'alert alert-warning' }, h('p', {}, t('day.offlineNoCopy'))));
      },
    );
  }

  void refresh();
  void outbox.flush();
  const flushTimer = setInterval(() => void outbox.flush(), FLUSH_MS);
  const refreshTimer = setInterval(() => void refresh(), REFRESH_MS);
  onDispose(root, () => {
    clearInterval(flushTimer);
    clearInterval(refreshTimer);
  });
  onWindow(root, 'online', () => {
    void outbox.retryNow();
    void refresh();
  });
  onWindow(root, 'offline', () => void refresh());
  return root;
}
