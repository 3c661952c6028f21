// Live results benchmark (`npm run bench:live`): the API runs as its own child process (the built
// server, as `npm start` runs it) on a private embedded PostgreSQL; public socket.io clients run in
// two further child processes. For N = 1,000, 5,000 and 10,000 clients on one API process, and
// 10,000 over two API processes sharing deltas through Redis, it confirms real Karlsruhe
// district reports (Bundestagswahl 2025) over HTTP and measures the time from sending the
// confirming request to the delta's arrival at every client: p50, p99, max, duplicates (a version
// reaching a client twice), and the CPU of the API and of the client processes apart. Then autocannon
// against the static snapshot with keep-alive and If-None-Match. Everything on 127.0.0.1, bounded.
// Ends with one JSON line `{"bench":"live",…}`.
import autocannon from 'autocannon';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ElectionDefinition } from '@wahl/domain';
import { karlsruheReport, readKarlsruheResults } from '../examples/karlsruhe-results';
import { WahlApiClient } from '../examples/wahl-api-client';
import { reachable, startApi as startApiProcess, startSharedDatabase, stop, stopAll, type ApiProcess } from './api-cluster';
import { cpuSecondsOf as cpuSeconds, cpuSecondsOfAll, sleep } from './bench-support';
import { closeClients, collect, startClients as startClientProcesses } from './live-clients';

const ROOT = resolve(__dirname, '../..');
// BENCH_LIVE_SIZES=none skips the socket scenarios (e.g. to profile the HTTP part alone).
const SIZES = (process.env['BENCH_LIVE_SIZES'] ?? '1000,5000,10000')
  .split(',')
  .filter((size) => /^\d+$/.test(size))
  .map(Number);
const REDIS_SIZE = Number(process.env['BENCH_LIVE_REDIS_SIZE'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_LIVE_ROUNDS'] ?? 5);
const CLIENT_PROCESSES = 2;
// More than the 1 s coalescing window, so that every confirmation is its own, undelayed version.
const GAP_MS = 2500;
const ADMIN_PASSWORD = 'bench-admin-password';
const STAFF_PASSWORD = 'bench-staff-password';
const AUTOCANNON_SECONDS = Number(process.env['BENCH_LIVE_HTTP_SECONDS'] ?? 10);

const now = (): number => performance.timeOrigin + performance.now();
let clientKind = 'protocol';

// BENCH_LIVE_API_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=prof`, to profile the server.
const startApi = (databaseUrl: string, redisUrl?: string): Promise<ApiProcess> =>
  startApiProcess({
    databaseUrl,
    adminPassword: ADMIN_PASSWORD,
    ...(redisUrl ? { redisUrl } : {}),
    nodeArgs: (process.env['BENCH_LIVE_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
  });

type Setup = {
  electionId: string;
  rootArea: string;
  clerk: WahlApiClient;
  admin: WahlApiClient;
  reports: { districtId: string; report: object }[];
};

async function setUpElection(url: string): Promise<Setup> {
  const provider = await WahlApiClient.signIn(url, 'admin', ADMIN_PASSWORD);
  const office = await provider.request<{ id: string }>('POST', '/api/offices', {
    name: 'Stadt Karlsruhe',
    ags: '08212000',
    level: 'municipality',
  });
  for (const [username, role] of [
    ['bench-clerk', 'clerk'],
    ['bench-admin', 'office-admin'],
  ] as const) {
    await provider.request('POST', `/api/offices/${office.id}/users`, { username, displayName: username, password: STAFF_PASSWORD, role });
  }
  const clerk = await WahlApiClient.signIn(url, 'bench-clerk', STAFF_PASSWORD);
  const admin = await WahlApiClient.signIn(url, 'bench-admin', STAFF_PASSWORD);
  const document = JSON.parse(readFileSync(join(ROOT, 'examples/karlsruhe-btw2025.json'), 'utf8')) as ElectionDefinition;
  const { id: electionId } = await clerk.request<{ id: string }>('POST', '/api/elections', document);
  const snapshot = await clerk.request<{ areas: { id: string; number: string; parentId: string | null }[] }>(
    'GET',
    `/api/public/elections/${electionId}`,
  );
  const idOf = new Map(snapshot.areas.map((area) => [area.number, area.id]));
  const reports = readKarlsruheResults().map((row) => ({
    districtId: idOf.get(row['bezirk-nr']!)!,
    report: karlsruheReport(row, document),
  }));
  return { electionId, rootArea: snapshot.areas.find((area) => area.parentId === null)!.id, clerk, admin, reports };
}

/** The client processes, each with its share of `total` clients joined to the overview (`areaId`). */
async function startClients(urls: readonly string[], total: number, electionId: string, areaId: string) {
  const shares = Array.from({ length: CLIENT_PROCESSES }, (_, index) => [
    { label: 'overview', areaId, count: Math.floor(total / CLIENT_PROCESSES) + (index < total % CLIENT_PROCESSES ? 1 : 0) },
  ]);
  const processes = await startClientProcesses(urls, electionId, shares);
  processes.forEach(({ kind, errors }, index) => {
    clientKind = kind;
    if (errors) process.stdout.write(`  client process ${index + 1}: ${errors} of ${shares[index]![0]!.count} failed to connect\n`);
  });
  return processes.map(({ worker }) => worker);
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
const round1 = (value: number) => Math.round(value * 10) / 10;

type ScenarioResult = {
  clients: number;
  apiProcesses: number;
  connected: number;
  rounds: number;
  missing: number;
  /** Deltas that reached a client holding their version already (each version should arrive once). */
  duplicates: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  deltaBytes: number;
  /** CPU the API process(es) spent per confirmed report: the approval, publishing, and the broadcast to every client. */
  apiCpuMsPerReport: number | null;
  /** The same divided by the clients: what one client costs the server per delta (fixed costs included). */
  apiCpuUsPerClientPerDelta: number | null;
  /** CPU of the client processes in the same windows: their share of the two cores. */
  clientCpuMsPerReport: number | null;
  /** Per round, to tell the first rounds (JIT warm-up) from the rest. */
  p99MsPerRound: number[];
  apiCpuMsPerRound: (number | null)[];
  loadAverage: number;
};

/** CPU milliseconds each group of processes spends while `work` runs (null where /proc is not available). */
async function cpuMsDuring(groups: readonly (readonly ChildProcess[])[], work: () => Promise<void>): Promise<(number | null)[]> {
  const pids = groups.map((group) => group.map((child) => child.pid));
  const before = pids.map(cpuSecondsOfAll);
  await work();
  return pids.map((group, index) => {
    const [start, end] = [before[index] ?? null, cpuSecondsOfAll(group)];
    return start === null || end === null ? null : 1000 * (end - start);
  });
}

const perReport = (perRound: readonly (number | null)[]): number | null =>
  perRound.some((value) => value === null) ? null : Math.round(perRound.reduce((sum: number, value) => sum + value!, 0) / perRound.length);

async function scenario(
  setup: Setup,
  urls: readonly string[],
  clients: number,
  next: { index: number },
  apis: readonly ApiProcess['child'][],
): Promise<ScenarioResult> {
  process.stdout.write(`\n${clients} clients on ${urls.length} API process(es): connecting …\n`);
  const started = now();
  const workers = await startClients(urls, clients, setup.electionId, setup.rootArea);
  const connected = (await Promise.all(workers.map(collect))).reduce((sum, arrivals) => sum + arrivals.connected, 0);
  process.stdout.write(`  ${connected} connected and joined in ${((now() - started) / 1000).toFixed(1)} s\n`);
  await sleep(1500);
  const base = (await setup.clerk.request<{ version: number }>('GET', `/api/public/elections/${setup.electionId}`)).version;
  const sent: number[] = [];
  const apiCpu: (number | null)[] = [];
  const clientCpu: (number | null)[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const { districtId, report } = setup.reports[next.index++]!;
    const entered = await setup.clerk.enterReport(setup.electionId, districtId, report);
    await sleep(300);
    const [apiMs, clientMs] = await cpuMsDuring([apis, workers], async () => {
      sent.push(now());
      await setup.admin.approve(setup.electionId, districtId, entered.version);
      await sleep(GAP_MS);
    });
    apiCpu.push(apiMs ?? null);
    clientCpu.push(clientMs ?? null);
  }
  const results = await Promise.all(workers.map(collect));
  await closeClients(workers);
  const latencies: number[] = [];
  const p99MsPerRound: number[] = [];
  let missing = 0;
  let duplicates = 0;
  let deltaBytes = 0;
  sent.forEach((at, round) => {
    const version = String(base + round + 1);
    const inRound: number[] = [];
    for (const result of results) {
      const stamps = result.arrivals['overview']?.[version] ?? [];
      missing += result.connected - stamps.length;
      duplicates += result.duplicates[version] ?? 0;
      for (const stamp of stamps) inRound.push(stamp - at);
      deltaBytes = Math.max(deltaBytes, result.sizes[version] ?? 0);
    }
    latencies.push(...inRound);
    inRound.sort((a, b) => a - b);
    p99MsPerRound.push(round1(quantile(inRound, 0.99)));
  });
  latencies.sort((a, b) => a - b);
  const apiCpuMsPerReport = perReport(apiCpu);
  const outcome = {
    clients,
    apiProcesses: urls.length,
    connected,
    rounds: ROUNDS,
    missing,
    duplicates,
    p50Ms: round1(quantile(latencies, 0.5)),
    p99Ms: round1(quantile(latencies, 0.99)),
    maxMs: round1(latencies.at(-1) ?? NaN),
    deltaBytes,
    apiCpuMsPerReport,
    apiCpuUsPerClientPerDelta: apiCpuMsPerReport === null || connected === 0 ? null : round1((1000 * apiCpuMsPerReport) / connected),
    clientCpuMsPerReport: perReport(clientCpu),
    p99MsPerRound,
    apiCpuMsPerRound: apiCpu.map((ms) => (ms === null ? null : Math.round(ms))),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
  process.stdout.write(
    `  confirmed → arrived at every client: p50 ${outcome.p50Ms} ms, p99 ${outcome.p99Ms} ms, max ${outcome.maxMs} ms (${ROUNDS} reports, delta ${deltaBytes} bytes, ${missing} missing)\n` +
      `  duplicates: ${duplicates}\n` +
      `  API CPU per report (approval, publishing, broadcast): ${outcome.apiCpuMsPerReport} ms; client processes' CPU per report: ${outcome.clientCpuMsPerReport} ms\n` +
      `  API CPU per client per delta (µs): ${outcome.apiCpuUsPerClientPerDelta}\n` +
      `  per round: p99 ${p99MsPerRound.join(' / ')} ms; API CPU ${outcome.apiCpuMsPerRound.join(' / ')} ms; load average ${outcome.loadAverage}\n`,
  );
  return outcome;
}

async function httpBench(setup: Setup, url: string, api: ApiProcess['child']) {
  const target = `${url}/api/public/elections/${setup.electionId}`;
  const first = await fetch(target, { headers: { 'accept-encoding': 'gzip' } });
  const etag = first.headers.get('etag')!;
  const snapshotBytes = Number(first.headers.get('content-length') ?? (await first.arrayBuffer()).byteLength);
  const run = (headers: Record<string, string>) =>
    autocannon({ url: target, connections: 50, pipelining: 1, duration: AUTOCANNON_SECONDS, headers });
  // The API's own CPU time per request tells its capacity even on a machine shared with other work.
  const measured = async (headers: Record<string, string>) => {
    const cpuBefore = cpuSeconds(api.pid);
    const result = await run(headers);
    const cpuAfter = cpuSeconds(api.pid);
    const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    return { result, perCpuSecond: cpu ? Math.round(result.requests.total / cpu) : null };
  };
  process.stdout.write(`\nautocannon ${AUTOCANNON_SECONDS} s, 50 keep-alive connections, If-None-Match (304) …\n`);
  const { result: notModified, perCpuSecond: notModifiedPerCpu } = await measured({ 'if-none-match': etag, 'accept-encoding': 'gzip' });
  process.stdout.write(`autocannon ${AUTOCANNON_SECONDS} s, 50 keep-alive connections, full gzip snapshot (200) …\n`);
  const { result: full, perCpuSecond: fullPerCpu } = await measured({ 'accept-encoding': 'gzip' });
  const result = {
    notModifiedPerSecond: Math.round(notModified.requests.average),
    notModifiedP99Ms: notModified.latency.p99,
    notModified304: notModified.non2xx,
    notModifiedPerApiCpuSecond: notModifiedPerCpu,
    fullPerSecond: Math.round(full.requests.average),
    fullP99Ms: full.latency.p99,
    fullPerApiCpuSecond: fullPerCpu,
    snapshotGzipBytes: snapshotBytes,
    errors: notModified.errors + full.errors,
  };
  process.stdout.write(
    `  ETag hits: ${result.notModifiedPerSecond} requests/s (p99 ${result.notModifiedP99Ms} ms, ${result.notModified304} × 304; ${result.notModifiedPerApiCpuSecond} per API CPU second)\n` +
      `  full snapshot (${snapshotBytes} bytes gzip): ${result.fullPerSecond} requests/s (p99 ${result.fullP99Ms} ms; ${result.fullPerApiCpuSecond} per API CPU second)\n`,
  );
  return result;
}

async function main(): Promise<void> {
  process.stdout.write('Building the API …\n');
  spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: ROOT, stdio: 'ignore' });
  const database = await startSharedDatabase('wahl-bench-live-');
  try {
    const databaseUrl = database.url;
    const single = await startApi(databaseUrl);
    const setup = await setUpElection(single.url);
    process.stdout.write(`Karlsruhe BTW 2025: ${setup.reports.length} districts; clients join the overview (area "${setup.rootArea}").\n`);
    const next = { index: 0 };
    const scenarios: ScenarioResult[] = [];
    for (const size of SIZES) scenarios.push(await scenario(setup, [single.url], size, next, [single.child]));
    const http = await httpBench(setup, single.url, single.child);
    await stop(single.child);

    const redisUrl = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
    if (SIZES.length === 0) {
      process.stdout.write('\nNo socket scenarios (BENCH_LIVE_SIZES=none).\n');
    } else if (await reachable(redisUrl)) {
      const [a, b] = await Promise.all([startApi(databaseUrl, redisUrl), startApi(databaseUrl, redisUrl)]);
      const redisSetup = {
        ...setup,
        clerk: await WahlApiClient.signIn(a.url, 'bench-clerk', STAFF_PASSWORD),
        admin: await WahlApiClient.signIn(a.url, 'bench-admin', STAFF_PASSWORD),
      };
      scenarios.push(await scenario(redisSetup, [a.url, b.url], REDIS_SIZE, next, [a.child, b.child]));
      await Promise.all([stop(a.child), stop(b.child)]);
    } else {
      process.stdout.write(`\nRedis at ${redisUrl} not reachable: the two-process scenario is skipped.\n`);
    }
    process.stdout.write(
      JSON.stringify({
        bench: 'live',
        clients: clientKind,
        machineCpus: cpus().length,
        loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
        scenarios,
        http,
      }) + '\n',
    );
  } finally {
    await stopAll();
    await database.stop();
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stopAll();
  process.exit(1);
});
