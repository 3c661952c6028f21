import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { NestFactory } from '@nestjs/core';
import { freePort } from './bench-support';

// `npm run bench:roll [-- --residents 1000000 --seed bench]`: the roll end to end on a fresh embedded
// PostgreSQL. A generated register of the demo town is written to a temporary file first (a child
// process, not timed); then the file is imported through the same service as an upload, and the
// roll is built. Prints residents per second end to end, both phases, and the peak resident set
// size of this process (PostgreSQL runs in its own processes; its memory is not included). CPU is
// this process's (all its threads, the import's worker threads too) and PostgreSQL's, per phase.
//
// The API's services run as compiled by `nx run api:build` (dist/, with decorator metadata and the
// production code paths), loaded in this process: the script imports only their types from the
// sources, so a moved file fails the typecheck as well as the run. `npm run bench:roll` bundles this
// file with esbuild into dist/ and runs it with plain node: a TypeScript loader in the measured
// process (tsx) would add about 1 s of CPU and 45 MB to the figures measured here. Paths are taken
// from the working directory, the repository root where npm runs scripts.

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const RESIDENTS = Number(argument('residents', '1000000'));
const SEED = argument('seed', 'bench');
const ROOT = process.cwd();
const ELECTION_FILE = resolve(ROOT, 'examples/demo-election.json');
const GENERATOR = resolve(ROOT, 'tools/register/generate-register.ts');
const API = resolve(ROOT, 'dist/apps/api/apps/api/src');

/** A module of the compiled API (`path` relative to apps/api/src, without extension). */
const loadCompiled = createRequire(__filename);
function compiled<T>(path: string): T {
  const file = join(API, `${path}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the API first (npx nx run api:build)`);
  return loadCompiled(file) as T;
}
const { AppModule } = compiled<typeof import('../../apps/api/src/app.module')>('app.module');
const { ElectionsService } = compiled<typeof import('../../apps/api/src/modules/elections/elections.service')>(
  'modules/elections/elections.service',
);
const { OfficesService } =
  compiled<typeof import('../../apps/api/src/modules/identity/offices.service')>('modules/identity/offices.service');
const { RollBuildService } = compiled<typeof import('../../apps/api/src/modules/roll/build/roll-build.service')>(
  'modules/roll/build/roll-build.service',
);
const { RegisterImportService } = compiled<typeof import('../../apps/api/src/modules/roll/import/register-import.service')>(
  'modules/roll/import/register-import.service',
);
const { RegisterUploadStore } = compiled<typeof import('../../apps/api/src/modules/roll/import/register-upload-store')>(
  'modules/roll/import/register-upload-store',
);
const { RollElectionService } = compiled<typeof import('../../apps/api/src/modules/roll/shared/roll-election.service')>(
  'modules/roll/shared/roll-election.service',
);
const { loadAppConfig } = compiled<typeof import('../../apps/api/src/platform/config/app-config')>('platform/config/app-config');
const { startEmbeddedPostgres } = compiled<typeof import('../../apps/api/src/platform/database/embedded-postgres')>(
  'platform/database/embedded-postgres',
);
const { runMigrations } =
  compiled<typeof import('../../apps/api/src/platform/database/run-migrations')>('platform/database/run-migrations');

const mb = (bytes: number): number => Math.round(bytes / 1e6);
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const format = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Peak RSS as the kernel counts it for this process (VmHWM), in bytes; null off Linux. */
function kernelPeakRss(): number | null {
  if (!existsSync('/proc/self/status')) return null;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

/**
 * CPU seconds PostgreSQL has spent so far (Linux): the postmaster with its reaped children plus every
 * live child process. The difference over a phase is the database's CPU time for it, which stays
 * meaningful on a busy machine where wall time does not.
 */
function postgresCpuSeconds(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile) || !existsSync('/proc')) return null;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which is in parentheses and may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const parent = Number(fields[1]);
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    if (pid === postmaster) total += utime! + stime! + cutime! + cstime!;
    else if (parent === postmaster) total += utime! + stime!;
  }
  return total / ticks;
}

type Mark = { readonly at: number; readonly node: number; readonly postgres: number | null };

/** Wall time, this process's CPU (all its threads) and PostgreSQL's CPU at a moment. */
function mark(pgDataDir: string): Mark {
  const cpu = process.cpuUsage();
  return { at: performance.now(), node: (cpu.user + cpu.system) / 1e6, postgres: postgresCpuSeconds(pgDataDir) };
}

/**
 * Marks the import's inner phases: the upload staged to disk (`store`), the job's hand-off until
 * its run opens the stored file (`read`), then parse and COPY until the import has ended.
 */
function markImportPhases(store: InstanceType<typeof RegisterUploadStore>, pgDataDir: string): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const { store: staging, read } = { store: store.store.bind(store), read: store.read.bind(store) };
  store.store = async (importId, body) => {
    marks.set('stagingStart', mark(pgDataDir));
    await staging(importId, body);
    marks.set('staged', mark(pgDataDir));
  };
  store.read = (importId) => {
    marks.set('jobStarted', mark(pgDataDir));
    return read(importId);
  };
  return marks;
}

/** The phase between two marks: wall seconds and CPU seconds of Node and PostgreSQL. */
function phase(from: Mark | undefined, to: Mark | undefined): { wall: number; node: number; postgres: number | null } | null {
  if (!from || !to) return null;
  const postgres = from.postgres === null || to.postgres === null ? null : to.postgres - from.postgres;
  return { wall: (to.at - from.at) / 1000, node: to.node - from.node, postgres };
}

async function main(): Promise<void> {
  if (!Number.isInteger(RESIDENTS) || RESIDENTS <= 0) throw new Error('--residents must be a positive whole number');
  const work = mkdtempSync(join(tmpdir(), 'wahl-bench-roll-'));
  // The embedded PostgreSQL may run as another OS user (as root: `postgres`), which must reach its folder.
  chmodSync(work, 0o755);
  const file = join(work, 'register.csv');
  const server = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), persistent: false });
  try {
    process.stdout.write(`Generating ${format(RESIDENTS)} residents (seed ${SEED}) to a temporary file …\n`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', GENERATOR, '--residents', String(RESIDENTS), '--seed', SEED, '--election', ELECTION_FILE, '--out', file],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const bytes = statSync(file).size;

    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = server.url('bench');
    await runMigrations(url);
    const config = loadAppConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn', WAHL_SEED_DEMO: 'false' });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error', 'warn'] });
    try {
      const document = JSON.parse(readFileSync(ELECTION_FILE, 'utf8')) as { municipality: { ags: string; name: string } };
      const office = await app
        .get(OfficesService)
        .create({ name: document.municipality.name, ags: document.municipality.ags, level: 'municipality', parentId: null });
      const { id: electionId } = await app.get(ElectionsService).importDefinition(office.id, document);
      const actor = await app.get(RollElectionService, { strict: false }).systemActor(electionId, 'bench');

      // rss() alone: the full memoryUsage() walks the heap and would cost the import measurable time.
      let peak = process.memoryUsage.rss();
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 20);
      const pgDataDir = join(work, 'pg');
      const marks = markImportPhases(app.get(RegisterUploadStore), pgDataDir);
      const cpuBefore = process.cpuUsage();
      const pgBefore = postgresCpuSeconds(pgDataDir);
      const started = performance.now();
      const job = await app
        .get(RegisterImportService)
        .importFile(
          actor,
          electionId,
          { body: createReadStream(file, { highWaterMark: 1 << 16 }), fileName: 'register.csv', totalBytes: bytes, source: 'cli' },
          { encoding: 'utf-8', skipInvalid: false },
        );
      const imported = performance.now();
      marks.set('imported', mark(pgDataDir));
      const pgAfterImport = postgresCpuSeconds(pgDataDir);
      const nodeAfterImport = process.cpuUsage(cpuBefore);
      if (job.status !== 'succeeded') throw new Error(`import failed: ${job.message}`);
      const built = await app.get(RollBuildService).build(actor, electionId);
      const finished = performance.now();
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage.rss());
      const cpu = process.cpuUsage(cpuBefore);
      const pgAfter = postgresCpuSeconds(pgDataDir);
      const nodeCpu = (cpu.user + cpu.system) / 1e6;
      const pgCpu = pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore;
      const nodeImportCpu = (nodeAfterImport.user + nodeAfterImport.system) / 1e6;
      const pgImportCpu = pgBefore === null || pgAfterImport === null ? null : pgAfterImport - pgBefore;
      const cpuSeconds = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(2)));
      const cpuText = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(2)} s`);

      const total = finished - started;
      const perSecond = Math.round((RESIDENTS * 1000) / total);
      const split = {
        import: { node: nodeImportCpu, postgres: pgImportCpu },
        build: { node: nodeCpu - nodeImportCpu, postgres: pgCpu === null || pgImportCpu === null ? null : pgCpu - pgImportCpu },
      };
      const phases = {
        staging: phase(marks.get('stagingStart'), marks.get('staged')),
        handOff: phase(marks.get('staged'), marks.get('jobStarted')),
        parseAndCopy: phase(marks.get('jobStarted'), marks.get('imported')),
      };
      const phaseText = (value: ReturnType<typeof phase>): string =>
        value === null ? 'n/a' : `${value.wall.toFixed(2)} s (CPU Node ${value.node.toFixed(2)} s, PostgreSQL ${cpuText(value.postgres)})`;
      const lines = [
        `Residents:            ${format(RESIDENTS)} (${mb(bytes)} MB CSV)`,
        `Import:               ${seconds(imported - started)} s (${format((RESIDENTS * 1000) / (imported - started))} residents/s)`,
        `  staging the file:   ${phaseText(phases.staging)}`,
        `  job hand-off:       ${phaseText(phases.handOff)}`,
        `  parse and COPY:     ${phaseText(phases.parseAndCopy)}`,
        `Build:                ${seconds(finished - imported)} s (${format(built.voters)} voters, ${format(built.notEntered)} not entered, ${format(built.unassigned)} unassigned)`,
        `End to end:           ${seconds(total)} s → ${format(perSecond)} residents/s`,
        `CPU:                  Node ${nodeCpu.toFixed(2)} s, PostgreSQL ${cpuText(pgCpu)}` +
          (pgCpu === null ? '' : ` → ${format(RESIDENTS / (nodeCpu + pgCpu))} residents per CPU second`),
        `  of which import:    Node ${cpuText(split.import.node)}, PostgreSQL ${cpuText(split.import.postgres)}`,
        `  of which build:     Node ${cpuText(split.build.node)}, PostgreSQL ${cpuText(split.build.postgres)}`,
        `Peak RSS (sampled):   ${mb(peak)} MB; kernel high-water mark of this process: ${kernelPeakRss() === null ? 'n/a' : `${mb(kernelPeakRss()!)} MB`}`,
        `Load average:         ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' / ')} (1 / 5 / 15 min; the machine may be shared)`,
        '(PostgreSQL runs in separate processes; its memory is not part of these figures.)',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      process.stdout.write(
        `${JSON.stringify({
          bench: 'roll',
          residents: RESIDENTS,
          residentsPerSecond: perSecond,
          importSeconds: Number(seconds(imported - started)),
          stagingSeconds: cpuSeconds(phases.staging?.wall ?? null),
          stagingNodeCpuSeconds: cpuSeconds(phases.staging?.node ?? null),
          handOffSeconds: cpuSeconds(phases.handOff?.wall ?? null),
          parseAndCopySeconds: cpuSeconds(phases.parseAndCopy?.wall ?? null),
          parseAndCopyNodeCpuSeconds: cpuSeconds(phases.parseAndCopy?.node ?? null),
          parseAndCopyPostgresCpuSeconds: cpuSeconds(phases.parseAndCopy?.postgres ?? null),
          buildSeconds: Number(seconds(finished - imported)),
          nodeCpuSeconds: cpuSeconds(nodeCpu),
          postgresCpuSeconds: cpuSeconds(pgCpu),
          importNodeCpuSeconds: cpuSeconds(split.import.node),
          importPostgresCpuSeconds: cpuSeconds(split.import.postgres),
          buildNodeCpuSeconds: cpuSeconds(split.build.node),
          buildPostgresCpuSeconds: cpuSeconds(split.build.postgres),
          peakRssMB: mb(peak),
          loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        })}\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
