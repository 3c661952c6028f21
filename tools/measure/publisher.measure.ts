// Measures one election's publisher in process (issue 16): the same code as a publication –
// LiveTotals → decideRelease (R8.5 + R8.7) → IncrementalResults.update – on a synthetic
// municipality: Stadtteile of 9 polling districts and one postal district each, about one district
// in twenty below the R8.5 thresholds. Half the districts report first; then `--publications`
// publications of `--reports` new reports each are timed (CPU time of this process).
// Run: npx tsx tools/measure/publisher.measure.ts --districts 10000,100000 [--full]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { LiveTotals } from '../../apps/api/src/modules/aggregation/live-totals';
import { IncrementalResults } from '../../apps/api/src/modules/publication/publisher/incremental-results';
import { buildPublicationSource } from '../../apps/api/src/modules/publication/publisher/publication-source';
import { IncrementalRelease } from '../../apps/api/src/modules/publication/publisher/incremental-release';
import { decideRelease, emptyLedger } from '../../apps/api/src/modules/publication/publisher/release-decisions';
import { contextOf, random, reportOf } from './synthetic-municipality';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '10000,100000' },
    publications: { type: 'string', default: '8' },
    reports: { type: 'string', default: '250' },
    // The full computation (decideRelease) instead of the publisher's incremental one, for comparison.
    full: { type: 'boolean', default: false },
  },
});

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
    results.update(live.state, live.journal, decided.released, decided.decisionJournal);
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
