// Council ballot entry benchmark: the built API runs as a child process on its own embedded
// PostgreSQL; a council election of 48 seats and 15 lists is imported, and several counting teams
// post batches of changed ballots (cumulated and split, a few over-voted) over HTTP on 127.0.0.1 in
// parallel for a fixed time. Prints changed ballots per second sustained, batch latency p50/p99, and
// one closing JSON line for tooling. Run through `npm run bench:ballots` (builds the API first).
//   npm run bench:ballots -- [--seconds 20] [--teams 8] [--batch 50]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sampleCouncilDefinition } from '../../libs/domain/test-support/election-definition.fixture';
import { freePort, percentile, sleep } from './bench-support';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SECONDS = argument('seconds', 20);
const TEAMS = argument('teams', 8);
const BATCH = argument('batch', 50);
const WARM_UP_SECONDS = 2;
const SEATS = 48;
const AGS = '08999901';
const PASSWORD = 'bench-password-123';
const MAIN = resolve(__dirname, '../../dist/apps/api/apps/api/src/main.js');

// Deterministic ballots, so that runs are comparable (xorshift32).
let state = 0x9e3779b9;
const random = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};

// Lists and candidate numbers shaped like a large city's council election (15 lists, shares in %).
const LISTS = [
  ['gruene', 25.6, 48],
  ['cdu', 19.6, 48],
  ['spd', 12.4, 48],
  ['fdp', 6.2, 48],
  ['afd', 10.0, 48],
  ['linke', 5.5, 48],
  ['kal', 5.3, 48],
  ['partei', 3.0, 48],
  ['fw', 3.0, 48],
  ['fuer', 2.0, 48],
  ['tt', 0.2, 2],
  ['dua', 0.6, 28],
  ['kag', 0.2, 1],
  ['volt', 5.8, 48],
  ['oedp', 0.6, 9],
] as const;

function councilDefinition(): unknown {
  const doc = structuredClone(sampleCouncilDefinition()) as unknown as Record<string, unknown> & { contests: Record<string, unknown>[] };
  doc['municipality'] = { ags: AGS, name: 'Bankstadt' };
  doc['name'] = 'Gemeinderatswahl (Benchmark)';
  doc.contests = [
    {
      id: 'gr',
      name: 'Gemeinderat',
      ballotType: 'council',
      votesPerBallot: SEATS,
      maxVotesPerCandidate: 3,
      seats: SEATS,
      lists: LISTS.map(([id, , size], i) => ({
        id,
        ballotPosition: i + 1,
        shortName: id.toUpperCase(),
        name: `Wahlvorschlag ${id.toUpperCase()}`,
        color: '#336699',
        candidates: Array.from({ length: size }, (_, c) => ({
          position: c + 1,
          familyName: `Familie${c + 1}`,
          givenNames: `Vorname ${id}`,
        })),
      })),
    },
  ];
  return doc;
}

type Mark = { list: string; position: number; votes: number };

const weighted = (): (typeof LISTS)[number] => {
  let r = random() * 100;
  for (const list of LISTS) if ((r -= list[1]) < 0) return list;
  return LISTS[0];
};

/**
 * A changed ballot: the voter's own list paper (or, 1 in 10, the blank paper); 3 votes each on a few
 * favourites of the own list (cumulation), single votes further down, some candidates of one to
 * three other lists (splitting). About 1 % give 4 votes to one candidate, 1 % over-vote (invalid).
 */
function changedBallot(): { paper: string | null; marks: Mark[] } {
  const home = weighted();
  const marks = new Map<string, Mark>();
  let left = SEATS;
  const give = (list: (typeof LISTS)[number], votes: number): void => {
    const position = 1 + Math.floor(random() * random() * list[2]);
    const key = `${list[0]}#${position}`;
    if (marks.has(key) || votes > left) return;
    marks.set(key, { list: list[0], position, votes });
    left -= votes;
  };
  for (let i = 3 + Math.floor(random() * 6); i > 0; i--) give(home, 3);
  for (let i = 4 + Math.floor(random() * 10); i > 0; i--) give(home, 1 + Math.floor(random() * 2));
  for (let other = 1 + Math.floor(random() * 3); other > 0; other--) {
    const list = weighted();
    for (let i = 2 + Math.floor(random() * 6); i > 0; i--) give(list, 1 + Math.floor(random() * 3));
  }
  const result = [...marks.values()];
  const roll = random();
  if (roll < 0.01 && result[0]) result[0].votes = 4;
  else if (roll < 0.02)
    result.push(
      { list: home[0], position: home[2], votes: 3 },
      ...Array.from({ length: 17 }, (_, i) => ({ list: 'cdu', position: 30 + i, votes: 3 })),
    );
  // An over-voted ballot may name a candidate twice by accident here; keep entries unique as the entry UI would.
  const unique = new Map(result.map((m) => [`${m.list}#${m.position}`, m]));
  return { paper: random() < 0.1 ? null : home[0], marks: [...unique.values()] };
}

function batchBody(team: number): string {
  const changed = Array.from({ length: BATCH }, changedBallot);
  return JSON.stringify({ team: `Zählgruppe ${team}`, declaredBallots: changed.length, changed });
}

// Responses are read loosely: this is a load generator, the API's contract is tested elsewhere.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function expectStatus(what: string, promise: Promise<{ status: number; json: Json }>, status: number): Promise<Json> {
  const result = await promise;
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

async function startApi(dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run bench:ballots does)`);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
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
      if ((await fetch(`${base}/api/health`)).status === 200) return { base, child };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API did not become healthy within 2 minutes');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wahl-bench-ballots-'));
  // Run as root, the embedded server's own OS user must be able to enter the folder.
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
    const tokens: string[] = [];
    for (let team = 0; team <= TEAMS; team++) {
      const username = team === 0 ? 'bench-office' : `bench-team-${team}`;
      const role = team === 0 ? 'office-admin' : 'clerk';
      await expectStatus(
        'user',
        call(base, 'POST', `/api/offices/${office.id}/users`, { username, displayName: username, password: PASSWORD, role }, asAdmin),
        201,
      );
      tokens.push((await expectStatus('login', call(base, 'POST', '/api/auth/login', { username, password: PASSWORD }), 200)).token);
    }
    const asOffice = { authorization: `Bearer ${tokens[0]}` };
    const election = await expectStatus('import', call(base, 'POST', '/api/elections', councilDefinition(), asOffice), 201);
    const path = `/api/elections/${election.id}/contests/gr/council-batches`;

    // Bodies are made before the clock starts, so the client spends its CPU on HTTP only.
    const bodies = Array.from({ length: TEAMS }, (_, team) => Array.from({ length: 12 }, () => batchBody(team + 1)));
    const sample = bodies.flat().flatMap((body) => JSON.parse(body).changed as { marks: Mark[] }[]);
    const marksPerBallot = sample.reduce((sum, b) => sum + b.marks.length, 0) / sample.length;
    const votesPerBallot = sample.reduce((sum, b) => sum + b.marks.reduce((v, m) => v + m.votes, 0), 0) / sample.length;

    const start = Date.now();
    const measureFrom = start + WARM_UP_SECONDS * 1000;
    const end = measureFrom + SECONDS * 1000;
    const latencies: number[] = [];
    let measuredBallots = 0;
    let postedBallots = 0;
    const cpuStart = process.cpuUsage();
    await Promise.all(
      Array.from({ length: TEAMS }, async (_, team) => {
        const headers = { authorization: `Bearer ${tokens[team + 1]}` };
        for (let i = 0; Date.now() < end; i++) {
          const sent = Date.now();
          await expectStatus(
            'batch',
            call(base, 'POST', path, bodies[team]![i % bodies[team]!.length]!, { ...headers, 'idempotency-key': randomUUID() }),
            201,
          );
          const done = Date.now();
          postedBallots += BATCH;
          if (sent >= measureFrom && done <= end) {
            latencies.push(done - sent);
            measuredBallots += BATCH;
          }
        }
      }),
    );
    const cpu = process.cpuUsage(cpuStart);

    const resultStart = Date.now();
    const result = await expectStatus(
      'result',
      call(base, 'GET', `/api/elections/${election.id}/contests/gr/council-result`, undefined, asOffice),
      200,
    );
    const resultMs = Date.now() - resultStart;
    if (result.ballots.total !== postedBallots)
      throw new Error(`result counts ${result.ballots.total} ballots, ${postedBallots} were posted`);

    latencies.sort((a, b) => a - b);
    const ballotsPerSecond = Math.round(measuredBallots / SECONDS);
    const summary = {
      bench: 'ballots',
      ballotsPerSecond,
      batchesPerSecond: Number((latencies.length / SECONDS).toFixed(1)),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      teams: TEAMS,
      ballotsPerBatch: BATCH,
      marksPerBallot: Number(marksPerBallot.toFixed(1)),
      votesPerBallot: Number(votesPerBallot.toFixed(1)),
      seconds: SECONDS,
      totalBallots: postedBallots,
      invalidBallots: result.ballots.invalid,
      resultQueryMs: resultMs,
      clientCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    };
    process.stdout.write(
      `Council ballot entry: ${TEAMS} teams × batches of ${BATCH} changed ballots (on average ${summary.marksPerBallot} candidates marked, ${summary.votesPerBallot} votes), ${SECONDS} s after ${WARM_UP_SECONDS} s warm-up\n` +
        `  ${ballotsPerSecond} ballots/s sustained (${summary.batchesPerSecond} batches/s), batch latency p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms\n` +
        `  ${postedBallots} ballots stored (${summary.invalidBallots} invalid); result over all of them in ${resultMs} ms; seats: ` +
        (result.lists as { id: string; seats: number }[])
          .filter((l) => l.seats > 0)
          .map((l) => `${l.id} ${l.seats}`)
          .join(', ') +
        '\n' +
        JSON.stringify(summary) +
        '\n',
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
