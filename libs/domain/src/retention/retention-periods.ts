import type { ElectionKind, IsoDate } from '../election/election-definition.types';
import { addDays, compareIsoDates, isoDateToDayNumber, dayNumberToIsoDate } from '../election/iso-date';

// R8.4: how long an election's personal data is kept, per category, from the election day. The
// clock is never read here: callers pass today's German calendar day.

/** What the retention engine deletes; results, the audit chain and the election definition are kept. */
export const RETENTION_CATEGORIES = ['card-pieces', 'attempts', 'postal', 'roll', 'poll-workers', 'polling-day'] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** A period after the election day: whole calendar months, or days. */
export type RetentionPeriod = { readonly months: number } | { readonly days: number };

/** German names of the categories, for the office screen, the CLI and messages. */
export const RETENTION_CATEGORY_LABELS: Readonly<Record<RetentionCategory, string>> = {
  'card-pieces': 'Daten der Wahlbenachrichtigungen',
  attempts: 'Zugriffsversuche und Anmeldungen der Wahlvorstände',
  postal: 'Wahlscheinanträge und Wahlscheine',
  roll: 'Wählerverzeichnis und Melderegister-Importe',
  'poll-workers': 'Wahlhelferinnen und Wahlhelfer ohne Einwilligung für künftige Wahlen',
  'polling-day': 'Meldungen des Wahltags (Anwesenheit, Vorkommnisse, Lesebestätigungen)',
};

// - roll, postal: BWO § 90(2): rolls and Wahlschein registers are destroyed six months after the
//   election, unless a pending Wahlprüfung or prosecution needs them (the legal hold).
// - card-pieces: BWO § 90(1): collected polling cards are destroyed without delay. The stored card
//   contents (name, address per piece) are needed until the result is final (a Wahlprüfung may ask
//   which card went where); 14 days covers the final determination by the election committees.
// - attempts: no statute; records of wrong birth dates on the postal link only serve against
//   guessing while applications are open. Art. 5(1)(e) GDPR (storage limitation): 30 days.
// - poll-workers: BWahlG § 9(4): data of board members may be kept for later elections only if the
//   person does not object; the sign-up asks for consent. Without it the pool entries and seats of
//   the election and the people in no other election's pool go with the roll, six months after.
// - polling-day: the board's entries of the day name members (attendance, who sent what, who read a
//   message). The signed Wahlniederschrift keeps what the record needs (it is a Wahlunterlage and
//   stays); the day's log only backs it in a Wahlprüfung, so it follows the roll: BWO § 90(2) by
//   analogy, six months. [UNCERTAIN] no statute names this log.
// - BW municipal kinds (KomWO) and the Landtag (LWO): [UNCERTAIN] DOMAIN.md R8.4 could not confirm
//   the periods; assumed the federal ones. Change them here per kind once the Wahlleiter confirms.
const FEDERAL: Readonly<Record<RetentionCategory, RetentionPeriod>> = {
  'card-pieces': { days: 14 },
  attempts: { days: 30 },
  postal: { months: 6 },
  roll: { months: 6 },
  'poll-workers': { months: 6 },
  'polling-day': { months: 6 },
};

export const RETENTION_PERIODS: Readonly<Record<ElectionKind, Readonly<Record<RetentionCategory, RetentionPeriod>>>> = {
  bundestag: FEDERAL,
  europawahl: FEDERAL,
  'landtag-bw': FEDERAL,
  'gemeinderat-bw': FEDERAL,
  'kreistag-bw': FEDERAL,
  'buergermeister-bw': FEDERAL,
};

/**
 * The last day of a period that starts with the election day (BGB §§ 187(1), 188(2),(3)): the day
 * of the event does not count; a month period ends on the day of the same number, or on the last
 * day of the month when that month is shorter (31 August + 6 months → 28 February).
 */
export function periodEnd(electionDay: IsoDate, period: RetentionPeriod): IsoDate {
  if ('days' in period) return addDays(electionDay, period.days);
  const start = new Date(isoDateToDayNumber(electionDay)! * 86_400_000);
  const monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + period.months;
  const [year, month] = [Math.floor(monthIndex / 12), monthIndex % 12];
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayNumberToIsoDate(Date.UTC(year, month, Math.min(start.getUTCDate(), lastOfMonth)) / 86_400_000);
}

/** The first day on which a category may be deleted: the day after its period ends. */
export function retentionDueDay(kind: ElectionKind, electionDay: IsoDate, category: RetentionCategory): IsoDate {
  return addDays(periodEnd(electionDay, RETENTION_PERIODS[kind][category]), 1);
}

export const isRetentionDue = (dueDay: IsoDate, today: IsoDate): boolean => compareIsoDates(today, dueDay) >= 0;

/** Attempt records not tied to an election (sign-in failures) are kept this many days (Art. 5(1)(e) GDPR). */
export const UNTIED_ATTEMPT_RECORD_DAYS = 30;
