import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLLING_0101, POSTAL_0191, signInBoard, workedExampleElection, type BoardSession } from '../support/election-night';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #17, finding 1: four eyes means two different people. Board members sign in personally
// (code, name, PIN), so a second session of one member is the same person; whoever issued codes for a
// district cannot confirm its reports, neither as office staff nor through a code of their own.

/** 0102: turnout 150/1,100 – a P8 warning, confirmed with a comment. */
const REPORT_0102 = {
  A1: 1000,
  A2: 100,
  A3: 0,
  A: 1100,
  B: 150,
  B1: 10,
  contests: [
    { contestId: 'erststimme', invalid: 2, valid: 148, votes: { cdu: 50, spd: 40, gruene: 30, fdp: 18, linke: 10 } },
    { contestId: 'zweitstimme', invalid: 1, valid: 149, votes: { cdu: 45, spd: 40, gruene: 30, fdp: 15, linke: 10, bsw: 9 } },
  ],
  confirmations: [{ rule: 'P8', comment: 'Telefonisch rückgefragt: Bezirk mit Seniorenheim, Zahlen stimmen.' }],
};

describe('election night: four eyes are two different people (issue #17)', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  const districts: Record<string, string> = {};
  let code0101: string;

  const reportsUrl = (number: string) => `/api/elections/${electionId}/districts/${districts[number]}/reports`;
  const state = async (number: string) => (await office.clerk.get(reportsUrl(number))).body;
  const reported = async () => (await office.clerk.get(`/api/elections/${electionId}/totals`)).body.reported as number;
  const signIn = (body: object) => httpClient(testApp.baseUrl).post('/api/board/sign-in', body);
  const failures = async () => Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM login_failures`))[0].n);
  const issueCode = async (client: HttpClient, number: string): Promise<string> => {
    const generated = await client.post(`/api/elections/${electionId}/board-codes`, { codes: [{ districtIds: [districts[number]] }] });
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    return generated.body.codes[0].code;
  };
  const auditEntries = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const verdict = await office.clerk.get(`/api/elections/${electionId}/audit/verify`);
      if (verdict.body.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (await office.clerk.get(`/api/elections/${electionId}/audit?limit=1000`)).body.entries as any[];
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999301', 'Vieraugenstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999301', 'Vieraugenstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts[row.number] = row.id;
    // The office admin issues the code of 0101 only; 0102 and 0191 are the clerk's below.
    code0101 = await issueCode(office.officeAdmin, '0101');
  });
  afterAll(async () => {
    await testApp?.close();
  });

  describe('personal sign-in: code, name and PIN', () => {
    it('should ask for a PIN with repetition at the first sign-in and store only its argon2 hash', async () => {
      const withoutRepeat = await signIn({ code: code0101, name: 'Erika Muster', pin: '4711' });
      expect(withoutRepeat.status).toBe(409);
      expect(withoutRepeat.body).toMatchObject({ code: 'BOARD_PIN_SETUP_REQUIRED', detail: expect.stringContaining('Erika Muster') });
      const mismatch = await signIn({ code: code0101, name: 'Erika Muster', pin: '4711', pinRepeat: '4712' });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.errors[0]).toMatchObject({ path: '$.pinRepeat' });
      const first = await signIn({ code: code0101, name: 'Erika Muster', pin: '4711', pinRepeat: '4711' });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const [member] = await testApp.dataSource.query(`SELECT name, pin_hash FROM board_members WHERE name = 'Erika Muster'`);
      expect(member.pin_hash).toMatch(/^\$argon2/);
      expect(member.pin_hash).not.toContain('4711');
    });

    it('should refuse a wrong PIN and count it like a wrong code', async () => {
      const before = await failures();
      const wrong = await signIn({ code: code0101, name: 'erika  muster', pin: '1234' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('BOARD_SIGN_IN_FAILED');
      expect(wrong.body.detail).toMatch(/PIN/);
      expect(await failures()).toBe(before + 1);
    });

    it('should make a second sign-in of the same member (any case and spacing) the same person', async () => {
      const one = await signInBoard(testApp.baseUrl, code0101, 'Erika Muster', '4711');
      const two = await signInBoard(testApp.baseUrl, code0101, '  ERIKA muster ', '4711');
      expect(two.token).not.toBe(one.token);
      expect(two.body.user.userId).toBe(one.body.user.userId);
      expect(two.body.user.username).toBe('Erika Muster');
      const other = await signInBoard(testApp.baseUrl, code0101, 'Max Beispiel', '8080');
      expect(other.body.user.userId).not.toBe(one.body.user.userId);
    });
  });

  describe('(a) a board member’s second session confirms nothing', () => {
    let erika: BoardSession;
    let erikaAgain: BoardSession;

    it('should refuse the approval from the author’s second session', async () => {
      erika = await signInBoard(testApp.baseUrl, code0101, 'Erika Muster', '4711');
      erikaAgain = await signInBoard(testApp.baseUrl, code0101, 'Erika Muster', '4711');
      const entered = await erika.client.post(reportsUrl('0101'), { ...POLLING_0101, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      const approval = await erikaAgain.client.post(`${reportsUrl('0101')}/1/approve`);
      expect(approval.status).toBe(403);
      expect(approval.body.code).toBe('FOUR_EYES_SAME_PERSON');
      expect(approval.body.detail).toContain('zweiten Anmeldung');
      expect((await state('0101')).state).toBe('entered');
      expect(await reported()).toBe(0);
    });

    it('should not let the second session confirm by entering the same numbers again', async () => {
      const blind = await erikaAgain.client.post(reportsUrl('0101'), { ...POLLING_0101, expectedVersion: 1 });
      expect(blind.status, JSON.stringify(blind.body)).toBe(201);
      expect(blind.body).toMatchObject({ outcome: 'entered', state: 'entered', countedVersion: null });
      expect(await reported()).toBe(0);
    });

    it('should count the report once another member of the board approves it, and audit both persons', async () => {
      const max = await signInBoard(testApp.baseUrl, code0101, 'Max Beispiel', '8080');
      const approved = await max.client.post(`${reportsUrl('0101')}/2/approve`);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ outcome: 'approved', state: 'confirmed', countedVersion: 2 });
      expect(await reported()).toBe(1);
      const approval = (await auditEntries()).find((entry) => entry.action === 'report.approved' && entry.districtId === districts['0101']);
      expect(approval.newValue.fourEyes).toEqual({
        author: { id: erika.body.user.userId, name: 'Erika Muster', role: 'board-member' },
        confirmer: { id: max.body.user.userId, name: 'Max Beispiel', role: 'board-member' },
      });
    });
  });

  describe('(b) whoever issued codes for a district cannot confirm its reports', () => {
    it('should refuse a clerk who enters, issues a code, signs in with it and approves', async () => {
      const entered = await office.clerk.post(reportsUrl('0191'), { ...POSTAL_0191, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      expect((await office.clerk.post(`${reportsUrl('0191')}/1/approve`)).body.code).toBe('FOUR_EYES_SAME_PERSON');
      const strawman = await signInBoard(testApp.baseUrl, await issueCode(office.clerk, '0191'), 'Paula Strohmann');
      const approval = await strawman.client.post(`${reportsUrl('0191')}/1/approve`);
      expect(approval.status).toBe(403);
      expect(approval.body.code).toBe('FOUR_EYES_CODE_ISSUER');
      const blind = await strawman.client.post(reportsUrl('0191'), { ...POSTAL_0191, expectedVersion: 1 });
      expect(blind.status).toBe(403);
      expect(blind.body.code).toBe('FOUR_EYES_CODE_ISSUER');
      expect((await state('0191')).state).toBe('entered');
      expect(await reported()).toBe(1);
    });

    it('should keep the office’s own four eyes: clerk enters, an office admin who issued no code for the district approves', async () => {
      const approved = await office.officeAdmin.post(`${reportsUrl('0191')}/1/approve`);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ state: 'confirmed', countedVersion: 1 });
      expect(await reported()).toBe(2);
      const approval = (await auditEntries()).find((entry) => entry.action === 'report.approved' && entry.districtId === districts['0191']);
      expect(approval.newValue.fourEyes).toMatchObject({
        author: { name: 'u08999301-clerk', role: 'clerk' },
        confirmer: { name: 'u08999301-office-admin', role: 'office-admin' },
      });
    });

    it('should refuse the issuing clerk as confirmer of an entry made with a code they issued', async () => {
      const board = await signInBoard(testApp.baseUrl, await issueCode(office.clerk, '0102'), 'Yusuf Demir');
      const entered = await board.client.post(reportsUrl('0102'), { ...REPORT_0102, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      const approval = await office.clerk.post(`${reportsUrl('0102')}/1/approve`);
      expect(approval.status).toBe(403);
      expect(approval.body).toMatchObject({ code: 'FOUR_EYES_CODE_ISSUER', detail: expect.stringContaining('Vier-Augen-Prinzip') });
      expect(await reported()).toBe(2);
      const byAdmin = await office.officeAdmin.post(`${reportsUrl('0102')}/1/approve`);
      expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
      expect(await reported()).toBe(3);
    });
  });
  describe('guessing a member’s PIN', () => {
    it('should evaluate at most five parallel wrong PINs of one member and client, then refuse even the right one', async () => {
      await signInBoard(testApp.baseUrl, code0101, 'Greta Raten', '8642');
      const before = await failures();
      const guesses = await Promise.all(
        Array.from({ length: 15 }, (_, index) => signIn({ code: code0101, name: 'Greta Raten', pin: String(1000 + index) })),
      );
      const evaluated = guesses.filter((guess) => guess.status === 401);
      const refused = guesses.filter((guess) => guess.status === 429);
      expect(evaluated.length).toBeLessThanOrEqual(5);
      expect(evaluated.length + refused.length).toBe(15);
      expect(refused[0]!.body.code).toBe('BOARD_PIN_THROTTLED');
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await failures()).toBe(before + evaluated.length);
      const right = await signIn({ code: code0101, name: 'Greta Raten', pin: '8642' });
      expect(right.status).toBe(429);
      // Another member of the same board is not held up by the guesser.
      const other = await signIn({ code: code0101, name: 'Max Beispiel', pin: '8080' });
      expect(other.status).toBe(200);
    });
  });
});
