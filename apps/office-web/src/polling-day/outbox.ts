import type { PollingDayEntryBody, SentPollingDayEntry } from '@wahl/contracts';
import type { DraftStorage } from '../reports/report-draft';

// The board's sends of the day, kept on the device until the office has confirmed them. Each entry
// gets its id when it is saved; every retry sends that id, so the server stores it once however
// often a lost connection makes the device send again (polling-day API: 200 `replayed`).

/** A read receipt for an office message, queued like the entries so that reading offline is not lost. */
export type ReadReceipt = { readonly kind: 'message-read'; readonly messageId: string; readonly text: string };

/** What the outbox sends: an entry of the day or a read receipt. */
export type OutboxEntry = PollingDayEntryBody | ReadReceipt;

/** saved: on the device, waiting to be sent · sent: on its way · confirmed: the office stored it · failed: refused, act now. */
export type OutboxState = 'saved' | 'sent' | 'confirmed' | 'failed';

export type OutboxItem = {
  readonly id: string;
  readonly entry: OutboxEntry;
  readonly savedAt: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Not before this instant (ISO): the next try after a lost connection. */
  readonly retryAt: string | null;
  readonly receivedAt: string | null;
  /** Refused by the office: its German reason. */
  readonly problem: string | null;
};

/** What a failed send means for the outbox: try again later, or stop and tell the board. */
export type SendFailure = { readonly retry: true } | { readonly retry: false; readonly problem: string };

export type OutboxTransport = {
  send(item: OutboxItem): Promise<Pick<SentPollingDayEntry, 'receivedAt'>>;
  classify(error: unknown): SendFailure;
};

const MAX_BACKOFF_MS = 60_000;

/** 2 s, 4 s, 8 s … at most a minute between tries. */
export const backoffMs = (attempts: number): number => Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, attempts - 1));

export const outboxKey = (electionId: string, districtId: string): string => `wahl.polling-day.outbox.${electionId}.${districtId}`;

const isItem = (value: unknown): value is OutboxItem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OutboxItem).id === 'string' &&
  typeof (value as OutboxItem).entry === 'object' &&
  typeof (value as OutboxItem).state === 'string';

/** The stored items; one that was on its way when the page closed is sent again (same id, so never twice). */
export function loadOutbox(storage: DraftStorage | null, key: string): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isItem).map((item) => (item.state === 'sent' ? { ...item, state: 'saved' } : item));
  } catch {
    return [];
  }
}

/**
 * The outbox of one district on this device. `add` stores before anything is sent; `flush` sends
 * what is due, one at a time in the order saved, and stores every change of state at once.
 */
export class Outbox {
  private items: OutboxItem[];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly storage: DraftStorage | null,
    private readonly key: string,
    private readonly transport: OutboxTransport,
    private readonly onChange: (items: readonly OutboxItem[]) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.items = loadOutbox(storage, key);
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  /** False when the device could not store it (private mode, full storage): the screen says so. */
  add(id: string, entry: OutboxEntry): boolean {
    const item: OutboxItem = {
      id,
      entry,
      savedAt: this.now().toISOString(),
      state: 'saved',
      attempts: 0,
      retryAt: null,
      receivedAt: null,
      problem: null,
    };
    this.items = [...this.items, item];
    return this.persist();
  }

  /** Sends every due item; a second call while one runs waits for it. */
  flush(): Promise<void> {
    this.flushing ??= this.sendDue().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** After a lost connection came back: try at once instead of waiting for the back-off. */
  retryNow(): Promise<void> {
    this.items = this.items.map((item) => (item.state === 'saved' ? { ...item, retryAt: null } : item));
    this.persist();
    return this.flush();
  }

  private async sendDue(): Promise<void> {
    for (const { id } of this.items) {
      const item = this.items.find((candidate) => candidate.id === id);
      if (!item || item.state !== 'saved' || (item.retryAt && Date.parse(item.retryAt) > this.now().getTime())) continue;
      this.update(id, { state: 'sent', attempts: item.attempts + 1 });
      try {
        const answer = await this.transport.send(item);
        this.update(id, { state: 'confirmed', receivedAt: answer.receivedAt, retryAt: null, problem: null });
      } catch (error) {
        const failure = this.transport.classify(error);
        if (failure.retry) {
          this.update(id, { state: 'saved', retryAt: new Date(this.now().getTime() + backoffMs(item.attempts + 1)).toISOString() });
          // The connection is gone: the rest waits for the next round.
          return;
        }
        this.update(id, { state: 'failed', problem: failure.problem });
      }
    }
  }

  private update(id: string, change: Partial<OutboxItem>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...change } : item));
    this.persist();
  }

  private persist(): boolean {
    let stored = false;
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.items));
      stored = this.storage !== null;
    } catch {
      stored = false;
    }
    this.onChange(this.items);
    return stored;
  }
}
