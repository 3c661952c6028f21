import { formatClockTime, h } from '@wahl/web-kit';
import type { StationMessage } from '../../api/polling-day.types';
import { currentLanguage, t } from '../../i18n/i18n';
import { errorMessage } from '../error-message';

// Messages of the office (e.g. "Wahlraum 12: Schlüssel beim Hausmeister"): unread ones stand on top
// of the screen until a member confirms reading them; the office sees the receipt at once.

function unreadMessage(message: StationMessage, markRead: (id: string) => Promise<void>): HTMLElement {
  const problem = h('p', { class: 'entry-problem', role: 'alert' });
  const button = h('button', { type: 'button', class: 'button button-primary', id: `message-read-${message.id}` }, t('day.messageRead'));
  button.addEventListener('click', () => {
    button.disabled = true;
    markRead(message.id).catch((error: unknown) => {
      button.disabled = false;
      problem.textContent = errorMessage(error, currentLanguage(), t);
    });
  });
  return h(
    'div',
    { class: 'alert alert-warning day-message', 'data-message': message.id },
    h('h3', {}, t(message.toAll ? 'day.messageToAll' : 'day.messageToStation', { time: formatClockTime(message.sentAt) })),
    h('p', { class: 'day-message-text' }, message.text),
    button,
    problem,
  );
}

const readMessage = (message: StationMessage): HTMLElement =>
  h(
    'li',
    { 'data-message': message.id },
    h('span', {}, message.text),
    ' ',
    h(
      'span',
      { class: 'form-hint' },
      t('day.messageReadAt', { sent: formatClockTime(message.sentAt), read: formatClockTime(message.readAt!) }),
    ),
  );

export function messagesPanel(messages: readonly StationMessage[], markRead: (id: string) => Promise<void>): HTMLElement {
  const unread = messages.filter((message) => message.readAt === null);
  const read = messages.filter((message) => message.readAt !== null);
  return h(
    'div',
    { class: 'day-messages' },
    unread.map((message) => unreadMessage(message, markRead)),
    read.length
      ? h(
          'details',
          { class: 'day-read-messages' },
          h('summary', {}, t('day.readMessages', { count: read.length })),
          h('ul', {}, read.map(readMessage)),
        )
      : null,
  );
}
