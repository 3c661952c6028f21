import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { splitIntoLots } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardJobOf, mailPieces } from '../../apps/api/src/modules/polling-cards/jobs/polling-card-job.runner';
import { PollingCardJobRepository, type JobRow } from '../../apps/api/src/modules/polling-cards/jobs/polling-card-job.repository';
import { PollingCardsService } from '../../apps/api/src/modules/polling-cards/polling-cards.service';
import { compileLayout } from '../../apps/api/src/modules/polling-cards/rendering/card-layout.compiler';
import { loadCardTemplate } from '../../apps/api/src/modules/polling-cards/rendering/card-template.loader';
import { renderLotToFile } from '../../apps/api/src/modules/polling-cards/rendering/lot-renderer';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { residentsAsJson, startFakeRegisterService, type FakeRegisterService } from '../support/fake-register-service';
import type { HttpClient } from '../support/http';
import { adminClient } from '../support/offices';
import { addElection, createDemoElection, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Jobs on pg-boss over two API processes (issue 16): a card job runs on whichever process is free; that
// process gets SIGKILL mid-job, the other takes the job over once its lease has expired, resumes at the
// first unfinished lot, and every lot is byte-identical to an undisturbed rendering of the same job. A
// register import killed the same way is run again from its stored file (one transaction: the killed
// run left nothing) and a pull continues after its last stored page; both build the roll of an
// undisturbed import.
// The test's own process only sends jobs (WAHL_JOB_WORKER=false); the two workers are real processes.

const TOKEN_KEY = 'scale-out-test-card-token-key-0123456789';
const TEMPLATES = resolve('templates');
/** Short lease: a run hands over after 10 s, a dead process's job is retried after about 30 s. */
const LEASE_SECONDS = '30';

/** The worker whose last word on the job is "run … started": the one rendering it now. */
function renderingProcess(workers: readonly ApiProcess[], jobId: string): ApiProcess | undefined {
  return workers.find((worker) => {
    const lines = worker
      .output()
      .split('\n')
      .filter((line) => line.includes(`polling-card job ${jobId}`));
    return lines.at(-1)?.includes('started') ?? false;
  });
}

/** The worker that logged `text` last (pino's time of each line): the one that took the job last. */
function lastToLog(workers: readonly ApiProcess[], text: string): ApiProcess | undefined {
  const latest = (worker: ApiProcess): number =>
    Math.max(
      0,
      ...worker
        .output()
        .split('\n')
        .filter((line) => line.includes(text))
        .map((line) => (JSON.parse(line) as { time: number }).time),
    );
  const [first] = [...workers].sort((a, b) => latest(b) - latest(a));
  return first && latest(first) > 0 ? first : undefined;
}

const rollOf = async (testApp: TestApp, electionId: string): Promise<string[]> =>
  (
    await testApp.dataSource.query(
      `SELECT d.number || '/' || e.voter_number || ' ' || e.person_id || ' ' || e.family_name AS entry
       FROM roll_entries e JOIN districts d ON d.id = e.district_id WHERE e.election_id = $1 ORDER BY e.voter_id`,
      [electionId],
    )
  ).map((row: { entry: string }) => row.entry);

const pullEnded = async (client: HttpClient, electionId: string, jobId: string): Promise<Record<string, unknown>> => {
  for (let i = 0; i < 1200; i++) {
    const job = (await client.get(`/api/elections/${electionId}/register-imports/${jobId}`)).body;
    if (job.status !== 'running') return job;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error('pull did not end');
};

describe('jobs on two API processes after kill -9', () => {
  let testApp: TestApp;
  let workers: ApiProcess[];
  let demo: DemoElection;
  let outDir: string;
  let reference: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'wahl-jobs-crash-'));
    reference = mkdtempSync(join(tmpdir(), 'wahl-jobs-reference-'));
    const env = { WAHL_CARD_TOKEN_KEY: TOKEN_KEY, WAHL_TEMPLATES_DIR: TEMPLATES, WAHL_JOB_LEASE_SECONDS: LEASE_SECONDS };
    testApp = await startTestApp({ ...env, WAHL_JOB_WORKER: 'false' });
    workers = await Promise.all([startApiProcess(testApp.database.url, env), startApiProcess(testApp.database.url, env)]);
    demo = await createDemoElection(testApp);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers ?? []) if (worker.child.exitCode === null && worker.child.signalCode === null) await worker.kill();
    await testApp?.close();
    for (const dir of [outDir, reference]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should finish a card job on the other process, with the lots of an undisturbed run', async () => {
    expect((await uploadRegister(demo.office.clerk, demo.electionId, registerCsv(demo.definition, 4000, 'jobs-spec'))).body.status).toBe(
      'succeeded',
    );
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);
    const service = testApp.app.get(PollingCardsService);
    const store = testApp.app.get(PollingCardJobRepository);
    const job: JobRow = await service.prepare(await service.systemActor(demo.electionId, 'test'), demo.electionId, 'main', {
      lotSize: 20,
      outDir,
    });
    expect(job.lots).toBeGreaterThanOrEqual(100);
    const ended = service.start(job.id);

    // Kill the process rendering it once a few lots are recorded, well before the end.
    let victim: ApiProcess | undefined;
    for (let i = 0; i < 2400 && !victim; i++) {
      await new Promise((wait) => setTimeout(wait, 25));
      if ((await store.find(job.id))!.lots_done >= 3) victim = renderingProcess(workers, job.id);
    }
    expect(victim).toBeDefined();
    expect(await victim!.kill()).toBe('SIGKILL');
    const survivor = workers.find((worker) => worker !== victim)!;
    const finishedLots = await store.lots(job.id);
    expect((await store.find(job.id))!.status).toBe('running');
    expect(finishedLots.length).toBeLessThan(job.lots);
    const before = new Map(finishedLots.map((lot) => [lot.file_name, statSync(join(outDir, lot.file_name))]));

    expect(await ended).toEqual({ status: 'succeeded', message: null });
    expect(survivor.output()).toContain(`polling-card job ${job.id} succeeded`);
    const finished = (await store.find(job.id))!;
    expect(finished).toMatchObject({ status: 'succeeded', lots_done: job.lots, pieces_done: job.pieces });
    // The lots finished before the crash were not written again.
    for (const [name, stat] of before) {
      const now = statSync(join(outDir, name));
      expect([now.ino, now.mtimeMs]).toEqual([stat.ino, stat.mtimeMs]);
    }
    expect(readdirSync(outDir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // The undisturbed run: every lot of the same job rendered afresh in one go.
    const template = loadCardTemplate({ templatesDir: TEMPLATES, electionKind: job.election.kind, layout: job.layout });
    const lots = splitIntoLots(mailPieces(job, await store.pieces(job.id), TOKEN_KEY), job.lot_size);
    const recorded = await store.lots(job.id);
    const layout = compileLayout(template);
    for (const lot of lots) {
      const result = await renderLotToFile(template, layout, cardJobOf(job), lot, reference);
      expect(readFileSync(join(outDir, result.fileName)).equals(readFileSync(join(reference, result.fileName))), result.fileName).toBe(
        true,
      );
      expect(recorded[lot.lot - 1]!.sha256).toBe(result.sha256);
    }
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.totals).toMatchObject({ lots: job.lots, pieces: job.pieces });
    expect(manifest.lots.map((lot: { sha256: string }) => lot.sha256)).toEqual(recorded.map((lot) => lot.sha256));
  }, 300_000);

  /** Two live workers again: a fresh process takes the place of one killed before. */
  const twoWorkers = async (): Promise<ApiProcess[]> => {
    const env = { WAHL_CARD_TOKEN_KEY: TOKEN_KEY, WAHL_TEMPLATES_DIR: TEMPLATES, WAHL_JOB_LEASE_SECONDS: LEASE_SECONDS };
    while (workers.filter((worker) => worker.child.signalCode === null).length < 2)
      workers.push(await startApiProcess(testApp.database.url, env));
    return workers.filter((worker) => worker.child.signalCode === null);
  };

  it('should run a register import again from its stored file on the other process', async () => {
    const alive = await twoWorkers();
    const csv = registerCsv(demo.definition, 100_000, 'jobs-import-spec');
    const undisturbedElection = await addElection(demo.office, demo.definition);
    expect((await uploadRegister(demo.office.clerk, undisturbedElection, csv)).body).toMatchObject({
      status: 'succeeded',
      rowsImported: 100_000,
    });
    expect((await demo.office.clerk.post(`/api/elections/${undisturbedElection}/roll/build`)).status).toBe(200);

    const electionId = await addElection(demo.office, demo.definition);
    const uploaded = uploadRegister(demo.office.clerk, electionId, csv);
    // Kill the process importing once rows are flowing, before the commit.
    let running: { id: string; progress_done: string } | undefined;
    for (let i = 0; i < 2400 && !(running && Number(running.progress_done) > 0); i++) {
      await new Promise((wait) => setTimeout(wait, 25));
      [running] = await testApp.dataSource.query(`SELECT id, progress_done FROM register_imports WHERE election_id = $1`, [electionId]);
    }
    const victim = lastToLog(alive, `register import ${running!.id} for election`);
    expect(victim).toBeDefined();
    expect(await victim!.kill()).toBe('SIGKILL');
    expect((await testApp.dataSource.query(`SELECT count(*)::int AS n FROM register_rows WHERE import_id = $1`, [running!.id]))[0].n).toBe(
      0,
    );

    const result = await uploaded;
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ id: running!.id, status: 'succeeded', rowsImported: 100_000 });
    const survivor = alive.find((worker) => worker !== victim)!;
    expect(survivor.output()).toContain(`register import ${running!.id} for election ${electionId} started`);
    expect((await demo.office.clerk.post(`/api/elections/${electionId}/roll/build`)).status).toBe(200);
    expect(await rollOf(testApp, electionId)).toEqual(await rollOf(testApp, undisturbedElection));
  }, 300_000);

  it('should continue a register pull after its last stored page on the other process', async () => {
    await twoWorkers();
    let service: FakeRegisterService | undefined;
    try {
      service = await startFakeRegisterService(residentsAsJson(demo.definition, 3000, 'jobs-pull-spec'));
      expect(
        (await (await adminClient(testApp)).put(`/api/offices/${demo.office.officeId}/register-pull-sources`, { urls: [service.url] }))
          .status,
      ).toBe(200);
      const admin = demo.office.officeAdmin;
      const request = { url: service.url, pageSize: 500, timeoutMs: 10_000, maxAttempts: 3, retryDelayMs: 10 };
      const undisturbedElection = await addElection(demo.office, demo.definition);
      const undisturbed = await admin.post(`/api/elections/${undisturbedElection}/register-pulls`, request);
      expect(await pullEnded(admin, undisturbedElection, undisturbed.body.id)).toMatchObject({ status: 'succeeded' });
      expect((await admin.post(`/api/elections/${undisturbedElection}/roll/build`)).status).toBe(200);

      // Every page answers after a second: the process pulling is killed after the first stored page.
      service.slowMs = 1000;
      for (let page = 1; page <= 6; page++) service.faults.set(page, ['slow']);
      const electionId = await addElection(demo.office, demo.definition);
      const started = await admin.post(`/api/elections/${electionId}/register-pulls`, request);
      expect(started.status).toBe(202);
      const id = started.body.id as string;
      let stored = 0;
      for (let i = 0; i < 600 && stored < 1; i++) {
        await new Promise((wait) => setTimeout(wait, 25));
        stored = (await testApp.dataSource.query('SELECT count(*)::int AS n FROM register_pull_pages WHERE import_id = $1', [id]))[0].n;
      }
      const victim = lastToLog(
        workers.filter((worker) => worker.child.signalCode === null),
        `register pull ${id}`,
      );
      expect(victim).toBeDefined();
      expect(await victim!.kill()).toBe('SIGKILL');
      const ended = await pullEnded(admin, electionId, id);
      expect(ended).toMatchObject({ status: 'succeeded', rowsImported: 3000, progress: { done: 6 } });
      const survivor = lastToLog(
        workers.filter((worker) => worker !== victim),
        `register pull ${id}`,
      )!;
      expect(survivor.output()).toMatch(new RegExp(`register pull ${id} for election ${electionId} continued after page [1-5]`));
      expect((await admin.post(`/api/elections/${electionId}/roll/build`)).status).toBe(200);
      expect(await rollOf(testApp, electionId)).toEqual(await rollOf(testApp, undisturbedElection));
    } finally {
      await service?.close();
    }
  }, 300_000);
});
