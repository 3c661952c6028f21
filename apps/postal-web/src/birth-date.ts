// The birth date typed as day, month and year (three short fields are easier on a phone than a date
// picker and read well with a screen reader); the API takes `YYYY-MM-DD`.

export type BirthDateFields = { readonly day: string; readonly month: string; readonly year: string };

export type BirthDateResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export function birthDateFromFields(fields: BirthDateFields, today: Date = new Date()): BirthDateResult {
  const [day, month, year] = [fields.day.trim(), fields.month.trim(), fields.year.trim()];
  if (!day || !month || !year) return { ok: false, message: 'Bitte Tag, Monat und Jahr Ihres Geburtsdatums angeben.' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: 'Bitte das Geburtsdatum in Ziffern angeben, z. B. 04 05 1971.' };
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: 'Dieses Datum gibt es nicht.' };
  }
  if (y < 1900 || date.getTime() > today.getTime()) return { ok: false, message: 'Bitte prüfen Sie das Geburtsjahr.' };
  return { ok: true, value: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The card's token from the page address: `/briefwahl/<token>` or the short QR link `/b/<token>`. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/(?:briefwahl|b)\/([A-Za-z0-9_-]{16,86})\/?$/.exec(pathname);
  return match ? match[1]! : null;
}
