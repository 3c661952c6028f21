// Election-night entry benchmark: the built API runs as a child process on its own embedded
// PostgreSQL. For each size (100, 1,000 and 10,000 districts by default; 100,000 with --sizes) an
// election is imported (timed, with the server's CPU), the publisher's warm-up of the new election is
// awaited (timed apart: it happens before the night, not at its first report), then quick reports are submitted and
// confirmed by a second person (four eyes) as fast as the server allows, with a bounded number of
// requests in flight over HTTP on 127.0.0.1. Prints confirmed reports per second and the p50/p99
// latency of a submission per size, and one closing JSON line for tooling.
// Run through `npm run bench:entry` (builds the API first).
//   npm run bench:entry -- [--sizes 100,1000,10000] [--reports 5000] [--concurrency 16]
// BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof' passes options to the API process (e.g. a CPU profile).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, percentile, processTreeCpuSeconds, sleep } from './bench-support';
import { ERST_ZWEIT_CONTESTS, quickReports, seededRandom } from './bench-fixtures';
import { agent, call, expectStatus } from './bench-http';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const positive = (name: string, raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const SIZES = argument('sizes', '100,1000,10000')
  .split(',')
  .map((size) => positive('sizes', size));
const MAX_REPORTS = positive('reports', argument('reports', '5000'));
const CONCURRENCY = positive('concurrency', argument('concurrency', '16'));
const WARM_UP_DISTRICTS = 300;
const AGS = '08999902';
const PASSWORD = 'bench-password-123';
const MAIN = resolve(__dirname, '../../dist/apps/api/apps/api/src/main.js');

const reportFor = quickReports(seededRandom(0x2025_0223));
const POLLING_PER_POSTAL = 9;

/** N districts: every tenth a postal district, linked from the nine polling districts before it (P10). */
function electionDocument(size: number, label: string): unknown {
  const districts: Record<string, unknown>[] = [];
  const stations: Record<string, unknown>[] = [];
  let postalNumber = 0;
  while (districts.length < size) {
    const groupStart = districts.length;
    const postal = `B${String(++postalNumber).padStart(5, '0')}`;
    const pollingInGroup = Math.min(POLLING_PER_POSTAL, size - groupStart - 1);
    for (let i = 0; i < pollingInGroup; i++) {
      const number = `W${String(groupStart + i + 1).padStart(5, '0')}`;
      if ((groupStart + i) % 3 === 0) {
        stations.push({
          id: `S${stations.length + 1}`,
          name: `Wahlraum ${stations.length + 1}`,
          address: { street: 'Schulweg', houseNumber: String(stations.length + 1), postalCode: '76999', city: 'Bankstadt' },
          openingHours: '08:00–18:00',
          barrierFree: true,
        });
      }
      districts.push({
        number,
        name: `Bezirk ${number}`,
        kind: 'polling',
        pollingStationId: `S${stations.length}`,
        ...(pollingInGroup > 0 ? { postalDistrict: postal } : {}),
      });
    }
    districts.push({ number: postal, name: `Briefwahl ${postal}`, kind: 'postal' });
  }
  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: `Bundestagswahl (Benchmark ${label})`,
    electionDay: '2025-02-23',
    municipality: { ags: AGS, name: 'Bankstadt' },
    pollingStations: stations,
    districts,
    contests: ERST_ZWEIT_CONTESTS,
    streets: [],
  };
}

async function startApi(dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run bench:entry does)`);
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean), MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WAHL_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      WAHL_ADMIN_PASSWORD: PASSWORD,
      WAHL_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await call(base, 'GET', '/api/health')).status === 200) return { base, child };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API did not become healthy within 2 minutes');
}

type SizeResult = {
  districts: number;
  /** POST /api/elections of the definition: wall time and the server's CPU (API, database). */
  importSeconds: number;
  importApiCpuSeconds: number;
  importDatabaseCpuSeconds: number;
  /**
   * From the import's answer until the public pointer of the election answers: the read of the
   * district list and the publisher's warm-up after the import (read, recount, first build), or,
   * where the publisher does not warm, its first load at this request. Outside the per-report CPU.
   */
  readySeconds: number;
  readyApiCpuSeconds: number;
  readyDatabaseCpuSeconds: number;
  reports: number;
  seconds: number;
  confirmedPerSecond: number;
  submitP50Ms: number;
  submitP99Ms: number;
  approveP50Ms: number;
  approveP99Ms: number;
  totalsMs: number;
  auditVerifyMs: number;
  /** CPU milliseconds per confirmed report (submit + approve + sealing), server side. */
  apiCpuMsPerReport: number;
  databaseCpuMsPerReport: number;
  /** The same with the one-off warm-up (`ready…CpuSeconds`) spread over the reports, as when it ran at the first report. */
  apiCpuMsPerReportWithReady: number;
  databaseCpuMsPerReportWithReady: number;
  clientCpuMsPerReport: number;
  /** Confirmed reports per second if API and database had two cores to themselves. */
  cpuBoundPerSecondOn2Cores: number;
};

async function runSize(
  serverPid: number,
  base: string,
  headers: { entry: Record<string, string>[]; approve: Record<string, string>[]; office: Record<string, string> },
  size: number,
  label: string,
): Promise<SizeResult> {
  const document = JSON.stringify(electionDocument(size, label));
  const importCpuBefore = processTreeCpuSeconds(serverPid);
  const importStart = performance.now();
  const election = await expectStatus('import', call(base, 'POST', '/api/elections', document, headers.office), 201);
  const importSeconds = (performance.now() - importStart) / 1000;
  const importCpu = processTreeCpuSeconds(serverPid);
  const readyStart = performance.now();
  const status = await expectStatus(
    'status',
    call(base, 'GET', `/api/elections/${election.id}/districts/status`, undefined, headers.office),
    200,
  );
  await expectStatus('ready', call(base, 'GET', `/api/public/elections/${election.id}/current`), 200);
  const readySeconds = (performance.now() - readyStart) / 1000;
  const readyCpu = processTreeCpuSeconds(serverPid);
  const districts = (status.districts as { districtId: string; kind: 'polling' | 'postal' }[]).slice(0, Math.min(size, MAX_REPORTS));
  // Bodies are made before the clock starts, so the client spends its CPU on HTTP only.
  const bodies = districts.map((district) => JSON.stringify({ ...reportFor(district.kind), expectedVersion: 0 }));

  const submitLatencies: number[] = [];
  const approveLatencies: number[] = [];
  let next = 0;
  const cpuBefore = processTreeCpuSeconds(serverPid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, districts.length) }, async (_, worker) => {
      for (let i = next++; i < districts.length; i = next++) {
        const url = `/api/elections/${election.id}/districts/${districts[i]!.districtId}/reports`;
        const sent = performance.now();
        const entered = await expectStatus(
          'submit',
          call(base, 'POST', url, bodies[i], { ...headers.entry[worker % headers.entry.length]!, 'idempotency-key': randomUUID() }),
          201,
        );
        const submitted = performance.now();
        await expectStatus(
          'approve',
          call(base, 'POST', `${url}/${entered.version}/approve`, undefined, headers.approve[worker % headers.approve.length]!),
          200,
        );
        submitLatencies.push(submitted - sent);
        approveLatencies.push(performance.now() - submitted);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = processTreeCpuSeconds(serverPid);
  const client = process.cpuUsage(clientBefore);
  const apiCpu = cpuAfter.api - cpuBefore.api;
  const databaseCpu = cpuAfter.database - cpuBefore.database;

  const totalsStart = performance.now();
  const totals = await expectStatus(
    'totals',
    call(base, 'GET', `/api/elections/${election.id}/totals?area=municipality`, undefined, headers.office),
    200,
  );
  const totalsMs = performance.now() - totalsStart;
  if (totals.reported !== districts.length) throw new Error(`totals count ${totals.reported} reports, ${districts.length} were confirmed`);
  const verifyStart = performance.now();
  const verdict = await expectStatus(
    'audit',
    call(base, 'GET', `/api/elections/${election.id}/audit/verify`, undefined, headers.office),
    200,
  );
  const auditVerifyMs = performance.now() - verifyStart;
  // Two entries per report (submission, approval) and one for the election's creation.
  if (!verdict.valid || verdict.entries !== 2 * districts.length + 1) throw new Error(`audit chain: ${JSON.stringify(verdict)}`);

  submitLatencies.sort((a, b) => a - b);
  approveLatencies.sort((a, b) => a - b);
  return {
    districts: size,
    importSeconds: Number(importSeconds.toFixed(2)),
    importApiCpuSeconds: Number((importCpu.api - importCpuBefore.api).toFixed(2)),
    importDatabaseCpuSeconds: Number((importCpu.database - importCpuBefore.database).toFixed(2)),
    readySeconds: Number(readySeconds.toFixed(2)),
    readyApiCpuSeconds: Number((readyCpu.api - importCpu.api).toFixed(2)),
    readyDatabaseCpuSeconds: Number((readyCpu.database - importCpu.database).toFixed(2)),
    reports: districts.length,
    seconds: Number(seconds.toFixed(2)),
    confirmedPerSecond: Math.round(districts.length / seconds),
    submitP50Ms: Number(percentile(submitLatencies, 50).toFixed(1)),
    submitP99Ms: Number(percentile(submitLatencies, 99).toFixed(1)),
    approveP50Ms: Number(percentile(approveLatencies, 50).toFixed(1)),
    approveP99Ms: Number(percentile(approveLatencies, 99).toFixed(1)),
    totalsMs: Number(totalsMs.toFixed(1)),
    auditVerifyMs: Math.round(auditVerifyMs),
    apiCpuMsPerReport: Number(((1000 * apiCpu) / districts.length).toFixed(2)),
    databaseCpuMsPerReport: Number(((1000 * databaseCpu) / districts.length).toFixed(2)),
    apiCpuMsPerReportWithReady: Number(((1000 * (apiCpu + readyCpu.api - importCpu.api)) / districts.length).toFixed(2)),
    databaseCpuMsPerReportWithReady: Number(
      ((1000 * (databaseCpu + readyCpu.database - importCpu.database)) / districts.length).toFixed(2),
    ),
    clientCpuMsPerReport: Number(((client.user + client.system) / 1000 / districts.length).toFixed(2)),
    cpuBoundPerSecondOn2Cores: Math.round((2 * districts.length) / (apiCpu + databaseCpu)),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wahl-bench-entry-'));
  // As root the embedded PostgreSQL runs as the user `postgres`, which must reach its folder inside.
  chmodSync(dataDir, 0o755);
  const { base, child } = await startApi(dataDir);
  try {
    const admin = await expectStatus('admin login', call(base, 'POST', '/api/auth/login', { username: 'admin', password: PASSWORD }), 200);
    const asAdmin = { authorization: `Bearer ${admin.token}` };
    const office = await expectStatus(
      'office',
      call(base, 'POST', '/api/offices', { name: 'Bankstadt', ags: AGS, level: 'municipality' }, asAdmin),
      201,
    );
    // Two groups of clerks: one enters, the other confirms (four eyes).
    const tokenOf = async (username: string, role: string): Promise<Record<string, string>> => {
      await expectStatus(
        'user',
        call(base, 'POST', `/api/offices/${office.id}/users`, { username, displayName: username, password: PASSWORD, role }, asAdmin),
        201,
      );
      const session = await expectStatus('login', call(base, 'POST', '/api/auth/login', { username, password: PASSWORD }), 200);
      return { authorization: `Bearer ${session.token}` };
    };
    const headers = {
      office: await tokenOf('bench-office', 'office-admin'),
      entry: [await tokenOf('bench-entry-1', 'clerk'), await tokenOf('bench-entry-2', 'clerk')],
      approve: [await tokenOf('bench-approve-1', 'clerk'), await tokenOf('bench-approve-2', 'clerk')],
    };

    await runSize(child.pid!, base, headers, WARM_UP_DISTRICTS, 'Aufwärmen');
    const results: SizeResult[] = [];
    const lines: string[] = [
      `Election-night entry: submit + second-person approval, ${CONCURRENCY} requests in flight, up to ${MAX_REPORTS} reports per size`,
    ];
    for (const size of SIZES) {
      const result = await runSize(child.pid!, base, headers, size, `${size} Bezirke`);
      results.push(result);
      lines.push(
        `  ${String(size).padStart(6)} districts: ${result.reports} reports in ${result.seconds} s = ${result.confirmedPerSecond} confirmed/s; ` +
          `submit p50 ${result.submitP50Ms} ms, p99 ${result.submitP99Ms} ms; approve p50 ${result.approveP50Ms} ms, p99 ${result.approveP99Ms} ms; ` +
          `totals ${result.totalsMs} ms, audit verify ${result.auditVerifyMs} ms\n` +
          `          import ${result.importSeconds} s (CPU: API ${result.importApiCpuSeconds} s, database ${result.importDatabaseCpuSeconds} s); ` +
          `publication ready ${result.readySeconds} s later (CPU: API ${result.readyApiCpuSeconds} s, database ${result.readyDatabaseCpuSeconds} s)\n` +
          `          CPU per confirmed report: API ${result.apiCpuMsPerReport} ms, database ${result.databaseCpuMsPerReport} ms, client ${result.clientCpuMsPerReport} ms ` +
          `→ ${result.cpuBoundPerSecondOn2Cores} confirmed/s if API and database had 2 cores to themselves; ` +
          `with the warm-up: API ${result.apiCpuMsPerReportWithReady} ms, database ${result.databaseCpuMsPerReportWithReady} ms`,
      );
    }
    process.stdout.write(
      `${lines.join('\n')}\n${JSON.stringify({ bench: 'entry', concurrency: CONCURRENCY, maxReports: MAX_REPORTS, results })}\n`,
    );
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
