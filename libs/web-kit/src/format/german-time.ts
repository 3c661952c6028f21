// Clock times of the results ("Stand: 18:42 Uhr") in the time zone of German town halls, whatever
// the reader's device is set to: the count happens in Germany.
const ZONE = 'Europe/Berlin';

const clock = new Intl.DateTimeFormat('de-DE', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('de-DE', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** "2025-02-23T17:42:10Z" → "18:42" (CET). */
export function formatClockTime(iso: string): string {
  const date = parse(iso);
  return date ? clock.format(date) : '–';
}

/** "2025-02-23T17:42:10Z" → "23.02.2025". */
export function formatDayDate(iso: string): string {
  const date = parse(iso);
  return date ? day.format(date) : '–';
}

/** "Stand: 18:42 Uhr" on the day itself; with the date once the day has passed ("Stand: 23.02.2025, 18:42 Uhr"). */
export function formatStand(iso: string, now: Date): string {
  const date = parse(iso);
  if (!date) return 'Stand: –';
  const time = `${clock.format(date)} Uhr`;
  return day.format(date) === day.format(now) ? `Stand: ${time}` : `Stand: ${day.format(date)}, ${time}`;
}
