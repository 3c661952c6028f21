// Measures one election's publisher in process (issue 16): the same code as a publication –
// LiveTotals → decideRelease (R8.5 + R8.7) → IncrementalResults.update – on a synthetic
// municipality: Stadtteile of 9 polling districts and one postal district each, about one district
// in twenty below the R8.5 thresholds. Half the districts report first; then `--publications`
// publications of `--reports` new reports each are timed (CPU time of this process).
// Run: npx tsx tools/measure/publisher.measure.ts --districts 10000,100000 [--full]
import type { QuickReport } from '@wahl/domain';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { LiveTotals } from '../../apps/api/src/modules/aggregation/live-totals';
import { buildElectionNightContext } from '../../apps/api/src/modules/elections/read-model/election-night-context';
import { IncrementalResults } from '../../apps/api/src/modules/publication/publisher/incremental-results';
import { buildPublicationSource } from '../../apps/api/src/modules/publication/publisher/publication-source';
import { IncrementalRelease } from '../../apps/api/src/modules/publication/publisher/incremental-release';
import { decideRelease, emptyLedger } from '../../apps/api/src/modules/publication/publisher/release-decisions';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '10000,100000' },
    publications: { type: 'string', default: '8' },
    reports: { type: 'string', default: '250' },
    // The full computation (decideRelease) instead of the publisher's incremental one, for comparison.
    full: { type: 'boolean', default: false },
  },
});
const PER_STADTTEIL = 10;

// Small deterministic PRNG (mulberry32) so every run measures the same data.
let seed = 20250223;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const contextOf = (count: number) => {
  const stadtteile = Math.ceil(count / PER_STADTTEIL);
  const districts = Array.from({ length: count }, (_, ordinal) => {
    const group = Math.floor(ordinal / PER_STADTTEIL);
    const postal = ordinal % PER_STADTTEIL === PER_STADTTEIL - 1;
    return {
      id: `d${ordinal}`,
      ordinal,
      areaId: postal ? null : `s${group}`,
      number: String(ordinal + 1).padStart(6, '0'),
      name: `Bezirk ${ordinal + 1}`,
      kind: postal ? ('postal' as const) : ('polling' as const),
      postalDistrictId: postal ? null : `d${group * PER_STADTTEIL + PER_STADTTEIL - 1}`,
      pollingStationId: null,
    };
  });
  return buildElectionNightContext({
    election: {
      id: 'e',
      officeId: 'o',
      name: 'Messwahl',
      kind: 'bundestag',
      electionDay: '2025-02-23',
      previousElectionName: null,
      municipalityAgs: '08999001',
      municipalityName: 'Messstadt',
      constituencyNumber: null,
      constituencyName: null,
    },
    areas: Array.from({ length: stadtteile }, (_, index) => ({
      id: `s${index}`,
      ordinal: index,
      key: String(index + 1),
      name: `Stadtteil ${index + 1}`,
      kind: 'stadtteil' as const,
      parentId: null,
    })),
    districts,
    stations: [],
    contests: [{ id: 'z', key: 'z', name: 'Zweitstimme', votesPerBallot: 1, ballotType: 'list' }],
    lists: ['a', 'b', 'c', 'd', 'e', 'f'].map((key, index) => ({
      id: `l${key}`,
      contestId: 'z',
      key,
      ballotPosition: index + 1,
      shortName: key.toUpperCase(),
      name: `Liste ${key.toUpperCase()}`,
      color: '#333333',
    })),
    previousResults: [],
  });
};

const reportOf = (districtId: string, postal: boolean): QuickReport => {
  const small = random() < 0.05;
  const voters = small ? 10 + Math.floor(random() * 30) : 300 + Math.floor(random() * 600);
  const votes: Record<string, number> = {};
  let left = voters;
  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    const share = Math.floor(left * random() * 0.5);
    votes[key] = share;
    left -= share;
  }
  votes['f'] = left;
  const eligible = postal ? null : Math.round(voters * 1.4);
  return {
    districtId,
    districtKind: postal ? 'postal' : 'polling',
    A: eligible,
    A1: eligible,
    A2: postal ? null : 0,
    A3: postal ? null : 0,
    B: voters,
    B1: 0,
    contests: [{ contestId: 'z', invalid: 0, valid: voters, votes }],
  };
};

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const measure = (count: number, publications: number, perPublication: number) => {
  const context = contextOf(count);
  const source = buildPublicationSource(context);
  const live = LiveTotals.build(context.tree, []);
  const order = context.districts.map((district) => district).sort(() => random() - 0.5);
  let next = 0;
  const report = (n: number) => {
    for (const district of order.slice(next, next + n)) {
      live.apply({ districtId: district.id, revision: 1, next: reportOf(district.id, district.kind === 'postal') });
    }
    next += n;
  };
  const ledger = emptyLedger();
  const results = new IncrementalResults(source);
  const release = new IncrementalRelease(source);
  const nothingStored = { releases: [], record: [] };
  const publish = () => {
    const decideStart = process.cpuUsage();
    const decided = values.full
      ? decideRelease(source, live.state, nothingStored, ledger)
      : release.decide(live.state, live.journal, nothingStored, ledger);
    const decide = cpuMs(decideStart);
    const resultsStart = process.cpuUsage();
    results.update(live.state, live.journal, decided.released);
    results.sent();
    return { decide, results: cpuMs(resultsStart) };
  };
  report(Math.floor(count / 2));
  publish();
  const runs: { decide: number; results: number }[] = [];
  for (let index = 0; index < publications; index++) {
    report(perPublication);
    runs.push(publish());
  }
  const mean = (pick: (run: { decide: number; results: number }) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return { districts: count, decideMs: mean((run) => run.decide), resultsMs: mean((run) => run.results) };
};

const publications = Number(values.publications);
const perPublication = Number(values.reports);
const figures = values.districts.split(',').map((size) => {
  const figure = measure(Number(size), publications, perPublication);
  console.log(
    `${figure.districts} districts: R8.5 + R8.7 decisions ${figure.decideMs.toFixed(1)} ms, results ${figure.resultsMs.toFixed(1)} ms CPU per publication of ${perPublication} reports`,
  );
  return figure;
});
console.log(
  JSON.stringify({
    publisher: figures.map((figure) => ({
      districts: figure.districts,
      decisions_cpu_ms_per_publication: Number(figure.decideMs.toFixed(2)),
      results_cpu_ms_per_publication: Number(figure.resultsMs.toFixed(2)),
      decisions_cpu_ms_per_report: Number((figure.decideMs / perPublication).toFixed(3)),
    })),
    reports_per_publication: perPublication,
    computation: values.full ? 'full' : 'incremental',
    load_average_1m: Number(loadavg()[0]!.toFixed(1)),
  }),
);
