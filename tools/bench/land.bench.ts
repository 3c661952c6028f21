// Land rehearsal (`npm run bench:land`, issue 16): a generated Land (land-generator.ts: 1,100
// municipalities, ~9,700 districts, 70 Wahlkreise) as one election in one installation: one
// embedded PostgreSQL, two API processes (the built server) sharing broadcasts through Redis, public
// socket.io clients in two child processes following the Land or their own town. Every district's
// quick report arrives on the night's curve (night-curve.ts) compressed into `--minutes`, is entered
// by one clerk and confirmed by another, spread over both processes, with a bounded number in
// flight; a light autocannon load reads the current and versioned public JSON meanwhile.
// Prints reports/s offered and confirmed, report → client arrival per level, CPU per report of each
// API process, PostgreSQL and the client processes, static requests/s and errors; fails unless the
// totals count every report. Ends with one JSON line `{"bench":"land",…}`.
//   npm run bench:land -- [--minutes 1.5] [--clients 6000] [--land-share 0.2] [--concurrency 24] [--static-rps 200]
//                          [--reports N: only the first N reports of the night's order, on the whole curve]
//                          [--without-redis: two API processes without Redis, as if it failed]
// BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof' passes options to both API processes (e.g. a CPU profile each).
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiErrorLines, reachable, startApi, startSharedDatabase, stopAll, type ApiProcess } from './api-cluster';
import { quickReports, seededRandom } from './bench-fixtures';
import { agent, call, expectStatus } from './bench-http';
import { cpuSecondsOf, cpuSecondsOfAll, processTreeCpuSeconds, sleep } from './bench-support';
import { generateLand, LAND_AGS } from './land-generator';
import { arrivalFigures, rates, unmatchedReports, type ConfirmedReport } from './land-night-stats';
import { closeClients, collect, startClients, type ClientGroup } from './live-clients';
import { clockOf, NIGHT_CURVE, NIGHT_MINUTES, nightSchedule } from './night-curve';

const argument = (name: string, fallback: string): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = Number(at >= 0 ? process.argv[at + 1] : fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
};
const MINUTES = argument('minutes', '1.5');
const CLIENTS = Math.round(argument('clients', '6000'));
const LAND_SHARE = argument('land-share', '0.2');
const CONCURRENCY = Math.max(1, Math.round(argument('concurrency', '24')));
const STATIC_RPS = Math.round(argument('static-rps', '200'));
const REPORTS = Math.round(argument('reports', '0'));
/** The degraded night: two API processes whose broadcasts do not meet (Redis down). */
const WITHOUT_REDIS = process.argv.includes('--without-redis');
const CLIENT_PROCESSES = 2;
const PASSWORD = 'bench-password-123';
const now = (): number => performance.timeOrigin + performance.now();
const load = (): number[] => loadavg().map((value) => Math.round(value * 10) / 10);

type Headers = Record<string, string>;
type Staff = { office: Headers; entry: Headers[]; approve: Headers[] };

async function signInStaff(base: string): Promise<Staff> {
  const admin = await expectStatus('admin login', call(base, 'POST', '/api/auth/login', { username: 'admin', password: PASSWORD }), 200);
  const asAdmin = { authorization: `Bearer ${admin.token}` };
  const office = await expectStatus(
    'office',
    call(base, 'POST', '/api/offices', { name: 'Landeswahlleitung (Probe)', ags: LAND_AGS, level: 'municipality' }, asAdmin),
    201,
  );
  const tokenOf = async (username: string, role: string): Promise<Headers> => {
    const user = { username, displayName: username, password: PASSWORD, role };
    await expectStatus('user', call(base, 'POST', `/api/offices/${office.id}/users`, user, asAdmin), 201);
    const session = await expectStatus('login', call(base, 'POST', '/api/auth/login', { username, password: PASSWORD }), 200);
    return { authorization: `Bearer ${session.token}` };
  };
  // Two groups of clerks: one enters, the other confirms (four eyes).
  return {
    office: await tokenOf('land-office', 'office-admin'),
    entry: [await tokenOf('land-entry-1', 'clerk'), await tokenOf('land-entry-2', 'clerk')],
    approve: [await tokenOf('land-approve-1', 'clerk'), await tokenOf('land-approve-2', 'clerk')],
  };
}

type Area = { id: string; parentId: string | null; number: string };

/** 20 % of the clients follow the Land, the others their town, chosen by the town's size; split over the processes. */
function clientGroups(areas: readonly Area[], municipalities: readonly { ags: string; districts: number }[]): ClientGroup[][] {
  const idOf = new Map(areas.map((area) => [area.number, area.id]));
  const random = seededRandom(0x0018_0000);
  const land = Math.round(CLIENTS * LAND_SHARE);
  const towns = new Map<string, number>();
  const total = municipalities.reduce((sum, m) => sum + m.districts, 0);
  for (let i = 0; i < CLIENTS - land; i++) {
    let pick = random() * total;
    const town = municipalities.find((m) => (pick -= m.districts) < 0) ?? municipalities.at(-1)!;
    towns.set(town.ags, (towns.get(town.ags) ?? 0) + 1);
  }
  const root = areas.find((area) => area.parentId === null)!.id;
  const all: ClientGroup[] = [
    { label: 'land', areaId: root, count: land },
    ...[...towns].map(([ags, count]) => ({ label: 'town', areaId: idOf.get(ags)!, count })),
  ];
  // Clients with an area get their view's share of a delta only; one observer per process follows the
  // whole election, so that the version carrying each district is known.
  const observer: ClientGroup = { label: 'observer', count: 1 };
  return Array.from({ length: CLIENT_PROCESSES }, (_, index) => [
    ...all
      .map((group) => ({ ...group, count: Math.floor(group.count / CLIENT_PROCESSES) + (index < group.count % CLIENT_PROCESSES ? 1 : 0) }))
      .filter((group) => group.count > 0),
    observer,
  ]);
}

/** Polling districts before postal districts (counted later in the night), a fixed shuffle within. */
function arrivalOrder<T extends { kind: string }>(districts: readonly T[]): T[] {
  const random = seededRandom(0x2200);
  return districts
    .map((district) => ({ district, key: random() + (district.kind === 'postal' ? 0.35 : 0) }))
    .sort((a, b) => a.key - b.key)
    .map(({ district }) => district);
}

/** A light load on the current pointer, the current Land view and the Land view at the newest version (followed each second). */
async function staticLoad(apis: readonly ApiProcess[], electionId: string, rootId: string, seconds: number) {
  const base = `/api/public/elections/${electionId}`;
  const current = async () => Number((await expectStatus('current', call(apis[0]!.url, 'GET', `${base}/current`), 200)).version);
  let version = await current();
  const follow = setInterval(
    () =>
      void current().then(
        (latest) => (version = latest),
        () => undefined,
      ),
    1000,
  );
  try {
    return await Promise.all(
      apis.map((api) =>
        autocannon({
          url: api.url,
          connections: 4,
          overallRate: Math.max(1, Math.round(STATIC_RPS / apis.length)),
          duration: seconds,
          headers: { 'accept-encoding': 'gzip' },
          requests: [
            { method: 'GET', path: `${base}/current` },
            { method: 'GET', path: `${base}/areas/${rootId}` },
            { method: 'GET', setupRequest: (request) => ({ ...request, path: `${base}/v/${version}/areas/${rootId}` }) },
          ],
        }),
      ),
    );
  } finally {
    clearInterval(follow);
  }
}

/** When the public Land view counted `reports` (shared clock; waits at most 3 minutes). */
async function publicCatchUp(api: ApiProcess, electionId: string, rootId: string, reports: number): Promise<number> {
  const start = now();
  while (now() - start < 180_000) {
    const view = await expectStatus('land view', call(api.url, 'GET', `/api/public/elections/${electionId}/areas/${rootId}`), 200);
    if ((view.results as { areaId: string; reported: number }[]).find((result) => result.areaId === rootId)?.reported === reports) break;
    await sleep(250);
  }
  return now();
}

/** One more try when a kept-alive connection was closed by the server as it was reused (submit replays by its Idempotency-Key). */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return attempt();
  }
}

type NightOutcome = { reports: ConfirmedReport[]; errors: string[]; submitMs: number[]; approveMs: number[] };

/** Every district's report at its time on the curve: submit on one process, confirm by another clerk on the other. */
async function night(
  apis: readonly ApiProcess[],
  staff: Staff,
  electionId: string,
  order: { districtId: string; kind: string }[],
  started: number,
) {
  const schedule = nightSchedule(order.length, MINUTES * 60_000);
  const reportFor = quickReports(seededRandom(0x2026_0308));
  const bodies = order.map((district) => JSON.stringify({ ...reportFor(district.kind as 'polling' | 'postal'), expectedVersion: 0 }));
  const outcome: NightOutcome = { reports: [], errors: [], submitMs: [], approveMs: [] };
  let next = 0;
  const progress = setInterval(() => {
    const seconds = (now() - started) / 1000;
    process.stdout.write(
      `  ${seconds.toFixed(0)} s: ${outcome.reports.length} of ${order.length} confirmed, ${outcome.errors.length} errors${outcome.errors.length ? ` (last: ${outcome.errors.at(-1)!.slice(0, 200)})` : ''}\n`,
    );
  }, 10_000);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < order.length; i = next++) {
        const offeredAt = started + schedule[i]!;
        if (offeredAt > now()) await sleep(offeredAt - now());
        const url = `/api/elections/${electionId}/districts/${order[i]!.districtId}/reports`;
        try {
          const sent = now();
          const headers = { ...staff.entry[i % 2]!, 'idempotency-key': randomUUID() };
          const entered = await retried(() =>
            expectStatus('submit', call(apis[i % apis.length]!.url, 'POST', url, bodies[i], headers), 201),
          );
          const approveSentAt = now();
          const approver = apis[(i + 1) % apis.length]!.url;
          const approve = () => call(approver, 'POST', `${url}/${entered.version}/approve`, undefined, staff.approve[i % 2]!);
          await retried(() => expectStatus('approve', approve(), 200));
          const confirmedAt = now();
          outcome.submitMs.push(approveSentAt - sent);
          outcome.approveMs.push(confirmedAt - approveSentAt);
          outcome.reports.push({ districtId: order[i]!.districtId, offeredAt, approveSentAt, confirmedAt });
        } catch (error) {
          outcome.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  clearInterval(progress);
  return outcome;
}

const cpuOf = (pids: readonly (number | undefined)[]): number => cpuSecondsOfAll(pids) ?? NaN;

type Stage = Awaited<ReturnType<typeof setUpLand>>;

/** The generated Land imported through the first of one or two API processes (two with Redis or `--without-redis`). */
async function setUpLand(databaseUrl: string, logDir: string) {
  const land = generateLand();
  const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
  const withRedis = !WITHOUT_REDIS && (await reachable(redisUrl));
  if (WITHOUT_REDIS)
    process.stdout.write(
      `Two API processes without Redis (as if it failed): each catches up with the other's versions by its version check.\n`,
    );
  else if (!withRedis) process.stdout.write(`Redis at ${redisUrl} is not reachable: one API process only.\n`);
  // One after the other: the first seeds the provider's admin account.
  const apis: ApiProcess[] = [];
  for (let i = 0; i < (withRedis || WITHOUT_REDIS ? 2 : 1); i++)
    apis.push(
      await startApi({
        databaseUrl,
        adminPassword: PASSWORD,
        logDir,
        nodeArgs: (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
        ...(withRedis ? { redisUrl } : {}),
      }),
    );
  const staff = await signInStaff(apis[0]!.url);
  const importCpuBefore = processTreeCpuSeconds(process.pid).database;
  const importStart = now();
  const election = await expectStatus('import', call(apis[0]!.url, 'POST', '/api/elections', land.election, staff.office), 201);
  const importMs = now() - importStart;
  // Below this process run only the API processes and PostgreSQL yet: the server's CPU for the import.
  const importCpuSeconds = processTreeCpuSeconds(process.pid).database - importCpuBefore;
  const status = await expectStatus(
    'status',
    call(apis[0]!.url, 'GET', `/api/elections/${election.id}/districts/status`, undefined, staff.office),
    200,
  );
  const snapshot = await expectStatus('snapshot', call(apis[0]!.url, 'GET', `/api/public/elections/${election.id}`), 200);
  const areas = snapshot.areas as Area[];
  const districts = status.districts as { districtId: string; kind: string }[];
  const order = arrivalOrder(districts).slice(0, REPORTS || districts.length);
  process.stdout.write(
    `Land: ${land.municipalities.length} municipalities, ${districts.length} districts, ${land.wahlkreise.length} Wahlkreise, ` +
      `${areas.length - districts.length} areas; ${order.length} reports; imported in ${(importMs / 1000).toFixed(1)} s (server CPU ${importCpuSeconds.toFixed(1)} s); ${apis.length} API process(es)\n`,
  );
  const rootId = areas.find((area) => area.parentId === null)!.id;
  return { land, withRedis, apis, staff, electionId: election.id as string, importMs, importCpuSeconds, areas, rootId, districts, order };
}

/** Clients join, then the night runs with the static load beside it; CPU is read around the night. */
async function runNight(stage: Stage) {
  const { apis, electionId, rootId } = stage;
  const groups = clientGroups(stage.areas, stage.land.municipalities);
  const connectStart = now();
  const apiUrls = apis.map((api) => api.url);
  const clients = CLIENTS > 0 ? await startClients(apiUrls, electionId, groups) : [];
  const connectErrors = clients.reduce((sum, client) => sum + client.errors, 0);
  process.stdout.write(`${CLIENTS - connectErrors} of ${CLIENTS} clients joined in ${((now() - connectStart) / 1000).toFixed(1)} s\n`);
  await sleep(1500);

  const pointer = await expectStatus('current', call(apis[0]!.url, 'GET', `/api/public/elections/${electionId}/current`), 200);
  const apiPids = apis.map((api) => api.child.pid);
  const clientPids = clients.map((client) => client.worker.pid);
  const cpuBefore = { apis: apiPids.map(cpuSecondsOf), clients: cpuOf(clientPids), tree: processTreeCpuSeconds(process.pid).database };
  const started = now();
  process.stdout.write(`Night 18:00–22:00 in ${MINUTES} minutes, ${CONCURRENCY} reports in flight at most …\n`);
  const [outcome, staticResults] = await Promise.all([
    night(apis, stage.staff, electionId, stage.order, started),
    staticLoad(apis, electionId, rootId, Math.ceil(MINUTES * 60)),
  ]);
  const ended = now();
  const counted = await publicCatchUp(apis[1 % apis.length]!, electionId, rootId, outcome.reports.length);
  const catchUpMs = counted - Math.max(...outcome.reports.map((report) => report.confirmedAt));
  await sleep(3000); // the last version reaches the clients
  const apiCpu = apiPids.map((pid, index) => (cpuSecondsOf(pid) ?? NaN) - cpuBefore.apis[index]!);
  const clientCpu = cpuOf(clientPids) - cpuBefore.clients;
  const treeCpu = processTreeCpuSeconds(process.pid).database - cpuBefore.tree;
  // Below this process run the API processes, the client processes and PostgreSQL.
  const databaseCpu = treeCpu - apiCpu.reduce((a, b) => a + b, 0) - clientCpu;
  const arrivals = await Promise.all(clients.map((client) => collect(client.worker)));
  await closeClients(clients.map((client) => client.worker));
  const firstVersion = Number(pointer.version);
  return { groups, outcome, staticResults, started, ended, catchUpMs, apiCpu, clientCpu, databaseCpu, arrivals, firstVersion, clients };
}

type Night = Awaited<ReturnType<typeof runNight>>;

const countOf = (groups: readonly ClientGroup[][], label: string): number[] =>
  groups.map((perProcess) => perProcess.filter((g) => g.label === label).reduce((s, g) => s + g.count, 0));
const percentile = (values: readonly number[], q: number): number =>
  Math.round([...values].sort((a, b) => a - b)[Math.floor(q * values.length)] ?? NaN);

/** The bench's figures (the closing JSON line) from the night's stamps and CPU readings. */
function landResult(stage: Stage, run: Night, loadBefore: number[]) {
  const { outcome, arrivals, started, ended } = run;
  const confirmed = outcome.reports.length;
  const confirmedTimes = outcome.reports.map((report) => report.confirmedAt);
  const offered = rates(
    outcome.reports.map((report) => report.offeredAt),
    started,
    ended,
  );
  const held = rates(confirmedTimes, started, ended);
  const lags = outcome.reports.map((report) => report.confirmedAt - report.offeredAt);
  const landConnected = countOf(run.groups, 'land');
  const townConnected = countOf(run.groups, 'town');
  const landArrival = arrivalFigures(outcome.reports, arrivals, 'land', landConnected);
  const townArrival = arrivalFigures(outcome.reports, arrivals, 'town', townConnected);
  const versions = Math.max(0, ...arrivals.flatMap((result) => Object.keys(result.sizes).map(Number))) - run.firstVersion;
  const deltaBytes = arrivals.flatMap((result) => Object.values(result.sizes));
  const duplicates = arrivals.reduce((sum, result) => sum + Object.values(result.duplicates).reduce((a, b) => a + b, 0), 0);
  const staticRequests = run.staticResults.reduce((sum, r) => sum + r.requests.total, 0);
  const staticNon2xx = run.staticResults.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
  const staticStatus: Record<string, number> = {};
  for (const r of run.staticResults)
    for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) staticStatus[code] = (staticStatus[code] ?? 0) + (count ?? 0);
  const nightSeconds = (ended - started) / 1000;
  const ms = (seconds: number) => Number(((1000 * seconds) / Math.max(1, confirmed)).toFixed(2));
  const segments = NIGHT_CURVE.map(({ untilMinute }, index) => {
    const from = started + ((NIGHT_CURVE[index - 1]?.untilMinute ?? 0) / NIGHT_MINUTES) * MINUTES * 60_000;
    const to = started + (untilMinute / NIGHT_MINUTES) * MINUTES * 60_000;
    const inWindow = (at: number) => at >= from && at < to;
    const seconds = (to - from) / 1000;
    return {
      until: clockOf(untilMinute),
      offeredPerSecond: Math.round(outcome.reports.filter((r) => inWindow(r.offeredAt)).length / seconds),
      confirmedPerSecond: Math.round(confirmedTimes.filter(inWindow).length / seconds),
    };
  });
  return {
    bench: 'land',
    municipalities: stage.land.municipalities.length,
    districts: stage.districts.length,
    reports: stage.order.length,
    wahlkreise: stage.land.wahlkreise.length,
    apiProcesses: stage.apis.length,
    redis: stage.withRedis,
    nightMinutes: MINUTES,
    nightSeconds: Number(nightSeconds.toFixed(1)),
    concurrency: CONCURRENCY,
    importSeconds: Number((stage.importMs / 1000).toFixed(1)),
    importServerCpuSeconds: Number(stage.importCpuSeconds.toFixed(1)),
    reportsConfirmed: confirmed,
    reportsPerSecond: Number((confirmed / nightSeconds).toFixed(1)),
    offeredPeakPerSecond: offered.peakPerSecond,
    confirmedPeakPerSecond: held.peakPerSecond,
    segments,
    lagP50Ms: percentile(lags, 0.5),
    lagP99Ms: percentile(lags, 0.99),
    submitP99Ms: percentile(outcome.submitMs, 0.99),
    approveP99Ms: percentile(outcome.approveMs, 0.99),
    clients: CLIENTS,
    clientsConnected: arrivals.reduce((sum, result) => sum + result.connected, 0),
    landClients: landConnected.reduce((a, b) => a + b, 0),
    townClients: townConnected.reduce((a, b) => a + b, 0),
    versionsPublished: versions,
    publicCatchUpMs: Math.round(run.catchUpMs),
    deltaBytesMax: Math.max(0, ...deltaBytes),
    landP50Ms: landArrival.p50Ms,
    landP99Ms: landArrival.p99Ms,
    landMaxMs: landArrival.maxMs,
    townP50Ms: townArrival.p50Ms,
    townP99Ms: townArrival.p99Ms,
    townMaxMs: townArrival.maxMs,
    missingDeliveries: landArrival.missing + townArrival.missing,
    duplicateDeliveries: duplicates,
    apiCpuMsPerReport: run.apiCpu.map(ms),
    databaseCpuMsPerReport: ms(run.databaseCpu),
    clientProcessesCpuMsPerReport: ms(run.clientCpu),
    apiCpuSecondsPerSecond: run.apiCpu.map((seconds) => Number((seconds / nightSeconds).toFixed(2))),
    databaseCpuSecondsPerSecond: Number((run.databaseCpu / nightSeconds).toFixed(2)),
    staticRequestsPerSecond: Math.round(staticRequests / nightSeconds),
    staticNon2xxOrErrors: staticNon2xx,
    staticStatusCodes: staticStatus,
    errors: outcome.errors.length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: load(),
  };
}

type LandResult = ReturnType<typeof landResult>;

function printSummary(result: LandResult, errors: readonly string[]): void {
  process.stdout.write(
    [
      `Confirmed ${result.reportsConfirmed} of ${result.reports} reports in ${result.nightSeconds} s: ${result.reportsPerSecond}/s; ` +
        `peak offered ${result.offeredPeakPerSecond}/s, confirmed ${result.confirmedPeakPerSecond}/s in one second`,
      ...result.segments.map((s) => `  until ${s.until}: offered ${s.offeredPerSecond}/s, confirmed ${s.confirmedPerSecond}/s`),
      `  offered → confirmed p50 ${result.lagP50Ms} ms, p99 ${result.lagP99Ms} ms; submit p99 ${result.submitP99Ms} ms, approve p99 ${result.approveP99Ms} ms (wall, shared machine)`,
      `Clients ${result.clientsConnected} (Land ${result.landClients}, towns ${result.townClients}); ${result.versionsPublished} versions, delta up to ${result.deltaBytesMax} bytes; ` +
        `the public Land view counted every report ${result.publicCatchUpMs} ms after the night's last confirmation`,
      `  report → Land client p50 ${result.landP50Ms} ms, p99 ${result.landP99Ms} ms, max ${result.landMaxMs} ms`,
      `  report → town client p50 ${result.townP50Ms} ms, p99 ${result.townP99Ms} ms, max ${result.townMaxMs} ms (${result.missingDeliveries} deliveries missing, ${result.duplicateDeliveries} duplicates)`,
      `CPU per confirmed report: API ${result.apiCpuMsPerReport.join(' + ')} ms, PostgreSQL ${result.databaseCpuMsPerReport} ms, client processes ${result.clientProcessesCpuMsPerReport} ms`,
      `  busy cores: API ${result.apiCpuSecondsPerSecond.join(' + ')}, PostgreSQL ${result.databaseCpuSecondsPerSecond}`,
      `Static JSON: ${result.staticRequestsPerSecond} requests/s, status ${JSON.stringify(result.staticStatusCodes)}, ${result.staticNon2xxOrErrors} not 2xx or failed; errors ${errors.length}` +
        (errors.length ? ` (first: ${errors[0]})` : ''),
      `Load average before ${result.loadAverageBefore.join(' ')}, after ${result.loadAverageAfter.join(' ')}`,
    ].join('\n') + '\n',
  );
}

/** Every report must be counted: by the office's totals, on the public Land page and at some client. */
async function countingProblems(stage: Stage, run: Night): Promise<string[]> {
  const { apis, electionId, rootId, order } = stage;
  const confirmed = run.outcome.reports.length;
  const totals = await expectStatus(
    'totals',
    call(apis[1 % apis.length]!.url, 'GET', `/api/elections/${electionId}/totals?area=municipality`, undefined, stage.staff.office),
    200,
  );
  const publicLand = await expectStatus('land view', call(apis[0]!.url, 'GET', `/api/public/elections/${electionId}/areas/${rootId}`), 200);
  const publicReported = (publicLand.results as { areaId: string; reported: number }[]).find(
    (result) => result.areaId === rootId,
  )?.reported;
  const unmatched = run.clients.length ? unmatchedReports(run.outcome.reports, run.arrivals) : 0;
  return [
    confirmed !== order.length && `${confirmed} of ${order.length} reports confirmed`,
    totals.reported !== order.length && `the office's totals count ${totals.reported} reports`,
    publicReported !== order.length && `the public Land page counts ${publicReported} reports`,
    run.outcome.errors.length > 0 && `${run.outcome.errors.length} requests failed`,
    unmatched > 0 && `${unmatched} reports reached no client`,
  ].filter((problem): problem is string => typeof problem === 'string');
}

async function main(): Promise<void> {
  const loadBefore = load();
  const database = await startSharedDatabase('wahl-bench-land-');
  // Kept after the run: the API processes' warnings and errors (e.g. the cause of a 500).
  const logDir = mkdtempSync(join(tmpdir(), 'wahl-bench-land-logs-'));
  try {
    const stage = await setUpLand(database.url, logDir);
    const run = await runNight(stage);
    const result = landResult(stage, run, loadBefore);
    printSummary(result, run.outcome.errors);
    const problems = await countingProblems(stage, run);
    if (problems.length) throw new Error(`Land rehearsal failed: ${problems.join('; ')}`);
    // Stopped first, so that errors while shutting down are shown too, before the closing JSON line.
    await stopAll();
    printApiErrors(logDir);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    await stopAll();
    printApiErrors(logDir);
    throw error;
  } finally {
    agent.destroy();
    await stopAll();
    await database.stop();
  }
}

const SHOWN_ERROR_LINES = 20;

function printApiErrors(logDir: string): void {
  const lines = apiErrorLines(logDir);
  process.stdout.write(`API logs (warn and above) in ${logDir}: ${lines.length} error lines\n`);
  for (const line of lines.slice(0, SHOWN_ERROR_LINES)) process.stdout.write(`  ${line.slice(0, 2000)}\n`);
  if (lines.length > SHOWN_ERROR_LINES) process.stdout.write(`  … ${lines.length - SHOWN_ERROR_LINES} more\n`);
}

// Interrupted: the API and client processes end with the bench (the database has its own watchdog).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));

main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stopAll();
  process.exit(1);
});
