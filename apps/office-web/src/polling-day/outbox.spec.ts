import type { PollingDayEntryBody } from '@wahl/contracts';
import { describe, expect, it } from 'vitest';
import { backoffMs, loadOutbox, Outbox, type OutboxItem, type OutboxTransport } from './outbox';

const incident: PollingDayEntryBody = { kind: 'incident', occurredAt: '09:12', text: 'Stromausfall im Flur' };

class MemoryStorage {
  readonly values = new Map<string, string>();
  getItem = (key: string): string | null => this.values.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.values.set(key, value);
  removeItem = (key: string): void => void this.values.delete(key);
}

const offline = new Error('offline');

/** A server that stores each id once, and a switch for the connection. */
function fakeServer() {
  const stored = new Map<string, { id: string; kind: OutboxItem['entry']['kind']; receivedAt: string; replayed: boolean }>();
  const state = { online: true, refuse: null as string | null, calls: 0 };
  const transport: OutboxTransport = {
    send: async (item: OutboxItem) => {
      state.calls += 1;
      if (!state.online) throw offline;
      if (state.refuse) throw new Error(state.refuse);
      const known = stored.get(item.id);
      if (known) return { ...known, replayed: true };
      const answer = { id: item.id, kind: item.entry.kind, receivedAt: '2025-02-23T08:13:00.000Z', replayed: false };
      stored.set(item.id, answer);
      return answer;
    },
    classify: (error) => (error === offline ? { retry: true } : { retry: false, problem: (error as Error).message }),
  };
  return { stored, state, transport };
}

describe('Outbox', () => {
  it('should keep an entry saved on the device while offline and confirm it once the connection is back', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    let clock = new Date('2025-02-23T08:12:00Z');
    const outbox = new Outbox(
      storage,
      'k',
      server.transport,
      () => undefined,
      () => clock,
    );
    server.state.online = false;
    expect(outbox.add('a1b2c3d4-0000-4000-8000-000000000001', incident)).toBe(true);
    await outbox.flush();
    expect(outbox.list()[0]).toMatchObject({ state: 'saved', attempts: 1, retryAt: '2025-02-23T08:12:02.000Z' });
    // Not yet due: no second call.
    await outbox.flush();
    expect(server.state.calls).toBe(1);
    server.state.online = true;
    clock = new Date('2025-02-23T08:12:03Z');
    await outbox.flush();
    expect(outbox.list()[0]).toMatchObject({ state: 'confirmed', receivedAt: '2025-02-23T08:13:00.000Z' });
    expect(server.stored.size).toBe(1);
  });

  it('should queue a read receipt made offline behind the entries and keep it across a reload', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    const outbox = new Outbox(storage, 'k', server.transport, () => undefined);
    server.state.online = false;
    outbox.add('a1b2c3d4-0000-4000-8000-000000000009', { kind: 'message-read', messageId: 'm1', text: 'Schlüssel beim Hausmeister' });
    await outbox.flush();
    const reloaded = new Outbox(storage, 'k', server.transport, () => undefined);
    expect(reloaded.list()).toMatchObject([{ state: 'saved', entry: { kind: 'message-read', messageId: 'm1' } }]);
    server.state.online = true;
    await reloaded.retryNow();
    expect(reloaded.list()[0]).toMatchObject({ state: 'confirmed' });
    expect([...server.stored.values()].map((answer) => answer.kind)).toEqual(['message-read']);
  });

  it('should send an entry that was on its way when the page closed again with the same id, stored once', async () => {
    const storage = new MemoryStorage();
    const server = fakeServer();
    const first = new Outbox(storage, 'k', server.transport, () => undefined);
    first.add('a1b2c3d4-0000-4000-8000-000000000002', incident);
    await first.flush();
    // The answer was lost: the stored state still says "sent".
    const item = JSON.parse(storage.getItem('k')!)[0];
    storage.setItem('k', JSON.stringify([{ ...item, state: 'sent', receivedAt: null }]));
    const reopened = new Outbox(storage, 'k', server.transport, () => undefined);
    expect(reopened.list()[0]!.state).toBe('saved');
    await reopened.flush();
    expect(reopened.list()[0]!.state).toBe('confirmed');
    expect(server.stored.size).toBe(1);
    expect(server.state.calls).toBe(2);
  });

  it('should mark a refused entry as failed with the reason and go on with the next', async () => {
    const server = fakeServer();
    const outbox = new Outbox(new MemoryStorage(), 'k', server.transport, () => undefined);
    outbox.add('a1b2c3d4-0000-4000-8000-000000000003', incident);
    server.state.refuse = 'Sie sind nicht für Wahlbezirk 0102 angemeldet.';
    await outbox.flush();
    expect(outbox.list()[0]).toMatchObject({ state: 'failed', problem: 'Sie sind nicht für Wahlbezirk 0102 angemeldet.' });
  });

  it('should tell when the device cannot store, and read damaged storage as empty', () => {
    const outbox = new Outbox(null, 'k', fakeServer().transport, () => undefined);
    expect(outbox.add('a1b2c3d4-0000-4000-8000-000000000004', incident)).toBe(false);
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(loadOutbox(storage, 'k')).toEqual([]);
  });

  it('should back off 2, 4, 8 … seconds up to a minute', () => {
    expect([1, 2, 3, 4, 6, 10].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 60000, 60000]);
  });
});
