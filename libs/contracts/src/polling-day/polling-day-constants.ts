// Constants of the polling day the web apps use at run time; no zod here (kept out of the bundles).

export const POLLING_DAY_ENTRY_KINDS = ['attendance', 'opening', 'turnout', 'incident'] as const;
export type PollingDayEntryKind = (typeof POLLING_DAY_ENTRY_KINDS)[number];

/** Office socket events of the polling day (namespace `/office`). */
export const POLLING_DAY_EVENTS = {
  /** A station sent an entry: `PollingDayEntryEvent` (kind and ids, never names or texts). */
  entry: 'polling-day:entry',
  /** A station read a message of the office: `PollingDayMessageReadEvent`. */
  messageRead: 'polling-day:message-read',
} as const;

/** Turnout report times when the office has set none (practice, DOMAIN.md R7.12). */
export const DEFAULT_TURNOUT_SLOTS = ['10:00', '12:00', '14:00', '16:00'] as const;

/** A station that has sent nothing for this long is flagged on the monitor (default). */
export const DEFAULT_SILENT_AFTER_MINUTES = 60;

/** The result status as the public and the office read it (BWO §§ 71, 72, 76; domain RESULT_STATUSES). */
export const RESULT_STATUS_LABELS = {
  none: 'noch kein Ergebnis',
  interim: 'Zwischenergebnis',
  provisional: 'vorläufiges Ergebnis',
  final: 'endgültiges Ergebnis',
} as const;

/** A Wahlniederschrift counts once this many different members present have signed it (four eyes). */
export const RECORD_REQUIRED_SIGNATURES = 2;
