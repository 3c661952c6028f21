const DAY = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
const DAY_TIME = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `21.02.2025` for an instant (German calendar day). */
export const germanDay = (at: Date): string => DAY.format(at);

/** `21.02.2025, 17:30` for an instant. */
export const germanDayTime = (at: Date): string => DAY_TIME.format(at);

/** `2025-02-21` → `21.02.2025` */
export const germanIsoDay = (day: string): string => day.split('-').reverse().join('.');
