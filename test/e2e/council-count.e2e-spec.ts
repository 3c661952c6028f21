import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCouncilDefinition } from '../../libs/domain/test-support/election-definition.fixture';
import type { HttpClient } from '../support/http';
import { anonymous, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

const AGS = '08999301';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ position: i + 1, familyName: `Name${i + 1}`, givenNames: 'Vorname' }));

/** A Gemeinderat with 8 seats and three lists of 8, 5 and 3 candidates (R5.1, R5.4). */
function councilDefinition(): any {
  const doc: any = structuredClone(sampleCouncilDefinition());
  doc.municipality = { ...doc.municipality, ags: AGS };
  doc.contests[0].lists = [
    { id: 'fw', ballotPosition: 1, shortName: 'FW', name: 'Freie Wähler', color: '#f39200', candidates: people(8) },
    { id: 'cdu', ballotPosition: 2, shortName: 'CDU', name: 'CDU', color: '#000000', candidates: people(5) },
    { id: 'spd', ballotPosition: 3, shortName: 'SPD', name: 'SPD', color: '#e3000f', candidates: people(3) },
  ];
  return doc;
}

/** 3 seats, three one-candidate lists: votes 3/1/1 tie for the last two seats (DOMAIN.md 6.1). */
function tieDefinition(): any {
  const doc: any = structuredClone(sampleCouncilDefinition());
  doc.municipality = { ...doc.municipality, ags: AGS };
  doc.name = 'Ortschaftsratswahl 2024';
  doc.contests[0] = {
    ...doc.contests[0],
    seats: 3,
    votesPerBallot: 3,
    lists: ['a', 'b', 'c'].map((id, i) => ({
      id,
      ballotPosition: i + 1,
      shortName: id.toUpperCase(),
      name: `Liste ${id.toUpperCase()}`,
      color: '#123456',
      candidates: people(1),
    })),
  };
  return doc;
}

const mark = (list: string, position: number, votes: number) => ({ list, position, votes });

const TEAM_1 = {
  team: 'Zählgruppe 1',
  declaredBallots: 6,
  unchanged: { fw: 2, cdu: 1 },
  changed: [
    { paper: 'fw', marks: [mark('fw', 1, 3), mark('cdu', 2, 3), mark('spd', 1, 2)] },
    { paper: 'cdu', marks: [mark('cdu', 1, 3), mark('cdu', 5, 3)] },
    { paper: null, marks: [mark('spd', 2, 3), mark('spd', 3, 3), mark('fw', 8, 2)] },
  ],
};
const TEAM_2 = {
  team: 'Zählgruppe 2',
  declaredBallots: 4,
  unchanged: { spd: 1 },
  changed: [
    // 4 votes for one candidate: only the excess vote is void (default policy).
    { paper: 'spd', marks: [mark('spd', 1, 4), mark('fw', 2, 1)] },
    // 9 votes for 8 seats: invalid (R5.5).
    { paper: 'fw', marks: [mark('fw', 1, 3), mark('fw', 2, 3), mark('fw', 3, 3)] },
  ],
  rejected: 1,
};

const byList = (body: any) => Object.fromEntries(body.lists.map((l: any) => [l.id, l]));
const positions = (candidates: any[]) => candidates.map((c) => c.position);

describe('council count: batches, result, final declaration, public read', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let other: OfficeWithStaff;
  let electionId: string;
  let base: string;
  const post = (client: HttpClient, body: unknown, key: string = randomUUID()) =>
    client.post(`${base}/council-batches`, body, { 'idempotency-key': key });

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, AGS, 'Zählhausen');
    other = await createOfficeWithStaff(testApp, '08999302', 'Nachbarort');
    const created = await office.officeAdmin.post('/api/elections', councilDefinition());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    electionId = created.body.id;
    base = `/api/elections/${electionId}/contests/gr`;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should store two teams’ batches and add them up per candidate, list and paper (hand-computed)', async () => {
    const first = await post(office.clerk, TEAM_1, 'team1-batch1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      team: 'Zählgruppe 1',
      ballots: 6,
      validBallots: 6,
      blankPaperBallots: 1,
      voidVotes: 0,
      lostVotes: 3,
    });
    const second = await post(office.officeAdmin, TEAM_2, 'team2-batch1');
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({
      ballots: 4,
      validBallots: 2,
      invalidBallots: { tooManyVotes: 1, tooManyForCandidate: 0, noVotes: 0, rejected: 1 },
      voidVotes: 1,
      lostVotes: 5,
    });

    const result = await office.clerk.get(`${base}/council-result`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'provisional',
      final: false,
      declaredAt: null,
      batches: 2,
      contest: { id: 'gr', seats: 8, votesPerBallot: 8, maxVotesPerCandidate: 3 },
      rules: { seatMethod: 'sainte-lague', excessVotesPerCandidate: 'void-excess', candidateTie: 'list-order' },
      ballots: {
        total: 10,
        valid: 8,
        invalid: 2,
        invalidByReason: { tooManyVotes: 1, tooManyForCandidate: 0, noVotes: 0, rejected: 1 },
        blankPaper: 1,
      },
      votes: { valid: 50, void: 1, lost: 8 },
      seatsAllocated: true,
      lotRequired: null,
    });
    const lists = byList(result.body);
    // fw: 5,3,2,2,2,2,2,4 = 22 | cdu: 4,4,1,1,4 = 14 | spd: 6,4,4 = 14. Sainte-Laguë for 8 seats:
    // 22, 14, 14, 7.33, 4.67, 4.67, 4.4, 3.14 → FW 4, CDU 2, SPD 2 (next: 2.8).
    expect([lists.fw.votes, lists.cdu.votes, lists.spd.votes]).toEqual([22, 14, 14]);
    expect([lists.fw.seats, lists.cdu.seats, lists.spd.seats]).toEqual([4, 2, 2]);
    expect([
      lists.fw.unchangedBallots,
      lists.fw.changedBallots,
      lists.cdu.unchangedBallots,
      lists.cdu.changedBallots,
      lists.spd.unchangedBallots,
      lists.spd.changedBallots,
    ]).toEqual([2, 1, 1, 1, 1, 1]);
    // Elected by votes; equal votes at the last seat in list order (fw 3 of 3–7 with 2; cdu 1, 2 before 5 with 4).
    expect(positions(lists.fw.elected)).toEqual([1, 8, 2, 3]);
    expect(positions(lists.fw.substitutes)).toEqual([4, 5, 6, 7]);
    expect(positions(lists.cdu.elected)).toEqual([1, 2]);
    expect(positions(lists.cdu.substitutes)).toEqual([5, 3, 4]);
    expect(positions(lists.spd.elected)).toEqual([1, 2]);
    expect(lists.spd.elected[0]).toEqual({ position: 1, name: 'Vorname Name1', votes: 6 });
  });

  it('should answer a retried batch with the stored receipt and count it once', async () => {
    const again = await post(office.clerk, TEAM_1, 'team1-batch1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ team: 'Zählgruppe 1', ballots: 6 });
    const result = await office.clerk.get(`${base}/council-result`);
    expect(result.body.ballots.total).toBe(10);
  });

  it('should refuse another batch under a used key with 409', async () => {
    const reused = await post(office.clerk, { ...TEAM_1, team: 'Zählgruppe 9' }, 'team1-batch1');
    expect(reused.status).toBe(409);
    expect(reused.body.errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('should refuse a batch whose entered ballots differ from the team’s count with 422 and store nothing', async () => {
    const wrong = await post(office.clerk, { ...TEAM_1, declaredBallots: 7 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: '$.declaredBallots', code: 'DECLARED_COUNT_MISMATCH' })]);
    const [row] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM council_batches`);
    expect(row.n).toBe(2);
  });

  it('should refuse entry mistakes (unknown place, unknown list, missing key) with 422 and their paths', async () => {
    const unknown = await post(office.clerk, { team: 'Z', declaredBallots: 1, changed: [{ paper: 'xyz', marks: [mark('fw', 9, 1)] }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: any) => [e.code, e.path])).toEqual([
      ['UNKNOWN_LIST', '$.changed[0].paper'],
      ['UNKNOWN_CANDIDATE', '$.changed[0].marks[0]'],
    ]);
    expect(unknown.body.errors[1].message).toContain('„fw“ Platz 9');
    const badShape = await post(office.clerk, { team: 'Z', declaredBallots: -1 });
    expect(badShape.status).toBe(422);
    expect(badShape.body.errors[0].path).toBe('$.declaredBallots');
    const noKey = await office.clerk.post(`${base}/council-batches`, { ...TEAM_1 });
    expect(noKey.status).toBe(422);
    expect(noKey.body.errors[0].path).toBe('$headers.idempotency-key');
  });

  it('should answer 404 to another office and for an unknown contest or election', async () => {
    expect((await post(other.clerk, TEAM_1)).status).toBe(404);
    expect((await other.clerk.get(`${base}/council-result`)).status).toBe(404);
    expect((await office.clerk.get(`/api/elections/${electionId}/contests/nope/council-result`)).status).toBe(404);
    expect((await office.clerk.get(`/api/elections/${randomUUID()}/contests/gr/council-result`)).status).toBe(404);
    expect((await anonymous(testApp).get(`/api/public/elections/${randomUUID()}/council-result`)).status).toBe(404);
  });

  it('should keep the public total back while the stacks entered hold fewer than 50 ballots together (R8.7)', async () => {
    expect((await office.clerk.get(`${base}/council-result`)).body.ballots.total).toBe(10);
    const published = (await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`)).body.contests[0];
    expect(published.ballots.total).toBe(0);
    expect(published.lists.map((list: { votes: number }) => list.votes)).toEqual([0, 0, 0]);
  });

  it('should count every batch exactly once when 8 teams post 5 batches each at the same time', async () => {
    const before = byList((await office.clerk.get(`${base}/council-result`)).body);
    const batch = (team: number) => ({
      team: `Zählgruppe ${team}`,
      declaredBallots: 3,
      unchanged: { cdu: 2 },
      changed: [{ paper: 'spd', marks: [mark('spd', 3, 3), mark('fw', 4, 2)] }],
    });
    const clients = [office.clerk, office.officeAdmin];
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, team) =>
        (async () => {
          const statuses: number[] = [];
          for (let i = 0; i < 5; i++) statuses.push((await post(clients[team % 2]!, batch(team + 1), `parallel-${team}-${i}`)).status);
          return statuses;
        })(),
      ),
    );
    expect(responses.flat()).toEqual(Array(40).fill(201));
    const after = (await office.clerk.get(`${base}/council-result`)).body;
    expect(after.batches).toBe(42);
    expect(after.ballots.total).toBe(10 + 40 * 3);
    const lists = byList(after);
    // Per batch: cdu 1–5 +2 each (10), spd 3 +3, fw 4 +2.
    expect(lists.cdu.votes - before.cdu.votes).toBe(40 * 10);
    expect(lists.spd.votes - before.spd.votes).toBe(40 * 3);
    expect(lists.fw.votes - before.fw.votes).toBe(40 * 2);
    expect(lists.spd.changedBallots - before.spd.changedBallots).toBe(40);
  });

  it('should publish a new total only when the stacks added since the last public one hold 50 ballots or more (R8.7)', async () => {
    const publicBallots = async () => {
      // The public result is cached for 2 s.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      return (await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`)).body.contests[0].ballots.total;
    };
    expect(await publicBallots()).toBe(130);
    const small = { team: 'Zählgruppe 9', declaredBallots: 3, unchanged: { fw: 3 } };
    expect((await post(office.clerk, small)).status).toBe(201);
    expect(await publicBallots()).toBe(130);
    expect((await office.clerk.get(`${base}/council-result`)).body.ballots.total).toBe(133);
  });

  it('should publish the provisional result clearly marked, aggregated only', async () => {
    const response = await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`);
    expect(response.status).toBe(200);
    expect(response.body.contests).toHaveLength(1);
    const contest = response.body.contests[0];
    expect(contest).toMatchObject({ status: 'provisional', final: false });
    expect(contest.notice).toMatch(/^Vorläufiges Ergebnis/);
    expect(contest.batches).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toContain('Zählgruppe');
  });

  it('should give the elected and the substitutes as open data, one row each, as the public result names them', async () => {
    const result = (await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`)).body.contests[0];
    const download = await anonymous(testApp).get(`/api/public/elections/${electionId}/open-data/gewaehlte.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('-Gewaehlte.csv');
    const [header, ...lines] = (download.body as string).trim().split('\n');
    expect(header).toBe('datum;wahl;ags;stand;liste-nr;liste;platz;name;stimmen;ergebnis');
    const expected = [...result.lists]
      .sort((a: { ballotPosition: number }, b: { ballotPosition: number }) => a.ballotPosition - b.ballotPosition)
      .flatMap((list: { ballotPosition: number; shortName: string; elected: any[]; substitutes: any[] }) => [
        ...list.elected.map((c) => `${list.ballotPosition};${list.shortName};${c.position};${c.name};${c.votes};gewählt`),
        ...list.substitutes.map((c) => `${list.ballotPosition};${list.shortName};${c.position};${c.name};${c.votes};Ersatzperson`),
      ]);
    expect(expected.length).toBeGreaterThan(0);
    expect(lines.map((line) => line.split(';').slice(3).join(';'))).toEqual(expected.map((row: string) => `vorläufig;${row}`));
    const lists = await anonymous(testApp).get(`/api/public/elections/${electionId}/open-data/listen.json`);
    expect(lists.body.files['gewaehlte.csv']).toMatch(/-Gewaehlte\.csv$/);
  });

  it('should let only the office admin declare the result final, then refuse new batches but replay old ones', async () => {
    expect((await office.clerk.post(`${base}/council-result/declare-final`, {})).status).toBe(403);
    const declared = await office.officeAdmin.post(`${base}/council-result/declare-final`, {});
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body).toMatchObject({ status: 'final', final: true, lots: null });
    expect(typeof declared.body.declaredAt).toBe('string');

    expect((await office.officeAdmin.post(`${base}/council-result/declare-final`, {})).status).toBe(409);
    const late = await post(office.clerk, TEAM_1);
    expect(late.status).toBe(409);
    const replay = await post(office.clerk, TEAM_1, 'team1-batch1');
    expect(replay.status).toBe(200);

    const read = await office.clerk.get(`${base}/council-result`);
    expect(read.body).toEqual(declared.body);
    const published = await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`);
    expect(published.body.contests[0]).toMatchObject({ status: 'final', final: true, declaredAt: declared.body.declaredAt });
    expect(published.body.contests[0].lists).toEqual(declared.body.lists);
  });

  it('should refuse to declare a tie between lists final without lots, and complete it with the recorded lots', async () => {
    const created = await office.officeAdmin.post('/api/elections', tieDefinition());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tieBase = `/api/elections/${created.body.id}/contests/gr`;
    const entered = await office.clerk.post(
      `${tieBase}/council-batches`,
      {
        team: 'Zählgruppe 1',
        declaredBallots: 3,
        changed: [
          { paper: 'a', marks: [mark('a', 1, 3)] },
          { paper: 'b', marks: [mark('b', 1, 1)] },
          { paper: 'c', marks: [mark('c', 1, 1)] },
        ],
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const provisional = await office.clerk.get(`${tieBase}/council-result`);
    // Quotients 3 (A), then 1 (A/3), 1 (B), 1 (C) for two seats → lot (R5.7).
    expect(provisional.body.lotRequired).toEqual({ lists: ['a', 'b', 'c'], seatsLeft: 2 });

    const refused = await office.officeAdmin.post(`${tieBase}/council-result/declare-final`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].code).toBe('LOT_REQUIRED');
    const badLots = await office.officeAdmin.post(`${tieBase}/council-result/declare-final`, { lots: ['b', 'x'] });
    expect(badLots.status).toBe(422);

    const declared = await office.officeAdmin.post(`${tieBase}/council-result/declare-final`, { lots: ['b', 'c'] });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body.lots).toEqual(['b', 'c']);
    expect(byList(declared.body).a.seats).toBe(1);
    expect(byList(declared.body).b.seats).toBe(1);
    expect(byList(declared.body).c.seats).toBe(1);
  });
});
