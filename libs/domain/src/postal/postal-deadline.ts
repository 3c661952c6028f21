import type { IsoDate } from '../election/election-definition.types';
import { addDays, isoDateToDayNumber } from '../election/iso-date';

// When Wahlschein applications close. Deadlines are German wall-clock times (Europe/Berlin), so the
// instant depends on summer time; the clock is never read here: callers pass `now`.
//
// - BWO § 27(4) S. 1: applications until the second day before the election (Friday), 18:00. The day
//   is the election's `postalApplicationDeadline` (resolveDeadlines, overridable per election, R0.1).
// - BWO § 27(4) S. 3: on proven sudden illness an application is accepted until election day, 15:00
//   (only at the office: it needs the medical proof, so not online).

export const POSTAL_APPLICATION_CLOSING_HOUR = 18;
export const SUDDEN_ILLNESS_CLOSING_HOUR = 15;

const BERLIN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Berlin is ahead of UTC at an instant (60 in winter, 120 in summer). */
function berlinOffsetMinutes(at: number): number {
  const parts: Record<string, number> = {};
  for (const part of BERLIN.formatToParts(new Date(at))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant of a Berlin wall-clock time on a calendar day (times that exist on that day). */
export function berlinTime(day: IsoDate, hour: number, minute = 0): Date {
  const dayNumber = isoDateToDayNumber(day);
  if (dayNumber === null) throw new RangeError(`Not a calendar date: ${day}`);
  const wall = dayNumber * 86_400_000 + (hour * 60 + minute) * 60_000;
  // The offset at the guessed instant, then once more at the corrected one (a change in between).
  let instant = wall - berlinOffsetMinutes(wall - 60 * 60_000) * 60_000;
  instant = wall - berlinOffsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** The Berlin calendar day of an instant. */
export function berlinDay(at: Date): IsoDate {
  const shifted = new Date(at.getTime() + berlinOffsetMinutes(at.getTime()) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

export type PostalDeadlineInput = {
  readonly electionDay: IsoDate;
  /** `postalApplicationDeadline` of the election's resolved deadlines. */
  readonly postalApplicationDeadline: IsoDate;
};

export type PostalApplicationTimes = {
  /** BWO § 27(4) S. 1: end of ordinary (also online) applications. */
  readonly closesAt: Date;
  /** BWO § 27(4) S. 3: end of applications on proven sudden illness (at the office). */
  readonly suddenIllnessClosesAt: Date;
  /** Wahlscheine are issued at the latest while the polls are open (election day, 18:00). */
  readonly issuingClosesAt: Date;
  /**
   * A replacement for a certificate that did not arrive: until the day before the election, 12:00
   * (BWO § 28(10) [UNCERTAIN paragraph number: the rule is the federal one, check the BW KomWO]).
   */
  readonly replacementClosesAt: Date;
};

export function postalApplicationTimes(input: PostalDeadlineInput): PostalApplicationTimes {
  return {
    closesAt: berlinTime(input.postalApplicationDeadline, POSTAL_APPLICATION_CLOSING_HOUR),
    suddenIllnessClosesAt: berlinTime(input.electionDay, SUDDEN_ILLNESS_CLOSING_HOUR),
    issuingClosesAt: berlinTime(input.electionDay, 18),
    replacementClosesAt: berlinTime(addDays(input.electionDay, -1), 12),
  };
}

export type ApplicationTimingError = 'deadline-passed' | 'sudden-illness-deadline-passed' | 'received-in-future';

/**
 * Whether an application received at `receivedAt` is in time. Online applications arrive `now`; a
 * paper application counts from the day it reached the office, even if a clerk enters it later.
 */
export function applicationTiming(
  times: PostalApplicationTimes,
  application: { readonly receivedAt: Date; readonly suddenIllness: boolean },
  now: Date,
): ApplicationTimingError | null {
  if (application.receivedAt.getTime() > now.getTime() + 60_000) return 'received-in-future';
  if (application.receivedAt.getTime() < times.closesAt.getTime()) return null;
  if (!application.suddenIllness) return 'deadline-passed';
  return application.receivedAt.getTime() < times.suddenIllnessClosesAt.getTime() ? null : 'sudden-illness-deadline-passed';
}

const GERMAN_DAY = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const GERMAN_TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });

/** `Freitag, 23. Februar 2029, 18:00 Uhr` */
export function germanDeadline(at: Date): string {
  return `${GERMAN_DAY.format(at)}, ${GERMAN_TIME.format(at)} Uhr`;
}
