import { spawn, type ChildProcess } from 'node:child_process';
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
import { createDemoElection, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The crash test of the issue: a process renders a job, gets SIGKILL after a few lots, a new
// process resumes it at the first unfinished lot; the lots finished before the crash are left as they
// were, and every lot is byte-identical to an undisturbed rendering of the same job.

const TOKEN_KEY = 'resume-test-card-token-key-0123456789';
const TEMPLATES = resolve('templates');

describe('polling-card job after kill -9', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let store: PollingCardJobRepository;
  let job: JobRow;
  let outDir: string;
  let reference: string;

  const child = (): ChildProcess =>
    spawn(process.execPath, ['--import', 'tsx', 'test/support/polling-card-job-child.ts'], {
      env: { ...process.env, DATABASE_URL: testApp.database.url, JOB_ID: job.id, TEMPLATES_DIR: TEMPLATES, CARD_TOKEN_KEY: TOKEN_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exited = (process: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> =>
    new Promise((done) => {
      let stdout = '';
      let stderr = '';
      process.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      process.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      process.on('exit', (code, signal) => done({ code, signal, stdout, stderr }));
    });

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'wahl-cards-crash-'));
    reference = mkdtempSync(join(tmpdir(), 'wahl-cards-reference-'));
    testApp = await startTestApp({ WAHL_CARD_TOKEN_KEY: TOKEN_KEY, WAHL_TEMPLATES_DIR: TEMPLATES });
    demo = await createDemoElection(testApp);
    expect((await uploadRegister(demo.office.clerk, demo.electionId, registerCsv(demo.definition, 700, 'crash-spec'))).body.status).toBe(
      'succeeded',
    );
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);
    const service = testApp.app.get(PollingCardsService);
    const actor = await service.systemActor(demo.electionId, 'test');
    // Prepared only: the API process does not run it, the child processes below do.
    job = await service.prepare(actor, demo.electionId, 'main', { lotSize: 20, outDir });
    store = testApp.app.get(PollingCardJobRepository);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    for (const dir of [outDir, reference]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should resume at the first unfinished lot and end with the bytes of an undisturbed run', async () => {
    expect(job.lots).toBeGreaterThanOrEqual(15);
    const first = child();
    const firstExit = exited(first);
    // Kill once a few lots are recorded, well before the end.
    let doneAtKill = 0;
    for (let i = 0; i < 1200 && doneAtKill < 3; i++) {
      await new Promise((wait) => setTimeout(wait, 25));
      doneAtKill = (await store.find(job.id))!.lots_done;
    }
    first.kill('SIGKILL');
    const killed = await firstExit;
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = (await store.find(job.id))!;
    const finishedLots = await store.lots(job.id);
    expect(afterKill.status).toBe('running');
    expect(finishedLots.length).toBeGreaterThanOrEqual(3);
    expect(finishedLots.length).toBeLessThan(job.lots);
    const before = new Map(finishedLots.map((lot) => [lot.file_name, statSync(join(outDir, lot.file_name))]));

    const second = await exited(child());
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ status: 'succeeded', lotsRendered: job.lots - finishedLots.length });
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
    for (const lot of lots) {
      const result = await renderLotToFile(template, compileLayout(template), cardJobOf(job), lot, reference);
      expect(readFileSync(join(outDir, result.fileName)).equals(readFileSync(join(reference, result.fileName))), result.fileName).toBe(
        true,
      );
      expect(recorded[lot.lot - 1]!.sha256).toBe(result.sha256);
    }
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.totals).toMatchObject({ lots: job.lots, pieces: job.pieces });
    expect(manifest.lots.map((lot: { sha256: string }) => lot.sha256)).toEqual(recorded.map((lot) => lot.sha256));
  }, 240_000);
});
