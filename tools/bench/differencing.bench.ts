// R8.7 benchmark: the publication log's check (libs/domain differencing.ts, release-plan.ts) over a
// whole election night for 300 and 10,000 districts in 10 Stadtteile under one town; 6 % of the
// districts are small (B < 50), and R8.5 over time (the publisher's `decideWithRecord`: pairs stay
// pairs, a district once public alone is never a partner) merges or withholds them. Reports arrive in a fixed random order; like the
// publisher (at most one publication a second), a publication follows every `batch` reports: 1 at
// 300 districts, 25 at 10,000 (400 publications a night). Only the R8.7 check is timed. Prints CPU
// per publication (mean and worst) and per report, the time to replay the stored log after a
// restart, and how many reported districts the town still holds back at the end; ends with one
// JSON line. Options: `npm run bench:differencing -- --sizes 300,10000`.
import { planRelease, PublicationLog, type PublicationDistrict, type QuickReport, type ReleaseArea, type ReleaseEntry } from '@wahl/domain';
import {
  decideWithRecord,
  EMPTY_RECORD,
  recordDecisions,
  type RecordedPublication,
} from '../../apps/api/src/modules/publication/publisher/publication-decisions';

const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
};
const sizes = argument('sizes', '300,10000').split(',').map(Number);

// Deterministic inputs so that runs are comparable (xorshift32).
let seed = 0x2545f491;
const random = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};

type Night = { readonly districts: PublicationDistrict[]; readonly reports: Map<string, QuickReport>; readonly areas: ReleaseArea[] };

const night = (size: number): Night => {
  const perPart = Math.ceil(size / 10);
  const districts = Array.from({ length: size }, (_, index): PublicationDistrict => ({
    id: `d${String(index).padStart(5, '0')}`,
    kind: 'polling',
    parent: `stadtteil-${Math.floor(index / perPart)}`,
  }));
  const reports = new Map(
    districts.map((district) => {
      const B = random() < 0.06 ? 20 + Math.floor(random() * 25) : 300 + Math.floor(random() * 400);
      const report: QuickReport = {
        districtId: district.id,
        districtKind: 'polling',
        A: B * 2,
        A1: B * 2,
        A2: 0,
        A3: 0,
        B,
        B1: 0,
        contests: [{ contestId: 'x', invalid: 0, valid: B, votes: { a: B } }],
      };
      return [district.id, report];
    }),
  );
  const parts = new Map<string, string[]>();
  for (const district of districts) parts.set(district.parent, [...(parts.get(district.parent) ?? []), district.id]);
  const areas = [{ id: 'gemeinde', districtIds: districts.map((district) => district.id) }];
  for (const [id, districtIds] of parts) areas.push({ id, districtIds });
  return { districts, reports, areas };
};

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const results: Record<string, number> = {};
for (const size of sizes) {
  const setup = night(size);
  const order = setup.districts.map((district) => district.id).sort(() => random() - 0.5);
  const log = PublicationLog.empty();
  const stored: ReleaseEntry[] = [];
  const reported = new Set<string>();
  let recorded: RecordedPublication = EMPTY_RECORD;
  const batch = Math.max(1, Math.round(size / 400));
  let total = 0;
  let worst = 0;
  let publications = 0;
  let heldBack = 0;
  for (const [index, id] of order.entries()) {
    reported.add(id);
    if ((index + 1) % batch !== 0 && index + 1 !== order.length) continue;
    // R8.5's decisions are the input, made outside the timed part (the publisher has them already).
    const reports = [...reported].map((districtId) => setup.reports.get(districtId)!);
    const { decisions } = decideWithRecord(setup.districts, reports, recorded);
    const start = process.cpuUsage();
    const plan = planRelease(log, { decisions, reported, areas: setup.areas });
    const spent = cpuMs(start);
    recorded = recordDecisions(plan.decisions, recorded).recorded;
    stored.push(...plan.entries);
    heldBack = plan.aggregates.get('gemeinde')!.heldBack.length;
    total += spent;
    worst = Math.max(worst, spent);
    publications += 1;
  }
  const replayStart = process.cpuUsage();
  const replayed = PublicationLog.empty();
  for (const entry of stored) replayed.replay(entry);
  const replay = cpuMs(replayStart);
  console.log(
    `${size} districts: ${publications} publications of ${batch} report(s), ${(total / publications).toFixed(2)} ms CPU per publication ` +
      `(worst ${worst.toFixed(1)} ms), ${(total / size).toFixed(3)} ms per report; ${stored.length} log entries, replay ${replay.toFixed(0)} ms; ` +
      `at the end ${heldBack} district(s) held back from the town`,
  );
  results[`cpuPerPublicationMs_${size}`] = Number((total / publications).toFixed(2));
  results[`worstPublicationMs_${size}`] = Number(worst.toFixed(1));
  results[`cpuPerReportMs_${size}`] = Number((total / size).toFixed(3));
  results[`replayMs_${size}`] = Number(replay.toFixed(0));
}
console.log(JSON.stringify(results));
