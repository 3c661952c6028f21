import type { Arrivals } from './live-clients';

// The figures of `npm run bench:land` from the raw stamps: report → client arrival per level, and
// reports per second offered and confirmed.

export type ConfirmedReport = {
  readonly districtId: string;
  /** When the schedule offered the report (ms, shared clock). */
  readonly offeredAt: number;
  /** When the confirming request was sent and answered (ms, shared clock). */
  readonly approveSentAt: number;
  readonly confirmedAt: number;
};

export type ArrivalFigures = {
  /** (report, client) pairs measured. */
  readonly pairs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Versions × clients that never received a version's delta. */
  readonly missing: number;
};

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The first version whose delta carried each area, over all client processes. */
export function versionOfArea(processes: readonly Arrivals[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const { changedAreas } of processes)
    for (const [version, areas] of Object.entries(changedAreas))
      for (const area of areas) if ((first.get(area) ?? Infinity) > Number(version)) first.set(area, Number(version));
  return first;
}

/**
 * From sending a report's confirmation to the arrival of the first delta carrying its district at
 * every client of the group `label`: percentiles over all (report, client) pairs, by a 1 ms histogram.
 */
export function arrivalFigures(
  reports: readonly ConfirmedReport[],
  processes: readonly Arrivals[],
  label: string,
  connected: readonly number[],
): ArrivalFigures {
  const versionOf = versionOfArea(processes);
  const sentByVersion = new Map<number, number[]>();
  for (const report of reports) {
    const version = versionOf.get(report.districtId);
    if (version === undefined) continue;
    const sent = sentByVersion.get(version) ?? [];
    sent.push(report.approveSentAt);
    sentByVersion.set(version, sent);
  }
  const histogram: number[] = [];
  let pairs = 0;
  let missing = 0;
  for (const [version, sent] of sentByVersion) {
    processes.forEach((arrivals, index) => {
      const stamps = arrivals.arrivals[label]?.[version] ?? [];
      missing += Math.max(0, connected[index]! - stamps.length);
      for (const at of sent)
        for (const stamp of stamps) {
          const bucket = Math.max(0, Math.round(stamp - at));
          histogram[bucket] = (histogram[bucket] ?? 0) + 1;
          pairs += 1;
        }
    });
  }
  const rank = (q: number): number => {
    let seen = 0;
    for (let ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms] ?? 0;
      if (seen >= Math.ceil(q * pairs)) return ms;
    }
    return NaN;
  };
  return { pairs, p50Ms: round1(rank(0.5)), p99Ms: round1(rank(0.99)), maxMs: histogram.length - 1, missing };
}

/** Reports whose district no delta carried (should be none). */
export const unmatchedReports = (reports: readonly ConfirmedReport[], processes: readonly Arrivals[]): number => {
  const versionOf = versionOfArea(processes);
  return reports.filter((report) => !versionOf.has(report.districtId)).length;
};

/** The highest count of `times` (ms) within one second, and the mean rate over `from`–`to`. */
export function rates(times: readonly number[], from: number, to: number): { peakPerSecond: number; meanPerSecond: number } {
  const perSecond = new Map<number, number>();
  for (const at of times) perSecond.set(Math.floor((at - from) / 1000), (perSecond.get(Math.floor((at - from) / 1000)) ?? 0) + 1);
  return {
    peakPerSecond: Math.max(0, ...perSecond.values()),
    meanPerSecond: round1(times.length / Math.max(0.001, (to - from) / 1000)),
  };
}
