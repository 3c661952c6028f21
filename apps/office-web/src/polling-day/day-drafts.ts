import type { DraftStorage } from '../reports/report-draft';

// What the board has typed into the day's forms but not saved yet, kept on the device per district
// and form: a reload, a dead battery or a lost connection loses nothing. Cleared when the entry is
// saved to the outbox (from then on the outbox holds it). Stored and cleared with the quick report's
// saveDraft/clearDraft.

export type DayForm = 'attendance' | 'opening' | 'turnout' | 'incident';

export const dayDraftKey = (electionId: string, districtId: string, form: DayForm): string =>
  `wahl.polling-day.draft.${form}.${electionId}.${districtId}`;

export function loadDayDraft<T extends object>(storage: DraftStorage | null, key: string, fallback: T): T {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return fallback;
    const parsed: unknown = JSON.parse(raw);
    // A draft of an older build may lack fields: the fallback fills them.
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...fallback, ...(parsed as Partial<T>) } : fallback;
  } catch {
    return fallback;
  }
}

/** The local clock time as HH:MM (the board's forms default to now). */
export const clockNow = (now: Date = new Date()): string =>
  `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;

/** The report time the board is most likely about to send: the latest one that has passed, else the first. */
export function dueSlot(slots: readonly string[], now: string): string {
  return [...slots].reverse().find((slot) => slot <= now) ?? slots[0] ?? '';
}
