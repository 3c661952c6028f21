// When quick reports arrive on election night, after the polls close at 18:00: few in the first
// 45 minutes (small polling districts), most between 18:45 and 20:30, a tail of big cities and
// postal districts to 22:00. A piecewise-uniform curve; the shares are this bench's assumption of
// a typical night, not a measured series.

/** Minutes after 18:00 and the share of all reports arriving in the segment ending there. */
export const NIGHT_CURVE: readonly { readonly untilMinute: number; readonly share: number }[] = [
  { untilMinute: 45, share: 0.04 }, // 18:00–18:45
  { untilMinute: 90, share: 0.36 }, // 18:45–19:30
  { untilMinute: 150, share: 0.46 }, // 19:30–20:30
  { untilMinute: 240, share: 0.14 }, // 20:30–22:00
];
export const NIGHT_MINUTES = 240;

/** The minute after 18:00 by which the fraction `q` (0–1) of all reports has arrived. */
export function minuteOfQuantile(q: number): number {
  let start = 0;
  let before = 0;
  for (const { untilMinute, share } of NIGHT_CURVE) {
    if (q <= before + share) return start + ((q - before) / share) * (untilMinute - start);
    before += share;
    start = untilMinute;
  }
  return NIGHT_MINUTES;
}

/** Offsets in ms for `count` reports in arrival order, the night compressed into `wallMs`. */
export const nightSchedule = (count: number, wallMs: number): number[] =>
  Array.from({ length: count }, (_, i) => (minuteOfQuantile((i + 0.5) / count) / NIGHT_MINUTES) * wallMs);

/** "18:45" for a minute after 18:00. */
export const clockOf = (minute: number): string =>
  `${String(18 + Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.floor(minute % 60)).padStart(2, '0')}`;
