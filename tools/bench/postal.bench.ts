// Postal-vote application benchmark (issue 8): the built API runs as a child process on its own
// embedded PostgreSQL. A generated register of the demo town becomes the roll, the polling cards are
// prepared (every voter gets the QR token of the card; the printing itself is cancelled), and then
// voters apply online with their card's token and birth date, as the page does, over HTTP on
// 127.0.0.1 with a bounded number of requests in flight, for a fixed number of applications.
// Prints accepted applications per second and the p50/p99 latency of the accepting request, server
// CPU per application, and one closing JSON line for tooling. Target: ≥ 200/s, p99 < 200 ms.
// Run through `npm run bench:postal` (builds the API first).
//   npm run bench:postal -- [--residents 20000] [--applications 5000] [--concurrency 16] [--flow apply|full]
// `--flow full` also sends the two page steps before (code lookup, birth-date check) per application.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { validateElectionDefinition } from '@wahl/domain';
import { formatRegisterLine, generateResidents, REGISTER_HEADER } from '@wahl/register-generator';
import { call, expectStatus } from './bench-http';
import { freePort, percentile, processTreeCpuSeconds, sleep } from './bench-support';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const positive = (name: string, raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const RESIDENTS = positive('residents', argument('residents', '20000'));
const APPLICATIONS = positive('applications', argument('applications', '5000'));
const CONCURRENCY = positive('concurrency', argument('concurrency', '16'));
const FLOW = argument('flow', 'apply');
if (FLOW !== 'apply' && FLOW !== 'full') throw new Error('--flow must be apply or full');
const WARM_UP = 300;
const PASSWORD = 'bench-password-123';
const TOKEN_KEY = `bench-card-token-key-${randomUUID()}`;
const MAIN = resolve(__dirname, '../../dist/apps/api/apps/api/src/main.js');

async function startApi(dataDir: string): Promise<{ base: string; child: ChildProcess; pgPort: number }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run bench:postal does)`);
  const port = await freePort();
  const pgPort = await freePort();
  const child = spawn(process.execPath, [...(process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean), MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WAHL_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      WAHL_ADMIN_PASSWORD: PASSWORD,
      WAHL_CARD_TOKEN_KEY: TOKEN_KEY,
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
      if ((await call(base, 'GET', '/api/health')).status === 200) return { base, child, pgPort };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API did not become healthy within 2 minutes');
}

/** The card's token as the polling-card job derives it (apps/api/src/modules/polling-cards/jobs/card-tokens.ts). */
const cardToken = (electionId: string, voterId: number, issue: number): string =>
  createHmac('sha256', TOKEN_KEY)
    .update(`polling-card-token\u0000${electionId}\u0000${voterId}\u0000${issue}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

type Applicant = { readonly token: string; readonly birthDate: string };

/** Sets up office, election, roll and cards; returns the applicants (token and birth date per voter). */
async function prepare(base: string, pgPort: number): Promise<{ electionId: string; applicants: Applicant[] }> {
  const admin = await expectStatus('login', call(base, 'POST', '/api/auth/login', { username: 'admin', password: PASSWORD }), 200);
  const adminAuth = { authorization: `Bearer ${admin['token']}` };
  const office = await expectStatus(
    'office',
    call(base, 'POST', '/api/offices', { name: 'Stadt Wahlingen', ags: '08199001', level: 'municipality' }, adminAuth),
    201,
  );
  await expectStatus(
    'clerk',
    call(
      base,
      'POST',
      `/api/offices/${office['id']}/users`,
      { username: 'bench-clerk', displayName: 'Bench', password: PASSWORD, role: 'clerk' },
      adminAuth,
    ),
    201,
  );
  const clerk = await expectStatus(
    'clerk login',
    call(base, 'POST', '/api/auth/login', { username: 'bench-clerk', password: PASSWORD }),
    200,
  );
  const auth = { authorization: `Bearer ${clerk['token']}` };
  const validated = validateElectionDefinition(JSON.parse(readFileSync(resolve(__dirname, '../../examples/demo-election.json'), 'utf8')));
  if (!validated.ok) throw new Error('examples/demo-election.json is not valid');
  const election = await expectStatus('election', call(base, 'POST', '/api/elections', validated.value, auth), 201);
  const electionId = election['id'] as string;
  const lines = [REGISTER_HEADER];
  for (const resident of generateResidents(validated.value, { residents: RESIDENTS, seed: 'bench-postal' }))
    lines.push(formatRegisterLine(resident));
  const imported = await expectStatus(
    'register import',
    call(base, 'POST', `/api/elections/${electionId}/register-imports`, lines.join('\n') + '\n', { ...auth, 'content-type': 'text/csv' }),
    201,
  );
  if (imported['status'] !== 'succeeded') throw new Error(`register import: ${JSON.stringify(imported).slice(0, 300)}`);
  await expectStatus('roll build', call(base, 'POST', `/api/elections/${electionId}/roll/build`, undefined, auth), 200);
  // The cards job stores every voter's token when it is prepared; the printing is not needed here.
  const job = await expectStatus(
    'cards job',
    call(base, 'POST', `/api/elections/${electionId}/polling-cards/jobs`, { kind: 'main' }, auth),
    202,
  );
  await call(base, 'POST', `/api/elections/${electionId}/polling-cards/jobs/${job['id']}/cancel`, undefined, auth);
  for (let i = 0; i < 600; i++) {
    const state = await expectStatus(
      'cards job state',
      call(base, 'GET', `/api/elections/${electionId}/polling-cards/jobs/${job['id']}`, undefined, auth),
      200,
    );
    if (!['prepared', 'running', 'cancel-requested'].includes(state['status'])) break;
    await sleep(200);
  }
  // Birth dates and token issues straight from the database: the bench plays the voters, who know both.
  const db = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/wahlsystem` });
  await db.connect();
  try {
    const { rows } = await db.query<{ voter_id: number; birth_date: string; issue: number }>(
      `SELECT e.voter_id, e.birth_date::text AS birth_date, max(t.issue)::int AS issue FROM roll_entries e
       JOIN polling_card_tokens t ON t.election_id = e.election_id AND t.voter_id = e.voter_id AND t.revoked_at IS NULL
       WHERE e.election_id = $1 AND e.status = 'active' GROUP BY e.voter_id, e.birth_date ORDER BY md5(e.voter_id::text)`,
      [electionId],
    );
    return { electionId, applicants: rows.map((r) => ({ token: cardToken(electionId, r.voter_id, r.issue), birthDate: r.birth_date })) };
  } finally {
    await db.end();
  }
}

async function apply(base: string, applicant: Applicant): Promise<number> {
  if (FLOW === 'full') {
    await expectStatus('lookup', call(base, 'POST', '/api/public/postal-voting/link', { token: applicant.token }), 200);
    await expectStatus('verify', call(base, 'POST', '/api/public/postal-voting/link/verify', applicant), 200);
  }
  const started = process.hrtime.bigint();
  await expectStatus(
    'application',
    call(base, 'POST', '/api/public/postal-voting/link/applications', { ...applicant, delivery: { kind: 'home' } }),
    201,
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs the applicants with `CONCURRENCY` in flight; returns the latencies of the accepting requests. */
async function run(base: string, applicants: readonly Applicant[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < applicants.length) latencies.push(await apply(base, applicants[next++]!));
    }),
  );
  return latencies;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wahl-bench-postal-'));
  // As root the embedded PostgreSQL runs as the OS user postgres, which must reach its data folder.
  chmodSync(dataDir, 0o755);
  const { base, child, pgPort } = await startApi(dataDir);
  try {
    const setupStart = Date.now();
    const { applicants } = await prepare(base, pgPort);
    if (applicants.length < WARM_UP + APPLICATIONS)
      throw new Error(`only ${applicants.length} voters for ${WARM_UP + APPLICATIONS} applications: raise --residents`);
    const setupSeconds = (Date.now() - setupStart) / 1000;
    await run(base, applicants.slice(0, WARM_UP));
    const measured = applicants.slice(WARM_UP, WARM_UP + APPLICATIONS);
    const cpuBefore = processTreeCpuSeconds(child.pid!);
    const started = process.hrtime.bigint();
    const latencies = await run(base, measured);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuAfter = processTreeCpuSeconds(child.pid!);
    latencies.sort((a, b) => a - b);
    const result = {
      bench: 'postal',
      flow: FLOW,
      voters: applicants.length,
      applications: measured.length,
      concurrency: CONCURRENCY,
      seconds: Number(seconds.toFixed(2)),
      acceptedPerSecond: Math.round(measured.length / seconds),
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
      apiCpuMsPerApplication: Number((((cpuAfter.api - cpuBefore.api) * 1000) / measured.length).toFixed(2)),
      databaseCpuMsPerApplication: Number((((cpuAfter.database - cpuBefore.database) * 1000) / measured.length).toFixed(2)),
      setupSeconds: Number(setupSeconds.toFixed(1)),
    };
    process.stdout.write(
      `Postal applications (${FLOW === 'full' ? 'lookup + birth date + application' : 'application request'}), ${result.voters} voters, ${CONCURRENCY} in flight:\n` +
        `  ${result.applications} accepted in ${result.seconds} s = ${result.acceptedPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms\n` +
        `  server CPU per application: API ${result.apiCpuMsPerApplication} ms, PostgreSQL ${result.databaseCpuMsPerApplication} ms (setup ${result.setupSeconds} s)\n` +
        JSON.stringify(result) +
        '\n',
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
