import type { PublicElectionSnapshot } from '@wahl/domain';
import { formatClockTime } from '@wahl/web-kit';

// Whether the numbers on screen can be trusted to be current, and what to tell the reader if not.

export type ConnectionState =
  /** First contact not made yet. */
  | 'connecting'
  /** The live channel is open: every published change arrives within about a second. */
  | 'live'
  /** The live channel dropped; socket.io is reconnecting. */
  | 'reconnecting'
  /** No live channel; the page asks the current pointer regularly (every 5 s to once a minute). */
  | 'polling'
  /** Neither the live channel nor the JSON answers. */
  | 'offline';

export type Notice = { readonly tone: 'info' | 'warning' | 'danger'; readonly text: string };

/** While counting goes on, no new result for this long is worth a word. */
export const STALE_AFTER_MS = 15 * 60_000;
/** Polling without the live channel: every 5 s after news, backing off to once a minute. */
export const POLL_MIN_MS = 5_000;
export const POLL_MAX_MS = 60_000;

/** The wait before the next poll: the shortest after a new version, else twice the last wait, at most a minute. */
export const nextPollDelay = (previous: number, changed: boolean): number => (changed ? POLL_MIN_MS : Math.min(previous * 2, POLL_MAX_MS));

/** Polling backs off to once a minute: no answer for half a minute longer means the copy on screen is old. */
export const POLL_STALE_AFTER_MS = 90_000;

export type FreshnessInput = {
  readonly status: PublicElectionSnapshot['status'] | null;
  readonly updatedAt: string | null;
  readonly connection: ConnectionState;
  /** When the page last heard from the server (snapshot, delta or JSON), ms since epoch. */
  readonly lastContactAt: number | null;
  readonly now: number;
};

export function freshnessNotice(input: FreshnessInput): Notice | null {
  const { connection, now } = input;
  const since = input.lastContactAt === null ? null : formatClockTime(new Date(input.lastContactAt).toISOString());
  if (connection === 'offline') {
    return {
      tone: 'danger',
      text: `Keine Verbindung zum Server${since ? ` seit ${since} Uhr` : ''}. Die angezeigten Zahlen sind möglicherweise nicht aktuell; die Seite versucht es weiter.`,
    };
  }
  if (connection === 'reconnecting')
    return {
      tone: 'warning',
      text: 'Verbindung unterbrochen – sie wird wiederhergestellt. Bis dahin ruft die Seite die Zahlen selbst ab.',
    };
  if (connection === 'polling' && input.lastContactAt !== null && now - input.lastContactAt > POLL_STALE_AFTER_MS) {
    return { tone: 'warning', text: `Die Zahlen konnten seit ${since} Uhr nicht mehr abgerufen werden.` };
  }
  if (input.status === 'counting' && input.updatedAt) {
    const updated = Date.parse(input.updatedAt);
    if (Number.isFinite(updated) && now - updated > STALE_AFTER_MS) {
      return {
        tone: 'info',
        text: `Seit ${formatClockTime(input.updatedAt)} Uhr sind keine neuen Ergebnisse eingegangen. Die Auszählung läuft noch; neue Meldungen erscheinen hier ohne Neuladen.`,
      };
    }
  }
  return null;
}

/** The short label beside "Stand", e.g. "Live". */
export function connectionLabel(connection: ConnectionState): string {
  switch (connection) {
    case 'live':
      return 'Live';
    case 'polling':
      return 'Aktualisierung ohne Live-Verbindung';
    case 'connecting':
      return 'Verbindung wird aufgebaut';
    case 'reconnecting':
      return 'Verbindung unterbrochen';
    case 'offline':
      return 'Offline';
  }
}
