import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFICE_NAMESPACE } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCardToken, hashCardToken } from '../../apps/api/src/modules/polling-cards/jobs/card-tokens';
import { createOfficeWithStaff } from '../support/offices';
import { hasTools, pdfTextLayout } from '../support/poppler';
import { PollingCardsService } from '../../apps/api/src/modules/polling-cards/polling-cards.service';
import { addElection, bearerOf, createDemoElection, csvLines, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Polling-card jobs through the API on a real roll: the main run with progress over socket.io, the
// files and manifest, tokens stored as hashes, replacement cards, the follow-up for a voter entered
// later, previews, and the office boundary.

const TOKEN_KEY = 'test-card-token-key-0123456789abcdef';
const POPPLER = hasTools('pdftotext');

type Job = {
  id: string;
  kind: string;
  status: string;
  pieces: number;
  piecesDone: number;
  percent: number;
  lots: number;
  lotsDone: number;
  files?: { name: string; kind: string; sha256: string | null }[];
};

describe('polling-card jobs (API)', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let lines: string[];
  let dir: string;
  const base = () => `/api/elections/${demo.electionId}/polling-cards`;
  const rollBase = () => `/api/elections/${demo.electionId}/roll`;

  const download = async (path: string): Promise<Buffer> => {
    const response = await fetch(testApp.baseUrl + path, { headers: await bearerOf(demo.office.clerk) });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const pdfText = (pdf: Buffer, name: string): string => {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return pdfTextLayout(file)
      .flatMap((page) => page.lines.map((line) => line.text))
      .join('\n');
  };
  const waitFor = async (jobId: string, statuses: readonly string[], electionId = demo.electionId): Promise<Job> => {
    let job: Job | undefined;
    for (let i = 0; i < 600; i++) {
      job = (await demo.office.clerk.get<Job>(`/api/elections/${electionId}/polling-cards/jobs/${jobId}`)).body;
      if (statuses.includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not reach ${statuses.join('/')}: ${JSON.stringify(job)}`);
  };

  beforeAll(async () => {
    testApp = await startTestApp({ WAHL_CARD_TOKEN_KEY: TOKEN_KEY, WAHL_DATA_DIR: mkdtempSync(join(tmpdir(), 'wahl-data-')) });
    dir = mkdtempSync(join(tmpdir(), 'wahl-cards-api-'));
    // A past election day: the roll is frozen, so a later register import proposes additions.
    demo = await createDemoElection(testApp, '2025-09-28');
    const csv = registerCsv(demo.definition, 400, 'cards-spec');
    lines = csvLines(csv);
    expect((await uploadRegister(demo.office.clerk, demo.electionId, csv)).body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`${rollBase()}/build`)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse a follow-up and a replacement before the main run', async () => {
    const replacement = await demo.office.clerk.post(`${base()}/replacements`, { voterId: 1, reason: 'Karte verloren' });
    expect(replacement.status).toBe(409);
    expect(replacement.body.detail).toContain('noch keine Wahlbenachrichtigung');
    const invalid = await demo.office.clerk.post(`${base()}/jobs`, { kind: 'everything' });
    expect(invalid.status).toBe(422);
  });

  it('should print every voter of the roll once, report progress over the socket and lock the numbers (R1.14, R3.10)', async () => {
    const summary = (await demo.office.clerk.get(`${rollBase()}/summary`)).body;
    const voters = summary.totals.voters as number;
    expect(voters).toBeGreaterThan(200);
    const token = (await bearerOf(demo.office.clerk)).authorization!.replace('Bearer ', '');
    const socket: Socket = io(`${testApp.baseUrl}${OFFICE_NAMESPACE}`, { path: '/socket.io', transports: ['websocket'], auth: { token } });
    const events: Job[] = [];
    socket.on('cards:job', (job: Job) => events.push(job));
    expect(await socket.emitWithAck('office:join-election', { electionId: demo.electionId })).toMatchObject({ ok: true });

    const started = await demo.office.clerk.post<Job>(`${base()}/jobs`, { kind: 'main' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'main', pieces: voters, lots: 1 });
    const job = await waitFor(started.body.id, ['succeeded', 'failed']);
    expect(job).toMatchObject({ status: 'succeeded', piecesDone: voters, percent: 100, lotsDone: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.close();
    expect(events.at(-1)).toMatchObject({ id: job.id, status: 'succeeded', piecesDone: voters });
    expect(events.some((event) => event.status === 'running')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/familyName|Mustermann|street/);

    expect(job.files!.map((file) => file.name)).toEqual([
      expect.stringMatching(/^wahlbenachrichtigungen-\d{6}-los-0001\.pdf$/),
      expect.stringMatching(/-los-0001\.stuecke\.csv$/),
      'manifest.json',
      'manifest.csv',
    ]);
    const pdf = await download(`${base()}/jobs/${job.id}/files/${job.files![0]!.name}`);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(job.files![0]!.sha256);
    const manifest = JSON.parse((await download(`${base()}/jobs/${job.id}/files/manifest.json`)).toString('utf8'));
    expect(manifest.totals).toMatchObject({ pieces: voters, pages: voters * 2, lots: 1 });
    expect((await demo.office.clerk.get(`${rollBase()}/summary`)).body.numbersLocked).toBe(true);

    // R3.8: one token per voter, stored only as SHA-256 of what the QR code carries.
    const stored = await testApp.dataSource.query(
      `SELECT voter_id, issue, token_hash FROM polling_card_tokens WHERE election_id = $1 ORDER BY voter_id`,
      [demo.electionId],
    );
    expect(stored).toHaveLength(voters);
    expect(stored[0].token_hash).toBe(hashCardToken(deriveCardToken(TOKEN_KEY, demo.electionId, stored[0].voter_id, 1)));
    // The link is only drawn as QR modules, never written as text into the PDF.
    expect(pdf.includes(Buffer.from(deriveCardToken(TOKEN_KEY, demo.electionId, stored[0].voter_id, 1)))).toBe(false);

    const again = await demo.office.clerk.post(`${base()}/jobs`, { kind: 'main' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('bereits gedruckt');
    const none = await demo.office.clerk.post(`${base()}/jobs`, { kind: 'follow-up' });
    expect(none.status).toBe(409);
    expect(none.body.detail).toBe('Alle Wahlberechtigten haben bereits eine Wahlbenachrichtigung.');
  }, 120_000);

  it('should print a replacement card marked "Ersatz" with a new token and record who asked and why', async () => {
    const entry = (
      await testApp.dataSource.query(
        `SELECT voter_id, family_name, given_names FROM roll_voters WHERE election_id = $1 ORDER BY voter_id LIMIT 1`,
        [demo.electionId],
      )
    )[0];
    const result = await demo.office.clerk.post(`${base()}/replacements`, { voterId: entry.voter_id, reason: 'Karte beim Umzug verloren' });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      kind: 'replacement',
      status: 'succeeded',
      pieces: 1,
      reason: 'Karte beim Umzug verloren',
      createdBy: 'u08199001-clerk',
    });
    const tokens = await testApp.dataSource.query(
      `SELECT issue, revoked_at IS NOT NULL AS revoked FROM polling_card_tokens WHERE election_id = $1 AND voter_id = $2 ORDER BY issue`,
      [demo.electionId, entry.voter_id],
    );
    expect(tokens).toEqual([
      { issue: 1, revoked: true },
      { issue: 2, revoked: false },
    ]);
    if (POPPLER) {
      const text = pdfText(await download(`${base()}/jobs/${result.body.id}/files/${result.body.files[0].name}`), 'ersatz.pdf');
      expect(text).toContain('ERSATZ');
      expect(text).toContain(`${entry.given_names} ${entry.family_name}`);
    }
  });

  it('should print a follow-up job for a voter entered after the main run (R3.4)', async () => {
    const street = demo.definition.streets[0]!;
    const segment = street.segments[0]!;
    const later = [
      ...lines,
      `SPAET0001;Später;Jana;;04.05.1990;w;DE;${street.key};${street.name};${segment.from};;${street.postalCode};Wahlingen;H;01.06.2015;;0;0`,
    ];
    expect((await uploadRegister(demo.office.clerk, demo.electionId, later.join('\n') + '\n')).body.proposalsCreated).toBe(1);
    expect(
      (await demo.office.clerk.post(`${rollBase()}/change-proposals/decisions`, { decision: 'accept', reason: 'Nachträglich gemeldet' }))
        .body.added,
    ).toBe(1);
    const started = await demo.office.clerk.post<Job>(`${base()}/jobs`, { kind: 'follow-up' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'follow-up', pieces: 1 });
    const job = await waitFor(started.body.id, ['succeeded', 'failed']);
    expect(job.status).toBe('succeeded');
    if (POPPLER)
      expect(pdfText(await download(`${base()}/jobs/${job.id}/files/${job.files![0]!.name}`), 'follow-up.pdf')).toContain('Jana Später');
  });

  it('should preview a sample card and a chosen voter as PDF', async () => {
    const sample = await download(`${base()}/preview`);
    expect(sample.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = (
      await testApp.dataSource.query(
        `SELECT voter_id, family_name, given_names FROM roll_voters WHERE election_id = $1 ORDER BY voter_id DESC LIMIT 1`,
        [demo.electionId],
      )
    )[0];
    const chosen = await download(`${base()}/preview?voterId=${entry.voter_id}&layout=postcard`);
    if (POPPLER) {
      expect(pdfText(sample, 'sample.pdf')).toContain('Erika Mustermann');
      expect(pdfText(chosen, 'chosen.pdf')).toContain(`${entry.given_names} ${entry.family_name}`);
    }
    expect((await demo.office.clerk.get(`${base()}/preview?layout=plakat`)).status).toBe(422);
  });

  it('should cancel a running job, keep its finished lots, and resume it at the first unfinished lot', async () => {
    // A second election of the office with its own roll, printed in lots of 10.
    const electionId = await addElection(demo.office, demo.definition);
    expect((await uploadRegister(demo.office.clerk, electionId, lines.join('\n') + '\n')).body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`/api/elections/${electionId}/roll/build`)).status).toBe(200);
    const service = testApp.app.get(PollingCardsService);
    const prepared = await service.prepare(await service.systemActor(electionId, 'test'), electionId, 'main', { lotSize: 10 });
    const path = `/api/elections/${electionId}/polling-cards/jobs/${prepared.id}`;
    const running = service.start(prepared.id);
    const cancelled = await demo.office.clerk.post<Job>(`${path}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(['cancel-requested', 'cancelled']).toContain(cancelled.body.status);
    expect((await running).status).toBe('cancelled');
    const stopped = (await demo.office.clerk.get<Job>(path)).body;
    expect(stopped).toMatchObject({ status: 'cancelled' });
    expect(stopped.lotsDone).toBeLessThan(stopped.lots);
    expect((await demo.office.clerk.post(`${path}/cancel`)).status).toBe(409);

    const resumed = await demo.office.clerk.post<Job>(`${path}/resume`);
    expect(resumed.status).toBe(202);
    const done = await waitFor(prepared.id, ['succeeded', 'failed'], electionId);
    expect(done).toMatchObject({ status: 'succeeded', lotsDone: prepared.lots, piecesDone: prepared.pieces });
    expect(done.files!.filter((file) => file.kind === 'lot')).toHaveLength(prepared.lots);
  }, 120_000);

  it('should keep other offices and board members out', async () => {
    const jobs = (await demo.office.clerk.get<Job[]>(`${base()}/jobs`)).body;
    expect(jobs.map((job) => job.kind)).toEqual(['follow-up', 'replacement', 'main']);
    expect(jobs.map((job) => job.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const intruder = await createOfficeWithStaff(testApp, '08111000', 'Stuttgart');
    for (const response of [
      await intruder.clerk.get(`${base()}/jobs`),
      await intruder.clerk.get(`${base()}/jobs/${jobs[0]!.id}`),
      await intruder.clerk.get(`${base()}/jobs/${jobs[0]!.id}/files/manifest.json`),
      await intruder.clerk.post(`${base()}/jobs`, { kind: 'follow-up' }),
      await intruder.clerk.get(`${base()}/preview`),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await demo.office.boardMember.get(`${base()}/jobs`)).status).toBe(403);
    expect((await demo.office.clerk.get(`${base()}/jobs/${jobs[0]!.id}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
