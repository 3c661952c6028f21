const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** An ISO calendar date in long German form: "2025-02-23" → "Sonntag, 23. Februar 2025" (or "23. Februar 2025"). */
export function formatGermanDate(isoDate: string, options: { readonly weekday?: boolean } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // UTC: a calendar date has no time zone and must not shift by a day.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return isoDate;
  const long = `${day}. ${MONTHS[month - 1]} ${year}`;
  return options.weekday === false ? long : `${WEEKDAYS[date.getUTCDay()]}, ${long}`;
}
