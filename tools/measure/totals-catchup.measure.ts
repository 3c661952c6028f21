// Measures what one publication costs process A after process B counted one report (issue 16): the
// totals read with the catch-up (revision sum, the rows past A's counted_seq marker, applied to the
// same LiveTotals, so the publisher stays incremental) against the full rebuild it replaces (every
// counted row read, LiveTotals.build, the publisher's full path). Both variants run interleaved on
// the same data in a scratch database of the local PostgreSQL (created and dropped here); the
// statements are the AggregationRepository's own. CPU time of this process (pg driver included);
// the database server's CPU is not in the figures.
// Run: npx tsx tools/measure/totals-catchup.measure.ts --districts 10000 [--publications 10]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { AggregationRepository } from '../../apps/api/src/modules/aggregation/aggregation.repository';
import { LiveTotals } from '../../apps/api/src/modules/aggregation/live-totals';
import { IncrementalRelease } from '../../apps/api/src/modules/publication/publisher/incremental-release';
import { IncrementalResults } from '../../apps/api/src/modules/publication/publisher/incremental-results';
import { buildPublicationSource } from '../../apps/api/src/modules/publication/publisher/publication-source';
import { emptyLedger } from '../../apps/api/src/modules/publication/publisher/release-decisions';
import type { Database } from '../../apps/api/src/platform/database/database';
import { contextOf, random, reportOf } from './synthetic-municipality';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '10000' },
    publications: { type: 'string', default: '10' },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const SCRATCH = 'wahl_measure_totals_catchup';
const ELECTION = 'e';

// The columns of election_night_districts and election_night_reports the totals read (text ids: the synthetic ones are not uuids).
const SCHEMA = [
  `CREATE SEQUENCE election_night_counted_seq`,
  `CREATE TABLE election_night_districts (district_id text PRIMARY KEY, election_id text NOT NULL, counted_version int,
     counted_revision int NOT NULL DEFAULT 0, counted_seq bigint NOT NULL DEFAULT 0)`,
  `CREATE INDEX ON election_night_districts (election_id)`,
  `CREATE INDEX ON election_night_districts (election_id, counted_seq)`,
  `CREATE TABLE election_night_reports (district_id text, version int, report jsonb, PRIMARY KEY (district_id, version))`,
];

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const count = Number(values.districts);
  const admin = new Pool({ connectionString: `${values.server}/postgres`, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
  await admin.query(`CREATE DATABASE ${SCRATCH}`);
  const pool = new Pool({ connectionString: `${values.server}/${SCRATCH}`, max: 2 });
  try {
    for (const sql of SCHEMA) await pool.query(sql);
    const context = contextOf(count);
    const source = buildPublicationSource(context);
    const order = context.districts.map((district) => district).sort(() => random() - 0.5);
    const reportFor = (district: (typeof order)[number]) => reportOf(district.id, district.kind === 'postal');
    await pool.query(`INSERT INTO election_night_districts (district_id, election_id) SELECT unnest($1::text[]), $2`, [
      order.map((district) => district.id),
      ELECTION,
    ]);
    let next = 0;
    // Process B counts: the report's version and the state row with the next revision and marker.
    const countOnB = async (n: number) => {
      const counted = order.slice(next, next + n);
      next += n;
      await pool.query(
        `INSERT INTO election_night_reports (district_id, version, report) SELECT * FROM unnest($1::text[], $2::int[], $3::jsonb[])`,
        [counted.map((district) => district.id), counted.map(() => 1), counted.map((district) => JSON.stringify(reportFor(district)))],
      );
      await pool.query(
        `UPDATE election_night_districts SET counted_version = 1, counted_revision = counted_revision + 1,
           counted_seq = nextval('election_night_counted_seq') WHERE district_id = ANY($1::text[])`,
        [counted.map((district) => district.id)],
      );
    };
    await countOnB(Math.floor(count / 2));

    const repository = new AggregationRepository({
      query: (text: string, params: unknown[]) => pool.query(text, params),
    } as unknown as Database);
    const publisherOf = () => {
      const release = new IncrementalRelease(source);
      const results = new IncrementalResults(source);
      const ledger = emptyLedger();
      return (live: LiveTotals) => {
        const decided = release.decide(live.state, live.journal, { releases: [], record: [] }, ledger);
        results.update(live.state, live.journal, decided.released);
        results.sent();
      };
    };
    // Process A's totals and publisher, once per variant.
    const variants = {
      rebuild: {
        live: LiveTotals.build(context.tree, await repository.counted(ELECTION)),
        publish: publisherOf(),
        totalsMs: 0,
        publishMs: 0,
      },
      catchUp: {
        live: LiveTotals.build(context.tree, await repository.counted(ELECTION)),
        publish: publisherOf(),
        totalsMs: 0,
        publishMs: 0,
      },
    };
    for (const variant of Object.values(variants)) variant.publish(variant.live);
    const read = {
      rebuild: async () => {
        await repository.revisionSum(ELECTION);
        variants.rebuild.live = LiveTotals.build(context.tree, await repository.counted(ELECTION));
      },
      catchUp: async () => {
        await repository.revisionSum(ELECTION);
        const { rows } = await repository.countedSince(ELECTION, variants.catchUp.live.mark);
        if (!variants.catchUp.live.catchUp(rows)) throw new Error('catch-up did not fit');
      },
    };
    const publications = Number(values.publications);
    for (let index = 0; index < publications; index++) {
      await countOnB(1);
      const names = index % 2 === 0 ? (['rebuild', 'catchUp'] as const) : (['catchUp', 'rebuild'] as const);
      for (const name of names) {
        const variant = variants[name];
        const totalsStart = process.cpuUsage();
        await read[name]();
        variant.totalsMs += cpuMs(totalsStart);
        const publishStart = process.cpuUsage();
        variant.publish(variant.live);
        variant.publishMs += cpuMs(publishStart);
      }
    }
    const figures = Object.entries(variants).map(([name, variant]) => ({
      variant: name,
      totals_cpu_ms: Number((variant.totalsMs / publications).toFixed(2)),
      publisher_cpu_ms: Number((variant.publishMs / publications).toFixed(2)),
    }));
    for (const figure of figures)
      console.log(
        `${count} districts, ${figure.variant}: totals ${figure.totals_cpu_ms} ms + publisher ${figure.publisher_cpu_ms} ms CPU per publication`,
      );
    console.log(
      JSON.stringify({ districts: count, publications, per_publication: figures, load_average_1m: Number(loadavg()[0]!.toFixed(1)) }),
    );
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${SCRATCH}`);
    await admin.end();
  }
}

void main();
