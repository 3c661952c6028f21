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
import { createDemoElection, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Jobs on pg-boss over two API processes (issue 16): a card job runs on whichever process is free; that
// process gets SIGKILL mid-job, the other takes the job over once its lease has expired, resumes at the
// first unfinished lot, and every lot is byte-identical to an undisturbed rendering of the same job.
// The test's own process only sends jobs (WAHL_JOB_WORKER=false); the two workers are real processes.

const TOKEN_KEY = 'scale-out-test-card-token-key-0123456789';
const TEMPLATES = resolve('templates');
/** Short lease: a run hands over after 4 s, a dead process's job is retried after about 12 s. */
const LEASE_SECONDS = '12';

/** The worker whose last word on the job is "run … started": the one rendering it now. */
function renderingProcess(workers: readonly ApiProcess[], jobId: string): ApiProcess | undefined {
  return workers.find((worker) => {
    const lines = worker.output().split('\n').filter((line) => line.includes(`polling-card job ${jobId}`));
    return lines.at(-1)?.includes('started') ?? false;
  });
}

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
    expect(job.lots).toBeGreaterThanOrEqual(150);
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
});
