import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { addElection, createDemoElection, demoDefinition, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { RetentionService } from '../../apps/api/src/modules/retention/retention.service';
import { startTestApp, type TestApp } from '../support/test-app';

// Poll workers through the API (issue #14) on the demo town (40 urn districts, 8 postal): a staff
// list of residents taken from the built roll is checked against it (BWahlG § 9(2)), the office sets
// 5 seats per urn board, the proposal fills all 200, refusals and substitutes follow; duplicates are
// merged by hand; the public sign-up answers alike for known and new people and is rate limited.

type RollRow = { family_name: string; given_names: string; birth_date: string; street: string; house_number: string; postal_code: string };

const HEADER = 'Familienname;Vornamen;Geburtsdatum;Straße;PLZ;Ort;E-Mail;Wahlvorsteher';
const staffLine = (row: RollRow, index: number) =>
  [
    row.family_name,
    row.given_names,
    row.birth_date,
    `${row.street} ${row.house_number}`,
    row.postal_code,
    'Wahlingen',
    '',
    index < 60 ? 'ja' : 'nein',
  ].join(';');

describe('poll workers API', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let other: OfficeWithStaff;
  let roll: RollRow[];
  const base = () => `/api/elections/${demo.electionId}/poll-workers`;
  const count = async (table: string) => Number((await testApp.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
    other = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
    const imported = await uploadRegister(demo.office.clerk, demo.electionId, registerCsv(demo.definition, 1500, 'poll-workers'));
    expect(imported.body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);
    roll = await testApp.dataSource.query(
      `SELECT family_name, given_names, birth_date::text AS birth_date, street, house_number, postal_code FROM roll_voters
       WHERE election_id = $1 AND status = 'active' AND birth_date < '1990-01-01' ORDER BY voter_id LIMIT 240`,
      [demo.electionId],
    );
    expect(roll).toHaveLength(240);
  }, 240_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should show the people to their own office only', async () => {
    expect((await other.clerk.get(base())).status).toBe(404);
    expect((await anonymous(testApp).get(base())).status).toBe(401);
    expect((await other.clerk.post(`${base()}/proposal`)).status).toBe(404);
  });

  it('should preview a staff list with every problem by line and column and store nothing', async () => {
    const csv = `${HEADER}\n${staffLine(roll[0]!, 0)}\nMeier;;31.02.1980;Ring 1;7199;Wahlingen;;vielleicht\n`;
    const preview = await demo.office.clerk.post(`${base()}/import/preview`, { csv });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 1, canApply: false });
    expect(preview.body.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`)).toEqual([
      '3:Vornamen',
      '3:Geburtsdatum',
      '3:PLZ',
      '3:Wahlvorsteher',
    ]);
    const applied = await demo.office.clerk.post(`${base()}/import/apply`, { csv });
    expect(applied.status).toBe(422);
    expect(applied.body.code).toBe('POLL_WORKER_IMPORT_INVALID');
    expect(applied.body.errors[0]).toEqual({ path: 'Zeile 3, Vornamen', message: '„Vornamen“ ist leer.' });
    expect(await count('poll_workers')).toBe(0);
  });

  it('should refuse an oversized list before reading it', async () => {
    const result = await demo.office.clerk.post(`${base()}/import/preview`, { csv: 'x'.repeat(2_000_001) });
    expect(result.status).toBe(422);
    expect(await count('poll_workers')).toBe(0);
  });

  it('should import the list and check every resident against the roll', async () => {
    const stranger = 'Niemand;Nora;1970-01-01;Marktplatz 1;71990;Wahlingen;;nein';
    const csv = [HEADER, ...roll.slice(0, 220).map(staffLine), stranger].join('\n');
    const applied = await demo.office.clerk.post(`${base()}/import/apply`, { csv });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toEqual({ created: 221, updated: 0 });
    const ineligible = await demo.office.clerk.get(`${base()}?filter=ineligible`);
    expect(
      ineligible.body.rows.map((row: { familyName: string; pool: { ineligibilityReason: string } }) => [
        row.familyName,
        row.pool.ineligibilityReason,
      ]),
    ).toEqual([['Niemand', 'not-in-roll']]);
    const homes = await testApp.dataSource.query(
      `SELECT count(*) AS n FROM poll_worker_pool WHERE election_id = $1 AND eligibility = 'register' AND home_district_id IS NOT NULL`,
      [demo.electionId],
    );
    expect(Number(homes[0].n)).toBe(220);
    // The same list again updates, never doubles.
    expect((await demo.office.clerk.post(`${base()}/import/apply`, { csv })).body).toEqual({ created: 0, updated: 221 });
  }, 90_000);

  it('should propose all 200 seats of 40 urn boards with experienced chairs, and nothing on a second run', async () => {
    const needs = await demo.office.clerk.post(`${base()}/needs/default`, {
      districtKind: 'polling',
      seats: { chair: 1, 'deputy-chair': 1, secretary: 1, assessor: 2 },
    });
    expect(needs.status).toBe(200);
    expect(needs.body.totals).toMatchObject({ seats: 200, filled: 0, gaps: 200, available: 220 });
    const proposal = await demo.office.clerk.post(`${base()}/proposal`);
    expect(proposal.status).toBe(201);
    expect(proposal.body).toEqual({ proposed: 200, gaps: [] });
    const overview = (await demo.office.clerk.get(`${base()}/assignments`)).body;
    expect(overview.totals).toMatchObject({ seats: 200, filled: 200, confirmed: 0, gaps: 0, available: 20 });
    expect(overview.boards.filter((board: { kind: string }) => board.kind === 'polling')).toHaveLength(40);
    const chairs = await testApp.dataSource.query(
      `SELECT bool_and(p.chair_experience) AS experienced FROM poll_worker_assignments a JOIN poll_workers p ON p.id = a.person_id
       WHERE a.election_id = $1 AND a.function = 'chair'`,
      [demo.electionId],
    );
    expect(chairs[0].experienced).toBe(true);
    expect((await demo.office.clerk.post(`${base()}/proposal`)).body).toEqual({ proposed: 0, gaps: [] });
  });

  it('should record a refusal with its ground and seat a substitute from the reserve', async () => {
    const overview = (await demo.office.clerk.get(`${base()}/assignments`)).body;
    const seat = overview.boards[0].seats.find((s: { function: string }) => s.function === 'assessor').assignments[0];
    const noGround = await demo.office.clerk.post(`${base()}/assignments/${seat.id}/state`, { state: 'refused' });
    expect(noGround.body.code).toBe('POLL_WORKER_REFUSAL_GROUND_MISSING');
    const refused = await demo.office.clerk.post(`${base()}/assignments/${seat.id}/state`, { state: 'refused', refusalGround: 'illness' });
    expect(refused.body).toMatchObject({ state: 'refused', refusalGround: 'illness' });
    const withGap = (await demo.office.clerk.get(`${base()}/assignments`)).body;
    expect(withGap.totals.gaps).toBe(1);
    // The refused seat is listed on its board with the ground, to name a substitute for it.
    expect(withGap.boards[0].refused).toEqual([expect.objectContaining({ id: seat.id, refusalGround: 'illness', function: 'assessor' })]);
    expect(withGap.boards[1].refused).toEqual([]);

    const free = (await demo.office.clerk.get(`${base()}?filter=unassigned`)).body.rows;
    const reserve = await demo.office.clerk.post(`${base()}/assignments`, { personId: free[0].id, districtId: null, function: 'assessor' });
    expect(reserve.status).toBe(201);
    const twice = await demo.office.clerk.post(`${base()}/assignments`, {
      personId: free[0].id,
      districtId: overview.boards[1].districtId,
      function: 'assessor',
    });
    expect(twice.body.code).toBe('POLL_WORKER_ALREADY_ASSIGNED');
    const substitute = await demo.office.clerk.post(`${base()}/assignments/${seat.id}/substitute`, { personId: free[0].id });
    expect(substitute.status).toBe(201);
    expect(substitute.body).toMatchObject({ districtId: overview.boards[0].districtId, function: 'assessor', replacesId: seat.id });
    const after = (await demo.office.clerk.get(`${base()}/assignments`)).body;
    expect(after.totals.gaps).toBe(0);
    expect(after.reserve).toEqual([]);
    expect(after.boards[0].refused).toEqual([]);
    // The refusal keeps its record and its link; a second substitute for it is refused.
    const kept = await testApp.dataSource.query('SELECT state, refusal_ground FROM poll_worker_assignments WHERE id = $1', [seat.id]);
    expect(kept).toEqual([{ state: 'refused', refusal_ground: 'illness' }]);
    const second = await demo.office.clerk.post(`${base()}/assignments/${seat.id}/substitute`, { personId: free[1].id });
    expect(second.body.code).toBe('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');
    const confirmed = await demo.office.clerk.post(`${base()}/assignments/${substitute.body.id}/state`, { state: 'confirmed' });
    expect(confirmed.body.state).toBe('confirmed');
    const back = await demo.office.clerk.post(`${base()}/assignments/${substitute.body.id}/state`, { state: 'appointed' });
    expect(back.body.code).toBe('POLL_WORKER_STATE_CHANGE_NOT_ALLOWED');

    // The board's roster for the day: appointed and confirmed members only, seen by its own office.
    const roster = `/api/elections/${demo.electionId}/districts/${overview.boards[0].districtId}/poll-workers/roster`;
    expect((await demo.office.clerk.get(roster)).body.members).toEqual([
      { name: substitute.body.personName, function: 'assessor', confirmed: true },
    ]);
    expect((await other.clerk.get(roster)).status).toBe(404);
  });

  it('should show a second entry of the same person at another address as a duplicate and merge it by hand', async () => {
    // Someone the proposal seated (20 of the 220 are left over, and ties fall by random ids): the
    // merge must keep the seat.
    const [known] = await testApp.dataSource.query(
      `SELECT p.family_name, p.given_names, p.birth_date::text AS birth_date FROM poll_workers p
         JOIN poll_worker_assignments a ON a.person_id = p.id
        WHERE a.election_id = $1 AND a.state IN ('proposed', 'appointed', 'confirmed') ORDER BY p.family_name, p.given_names LIMIT 1`,
      [demo.electionId],
    );
    const entered = await demo.office.clerk.post(base(), {
      person: {
        familyName: known.family_name,
        givenNames: known.given_names,
        birthDate: known.birth_date,
        street: 'Neue Straße 9',
        postalCode: '71990',
        city: 'Wahlingen',
        email: 'helfer@example.org',
      },
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const duplicates = (await demo.office.clerk.get(`${base()}/duplicates`)).body.groups;
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].reason).toBe('name-and-birth-date');
    const keepId = duplicates[0].personIds.find((id: string) => id !== entered.body.id);
    const merged = await demo.office.clerk.post(`${base()}/merge`, { keepId, mergeId: entered.body.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ email: 'helfer@example.org' });
    expect(merged.body.assignment).not.toBeNull();
    expect((await demo.office.clerk.get(`${base()}/duplicates`)).body.groups).toEqual([]);
    expect((await other.clerk.post(`/api/elections/${demo.electionId}/poll-workers/merge`, { keepId, mergeId: keepId })).status).toBe(404);
  });

  it('should take sign-ups alike for new and known people, with consent, and limit them per address', async () => {
    const url = `/api/public/poll-workers/${demo.electionId}`;
    expect((await anonymous(testApp).get(url)).body).toEqual({
      electionName: demo.definition.name,
      electionDay: demo.definition.electionDay,
      municipalityName: 'Stadt Wahlingen',
    });
    const volunteer = {
      person: {
        familyName: 'Freiwillig',
        givenNames: 'Frieda',
        birthDate: '1985-06-01',
        street: 'Lindenweg 3',
        postalCode: '71990',
        city: 'Wahlingen',
        email: 'frieda@example.org',
        keepForNextElection: true,
      },
      availability: 'all-day',
      consent: true,
    };
    const noConsent = await anonymous(testApp).post(`${url}/sign-up`, { ...volunteer, consent: false });
    expect(noConsent.status).toBe(422);
    const before = await count('poll_workers');
    const first = await anonymous(testApp).post(`${url}/sign-up`, volunteer);
    const again = await anonymous(testApp).post(`${url}/sign-up`, volunteer);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body).toEqual(first.body);
    expect(await count('poll_workers')).toBe(before + 1);
    const stored = await testApp.dataSource.query(
      `SELECT source, keep_for_next_election FROM poll_workers WHERE family_name = 'Freiwillig'`,
    );
    expect(stored).toEqual([{ source: 'sign-up', keep_for_next_election: true }]);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await anonymous(testApp).post(`${url}/sign-up`, volunteer)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('should ask the volunteers of the earlier election again with one click (only with consent)', async () => {
    const later = await addElection(demo.office, demoDefinition('2031-02-23'));
    const asked = await demo.office.clerk.post(`/api/elections/${later}/poll-workers/ask-earlier`);
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ added: 1 });
    const rows = (await demo.office.clerk.get(`/api/elections/${later}/poll-workers?filter=all&search=Freiwillig`)).body.rows;
    expect(rows[0].pool).toMatchObject({ availability: 'all-day' });
  });

  it('should delete the election’s poll workers without consent six months after it, and keep the one who agreed', async () => {
    const people = await count('poll_workers');
    expect(people).toBeGreaterThan(200);
    await testApp.app.get(RetentionService).runScheduled(new Date('2029-08-27T10:00:00+02:00'));
    const pool = await testApp.dataSource.query(`SELECT count(*) AS n FROM poll_worker_pool WHERE election_id = $1`, [demo.electionId]);
    expect(Number(pool[0].n)).toBe(0);
    expect(await count('poll_worker_assignments')).toBe(0);
    expect(await testApp.dataSource.query(`SELECT family_name FROM poll_workers`)).toEqual([{ family_name: 'Freiwillig' }]);
  });
});
