import { formatStand, h } from '@wahl/web-kit';
import { connectionLabel, freshnessNotice, type ConnectionState } from '../model/freshness';

export type LiveStatusState = {
  readonly status: 'waiting' | 'counting' | 'provisional-final' | 'final' | null;
  readonly updatedAt: string | null;
  readonly connection: ConnectionState;
  readonly lastContactAt: number | null;
};

/** "● Live · Stand: 18:42 Uhr" and, below it, a notice when the numbers may not be current. */
export class LiveStatus {
  readonly element: HTMLElement;
  private readonly dot = h('span', { class: 'live-dot', 'aria-hidden': 'true' });
  private readonly label = h('span', { class: 'live-label' });
  private readonly stand = h('time', { class: 'stand', id: 'stand' });
  private readonly notice = h('div', { class: 'notice', id: 'connection-notice', hidden: true });
  private readonly noticeRegion = h('div', { role: 'status', 'aria-live': 'polite', class: 'notice-region' }, this.notice);
  private state: LiveStatusState = { status: null, updatedAt: null, connection: 'connecting', lastContactAt: null };

  constructor() {
    this.element = h(
      'div',
      { class: 'live-status' },
      h('p', { class: 'live-bar' }, this.dot, this.label, h('span', { class: 'live-sep', 'aria-hidden': 'true' }, '·'), this.stand),
      this.noticeRegion,
    );
  }

  update(state: Partial<LiveStatusState>, now = Date.now()): void {
    this.state = { ...this.state, ...state };
    const { connection, updatedAt } = this.state;
    this.element.dataset['connection'] = connection;
    this.label.textContent = connectionLabel(connection);
    if (updatedAt) {
      this.stand.dateTime = updatedAt;
      this.stand.textContent = formatStand(updatedAt, new Date(now));
    } else this.stand.textContent = '';
    const notice = freshnessNotice({ ...this.state, now });
    const text = notice?.text ?? '';
    // Only touch the live region when the words change, so screen readers hear each notice once.
    if (this.notice.textContent !== text) this.notice.textContent = text;
    this.notice.hidden = notice === null;
    this.notice.className = `notice notice-${notice?.tone ?? 'info'}`;
  }
}
