import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PollingCardsService } from '../../apps/api/src/modules/polling-cards/polling-cards.service';
import { DAILY_RETENTION } from '../../apps/api/src/modules/retention/retention.schedule';
import { RetentionService } from '../../apps/api/src/modules/retention/retention.service';
import { JobQueue } from '../../apps/api/src/platform/jobs/job-queue';
import { signInBoard } from '../support/election-night';
import {
  cardToken,
  createPostalElection,
  publicClientFrom,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';

// R8.4 (BWO § 90): the demo election (Bundestag, 25 February 2029) with a roll, polling cards, a
// postal application, a wrong birth date on the card link and a confirmed quick report. Time is
// controlled by passing `now` to the service: card pieces go from 12 March 2029 (14 days), attempt
// records from 28 March (30 days), the roll and the postal applications from 26 August (6 months).

const at = (day: string): Date => new Date(`${day}T10:00:00+02:00`);
const AFTER_14_DAYS = at('2029-03-12');
const AFTER_6_MONTHS = at('2029-08-26');

const PERSONAL_TABLES = [
  'roll_entries',
  'register_rows',
  'register_imports',
  'polling_card_tokens',
  'polling_card_pieces',
  'postal_applications',
  'postal_access_attempts',
  'board_members',
];

describe('retention: deletion after the periods of BWO § 90, legal hold, dry run', () => {
  let testApp: TestApp;
  let election: PostalElection;
  let retention: RetentionService;
  let cardsDir: string;
  let applicant: RollVoter;
  const printedFiles = (): string[] => readdirSync(cardsDir).sort();
  const base = () => `/api/elections/${election.electionId}/retention`;
  const admin = () => election.office.officeAdmin;
  const count = async (table: string): Promise<number> =>
    Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${whereOf(table)}`, [election.electionId]))[0].n);
  const whereOf = (table: string) =>
    table === 'register_rows' ? 'import_id IN (SELECT id FROM register_imports WHERE election_id = $1)' : 'election_id = $1';
  const counts = async () => Object.fromEntries(await Promise.all(PERSONAL_TABLES.map(async (t) => [t, await count(t)] as const)));
  const actor = async () => ({ ...(await admin().get('/api/auth/me')).body });
  const auditEntries = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      if ((await admin().get(`/api/elections/${election.electionId}/audit/verify`)).body.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (await admin().get(`/api/elections/${election.electionId}/audit?limit=1000`)).body.entries as any[];
  };
  const totals = async () => (await admin().get(`/api/elections/${election.electionId}/totals`)).body;

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    election = await createPostalElection(testApp, { residents: 200, seed: 'retention' });
    retention = testApp.app.get(RetentionService);
    const voter = (await rollVoters(testApp, election.electionId))[3]!;
    applicant = voter;
    const token = await cardToken(testApp, election.electionId, voter.voterId);
    const web = publicClientFrom(testApp, '198.51.100.9');
    await web.post('/api/public/postal-voting/link/verify', { token, birthDate: '1900-01-01' });
    const applied = await web.post('/api/public/postal-voting/link/applications', {
      token,
      birthDate: voter.birthDate,
      delivery: { kind: 'home' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    await confirmReport(testApp, election);
    const [job] = await testApp.dataSource.query('SELECT id, out_dir FROM polling_card_jobs WHERE election_id = $1', [election.electionId]);
    await testApp.app.get(PollingCardsService, { strict: false }).start(job.id);
    cardsDir = job.out_dir;
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should plan the due days per category and delete nothing in the dry run', async () => {
    const before = await counts();
    for (const table of PERSONAL_TABLES) expect(before[table], table).toBeGreaterThan(0);
    const plan = await retention.plan(await actor(), election.electionId, AFTER_14_DAYS);
    expect(plan.categories.map((c) => [c.category, c.dueDay, c.due])).toEqual([
      ['card-pieces', '2029-03-12', true],
      ['attempts', '2029-03-28', false],
      ['postal', '2029-08-26', false],
      ['roll', '2029-08-26', false],
      ['poll-workers', '2029-08-26', false],
      ['polling-day', '2029-08-26', false],
    ]);
    const cardPieces = plan.categories[0]!;
    expect(cardPieces.wouldDelete).toBe(before['polling_card_pieces']);
    expect(plan.categories[3]!.wouldDelete).toBe(0);
    expect(plan.categories[3]!.rows).toBeGreaterThan(before['roll_entries']!);
    const http = await admin().get(base());
    expect(http.status).toBe(200);
    expect(http.body.categories).toHaveLength(6);
    expect(await counts()).toEqual(before);
  });

  it('should let nobody but the office admin run or hold, and nothing before its day', async () => {
    expect((await election.office.clerk.post(`${base()}/run`)).status).toBe(403);
    expect((await election.office.clerk.put(`${base()}/hold`, { reason: 'wahlpruefung', note: 'Az. 1/29' })).status).toBe(403);
    const before = await counts();
    const run = await admin().post(`${base()}/run`);
    expect(run.status).toBe(200);
    expect(run.body.deleted).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('should delete the card piece data and the printed lots once due, and only them; a second run deletes nothing', async () => {
    const before = await counts();
    expect(printedFiles()).toEqual(expect.arrayContaining(['manifest.csv', 'manifest.json', expect.stringMatching(/-los-0001\.pdf$/)]));
    expect(printedFiles().filter((name) => name.endsWith('.stuecke.csv'))).toHaveLength(1);
    const first = await retention.run(await actor(), election.electionId, AFTER_14_DAYS);
    expect(first.deleted).toEqual([{ category: 'card-pieces', rows: before['polling_card_pieces'] }]);
    expect(await counts()).toEqual({ ...before, polling_card_pieces: 0 });
    expect(printedFiles()).toEqual(['manifest.csv', 'manifest.json']);
    const second = await retention.run(await actor(), election.electionId, AFTER_14_DAYS);
    expect(second.deleted).toEqual([{ category: 'card-pieces', rows: 0 }]);
  });

  it('should stop every deletion while a legal hold stands, in the plan, the run and the daily job', async () => {
    const bad = await admin().put(`${base()}/hold`, { reason: 'irgendwas', note: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['$.note', '$.reason']);
    const nul = await admin().put(`${base()}/hold`, { reason: 'wahlpruefung', note: 'Az. 1\u0000/29' });
    expect(nul.status).toBe(422);
    expect(nul.body.errors[0]).toMatchObject({ path: '$.note', message: expect.stringContaining('NUL') });
    expect((await admin().get(base())).body.hold).toBeNull();
    const held = await admin().put(`${base()}/hold`, { reason: 'wahlpruefung', note: 'Wahleinspruch Az. WP 12/29' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.hold).toMatchObject({ reason: 'wahlpruefung', note: 'Wahleinspruch Az. WP 12/29' });
    expect((await admin().put(`${base()}/hold`, { reason: 'strafverfahren', note: 'Az. 2/29' })).body.code).toBe('RETENTION_HOLD_EXISTS');

    const before = await counts();
    const plan = await retention.plan(await actor(), election.electionId, AFTER_6_MONTHS);
    expect(plan.categories.every((c) => c.due && c.wouldDelete === 0)).toBe(true);
    await expect(retention.run(await actor(), election.electionId, AFTER_6_MONTHS)).rejects.toMatchObject({ code: 'RETENTION_HELD' });
    await retention.runScheduled(AFTER_6_MONTHS);
    expect(await counts()).toEqual(before);
    const refused = await admin().post(`${base()}/run`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RETENTION_HELD');
  });

  it('should delete roll, postal applications and attempts after six months, and keep results, audit chain and definition', async () => {
    const totalsBefore = await totals();
    expect(totalsBefore.reported).toBe(1);
    const lifted = await admin().delete(`${base()}/hold`);
    expect(lifted.status).toBe(200);
    expect(lifted.body.hold).toBeNull();
    expect((await admin().delete(`${base()}/hold`)).body.code).toBe('RETENTION_NO_HOLD');

    const plan = await retention.plan(await actor(), election.electionId, AFTER_6_MONTHS);
    const untied = Number(
      (await testApp.dataSource.query('SELECT (SELECT count(*) FROM login_failures) + (SELECT count(*) FROM sign_ins) AS n'))[0].n,
    );
    const due = plan.categories.reduce((sum, c) => sum + c.wouldDelete, 0) + untied;
    expect(plan.categories.map((c) => c.wouldDelete > 0)).toEqual([false, true, true, true, false, false]);
    // Two API processes' daily jobs at once: each row is deleted once, each category audited once.
    const [one, two] = await Promise.all([retention.runScheduled(AFTER_6_MONTHS), retention.runScheduled(AFTER_6_MONTHS)]);
    expect(one.deleted + two.deleted).toBe(due);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
    expect(await count('postal_certificates')).toBe(0);

    expect(await totals()).toEqual(totalsBefore);
    expect((await admin().get(`/api/elections/${election.electionId}`)).status).toBe(200);
    const verdict = await admin().get(`/api/elections/${election.electionId}/audit/verify`);
    expect(verdict.body).toMatchObject({ valid: true });
    const entries = await auditEntries();
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['retention.hold-set', 'retention.hold-lifted', 'retention.deleted']));
    const deletions = entries.filter((e) => e.action === 'retention.deleted');
    expect(deletions.map((e) => e.newValue.category).sort()).toEqual(['attempts', 'card-pieces', 'card-pieces', 'postal', 'roll']);
    expect(deletions.find((e) => e.newValue.category === 'roll')).toMatchObject({ actor: { name: 'Zeitplan' } });
    expect(deletions[0].newValue).toEqual({ category: 'card-pieces', dueDay: '2029-03-12', rows: expect.any(Number), files: 2 });
    const audited = JSON.stringify(entries);
    for (const secret of [applicant.familyName, applicant.birthDate, applicant.street]) expect(audited).not.toContain(secret);
    expect(entries.find((e) => e.action === 'retention.hold-set')).toMatchObject({ reason: 'Wahleinspruch Az. WP 12/29' });

    const again = await retention.runScheduled(AFTER_6_MONTHS);
    expect(again.deleted).toBe(0);
    expect((await auditEntries()).length).toBe(entries.length);
    const after = (await admin().get(base())).body;
    expect(after.categories.find((c: { category: string }) => c.category === 'roll').lastRun).toMatchObject({ by: 'Zeitplan' });
  });

  it('should have the daily run on the job queue: scheduled once across processes at 03:15 Berlin time, run as a job', async () => {
    expect(await testApp.dataSource.query(`SELECT name, cron, timezone FROM pgboss.schedule`)).toEqual([
      { name: 'retention.daily', cron: '15 3 * * *', timezone: 'Europe/Berlin' },
    ]);
    const run = vi.spyOn(retention, 'runScheduled').mockResolvedValue({ elections: 1, deleted: 0 });
    try {
      await testApp.app.get(JobQueue).send(DAILY_RETENTION, {});
      await expect.poll(() => run.mock.calls.length, { timeout: 15_000 }).toBe(1);
    } finally {
      run.mockRestore();
    }
  });
});

const DEMO_LISTS = [
  'cdu',
  'afd',
  'spd',
  'gruene',
  'die-linke',
  'fdp',
  'bsw',
  'freie-waehler',
  'tierschutzpartei',
  'volt',
  'die-partei',
  'oedp',
];

/** A quick report for district 0101 entered by one board member and approved by another. */
async function confirmReport(testApp: TestApp, election: PostalElection): Promise<void> {
  const { electionId, office } = election;
  const [district] = await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '0101'`, [electionId]);
  const closing = await office.clerk.get(`/api/elections/${electionId}/roll/closing-counts`);
  const counts = closing.body.districts.find((d: { districtId: string }) => d.districtId === district.id);
  const codes = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, { codes: [{ districtIds: [district.id] }] });
  const code = codes.body.codes[0].code as string;
  const erika = await signInBoard(testApp.baseUrl, code, 'Erika Muster');
  const max = await signInBoard(testApp.baseUrl, code, 'Max Beispiel');
  const url = `/api/elections/${electionId}/districts/${district.id}/reports`;
  const B = 1;
  const votes = Object.fromEntries(DEMO_LISTS.map((list) => [list, list === 'cdu' ? B : 0]));
  const contest = (contestId: string) => ({ contestId, invalid: 0, valid: B, votes });
  const report = {
    A1: counts.A1,
    A2: counts.A2,
    A3: 0,
    A: counts.A1 + counts.A2,
    B,
    B1: 0,
    contests: [contest('erststimme'), contest('zweitstimme')],
    confirmations: [{ rule: 'P8', comment: 'Kleiner Bezirk im Test, Zahlen stimmen.' }],
    expectedVersion: 0,
  };
  const entered = await erika.client.post(url, report);
  if (entered.status !== 201) throw new Error(`report: ${entered.status} ${JSON.stringify(entered.body)}`);
  const approved = await max.client.post(`${url}/1/approve`);
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
}
