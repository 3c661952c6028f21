// R8.7 benchmark: the publication log's check (libs/domain differencing.ts, release-plan.ts) over a
// whole election night for 300 and 10,000 districts in 10 Stadtteile under one town. 4 % of the
// districts are small and merged in pairs, 2 % are small and withheld (no partner); the rest are
// published on their own. Reports arrive in a fixed random order; like the publisher (at most one
// publication a second), a publication follows every `batch` reports: 1 at 300 districts, 25 at
// 10,000 (400 publications a night). Prints CPU per publication (mean and worst) and per report, and
// the time to replay the stored log after a restart; ends with one JSON line.
// Options: `npm run bench:differencing -- --sizes 300,10000`.
import { planRelease, PublicationLog, type PublicationDecision, type ReleaseArea, type ReleaseEntry } from '@wahl/domain';

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

type Night = {
  readonly ids: string[];
  readonly partner: Map<string, string>;
  readonly withheld: Set<string>;
  readonly areas: ReleaseArea[];
};

const night = (size: number): Night => {
  const ids = Array.from({ length: size }, (_, index) => `d${String(index).padStart(5, '0')}`);
  const partner = new Map<string, string>();
  const withheld = new Set<string>();
  for (let index = 0; index + 1 < size; index += 50) {
    partner.set(ids[index]!, ids[index + 1]!);
    partner.set(ids[index + 1]!, ids[index]!);
    withheld.add(ids[index + 2]!);
  }
  const districtsPer = Math.ceil(size / 10);
  const parts = Array.from({ length: 10 }, (_, part) => ({
    id: `stadtteil-${part}`,
    districtIds: ids.slice(part * districtsPer, (part + 1) * districtsPer),
  }));
  return { ids, partner, withheld, areas: [{ id: 'gemeinde', districtIds: ids }, ...parts.filter((part) => part.districtIds.length > 0)] };
};

const decisionsOf = ({ ids, partner, withheld }: Night, reported: ReadonlySet<string>): Record<string, PublicationDecision> => {
  const decisions: Record<string, PublicationDecision> = {};
  for (const id of ids) {
    const other = partner.get(id);
    if (!reported.has(id)) decisions[id] = { decision: 'withhold', reason: 'not-reported' };
    else if (withheld.has(id) || (other !== undefined && !reported.has(other)))
      decisions[id] = { decision: 'withhold', reason: 'below-threshold' };
    else decisions[id] = other === undefined ? { decision: 'publish' } : { decision: 'merge-with', districtId: other };
  }
  return decisions;
};

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const results: Record<string, number> = {};
for (const size of sizes) {
  const setup = night(size);
  const order = [...setup.ids].sort(() => random() - 0.5);
  const log = PublicationLog.empty();
  const stored: ReleaseEntry[] = [];
  const reported = new Set<string>();
  const batch = Math.max(1, Math.round(size / 400));
  let total = 0;
  let worst = 0;
  let publications = 0;
  let heldBack = 0;
  for (const [index, id] of order.entries()) {
    reported.add(id);
    if ((index + 1) % batch !== 0 && index + 1 !== order.length) continue;
    // The decisions are R8.5's input, built outside the timed part (the publisher has them already).
    const decisions = decisionsOf(setup, reported);
    const start = process.cpuUsage();
    const plan = planRelease(log, { decisions, reported, areas: setup.areas });
    const spent = cpuMs(start);
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
