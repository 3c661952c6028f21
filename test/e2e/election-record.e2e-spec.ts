import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLLING_0101, signInBoard, workedExampleElection, type BoardSession } from '../support/election-night';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { hasTools, pdfTextLayout } from '../support/poppler';
import { startTestApp, type TestApp } from '../support/test-app';

// The Wahlniederschrift through the API (BWO § 72, Anlage 29; DOMAIN.md R7.14, R7.15): prefilled from
// the day's log, checked like the quick report and against it (differences explained), signed
// personally by two different members present, printed, checked by the office – and the district's
// result moves from Zwischenergebnis through vorläufig to endgültig.

const MEMBERS = [
  { name: 'Erika Vorsteher', role: 'chair', since: '07:45' },
  { name: 'Max Schreiber', role: 'secretary', since: '07:45' },
  { name: 'Tom Ersatz', role: 'assessor', substitute: true, since: '08:10' },
];
// The count found one Erststimme for the CDU that the quick report gave the SPD.
const RECORD_COUNTS = {
  ...POLLING_0101,
  contests: [
    { ...POLLING_0101.contests[0]!, votes: { ...POLLING_0101.contests[0]!.votes, cdu: 311, spd: 239 } },
    POLLING_0101.contests[1]!,
  ],
  confirmations: [],
};
const record = (overrides: object = {}) => ({
  members: MEMBERS,
  helpers: [],
  openedAt: '08:00',
  ballotBoxEmptyAndSealed: true,
  votingClosedAt: '18:00',
  incidents: [{ occurredAt: '11:20', text: 'Wähler ohne Ausweis zurückgewiesen', decision: 'Zurückweisung nach § 56 Abs. 6 BWO' }],
  doubtfulBallots: { decidedValid: 2, decidedInvalid: 1 },
  recountReason: '',
  counts: RECORD_COUNTS,
  differencesExplanation: '',
  ...overrides,
});

describe('Wahlniederschrift API', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  const districts: Record<string, string> = {};
  let erika: BoardSession;
  let erikaAgain: BoardSession;
  let max: BoardSession;
  let otto: BoardSession;

  const url = (suffix = '') => `/api/elections/${electionId}/districts/${districts['0101']}/record${suffix}`;
  const storedRows = async () => Number((await testApp.dataSource.query(`SELECT count(*) FROM polling_day_records`))[0].count);

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999601', 'Protokollstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999601', 'Protokollstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts[row.number] = row.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    const code = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '0101').code;
    erika = await signInBoard(testApp.baseUrl, code, 'Erika Vorsteher');
    erikaAgain = await signInBoard(testApp.baseUrl, code, 'erika  vorsteher');
    max = await signInBoard(testApp.baseUrl, code, 'Max Schreiber', '1357');
    otto = await signInBoard(testApp.baseUrl, code, 'Otto Fremd', '9753');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should offer a draft from the day’s log before the first save', async () => {
    const send = (entry: object) =>
      erika.client.post(`/api/elections/${electionId}/districts/${districts['0101']}/polling-day/entries`, {
        id: randomUUID(),
        savedAt: '2025-02-23T08:00:00+01:00',
        entry,
      });
    expect((await send({ kind: 'attendance', phase: 'voting', members: MEMBERS })).status).toBe(201);
    expect((await send({ kind: 'opening', openedAt: '08:00', ballotBoxEmptyAndSealed: true, materialComplete: true })).status).toBe(201);
    expect((await send({ kind: 'incident', occurredAt: '11:20', text: 'Wähler ohne Ausweis zurückgewiesen' })).status).toBe(201);

    const shown = await erika.client.get(url());
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ revision: 0, record: null, status: 'none', requiredSignatures: 2, signatures: [] });
    expect(shown.body.draft.members.map((member: { name: string }) => member.name)).toEqual([
      'Erika Vorsteher',
      'Max Schreiber',
      'Tom Ersatz',
    ]);
    expect(shown.body.draft.openedAt).toBe('08:00');
    expect(shown.body.draft.incidents).toEqual([{ occurredAt: '11:20', text: 'Wähler ohne Ausweis zurückgewiesen', decision: '' }]);
  });

  it('should prefill the quick report with A1, A2, A3 of the closed roll and check A1 + A2 against it (P2)', async () => {
    // The roll's closing as the roll module stores it (its own specs cover how it is made).
    await testApp.dataSource.query(
      `INSERT INTO roll_closings (election_id, closed_at, closed_by_username, signer_name, signer_function, document)
       VALUES ($1, now(), 'test', 'Gemeindebehörde', 'Wahlamt', '\\x00')`,
      [electionId],
    );
    await testApp.dataSource.query(
      `INSERT INTO roll_closing_districts (election_id, district_id, a1, a2, a3) VALUES ($1, $2, 1200, 300, 0), ($1, $3, 1200, 290, 0)`,
      [electionId, districts['0101'], districts['0102']],
    );
    const form = await erika.client.get(`/api/elections/${electionId}/districts/${districts['0101']}/report-form`);
    expect(form.status).toBe(200);
    expect(form.body.rollClosing).toEqual({ A1: 1200, A2: 300, A3: 0 });
    const postal = await office.clerk.get(`/api/elections/${electionId}/districts/${districts['0191']}/report-form`);
    expect(postal.body.rollClosing).toBeNull();

    const mismatch = await office.clerk.post(`/api/elections/${electionId}/districts/${districts['0102']}/reports`, {
      ...POLLING_0101,
      expectedVersion: 0,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors.map((error: { rule: string }) => error.rule)).toContain('P2');
  });

  it('should make the district a Zwischenergebnis once its quick report counts', async () => {
    const reports = `/api/elections/${electionId}/districts/${districts['0101']}/reports`;
    expect((await erika.client.post(reports, { ...POLLING_0101, expectedVersion: 0 })).status).toBe(201);
    const approved = await max.client.post(`${reports}/1/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await erika.client.get(url())).body).toMatchObject({ status: 'interim', quickReportVersion: 1 });
  });

  it('should refuse implausible counts and unexplained differences, storing nothing', async () => {
    const implausible = await erika.client.put(url(), {
      expectedRevision: 0,
      record: record({ counts: { ...RECORD_COUNTS, B1: 900 } }),
    });
    expect(implausible.status).toBe(422);
    expect(implausible.body.code).toBe('VALIDATION_FAILED');
    expect(implausible.body.errors.map((error: { rule: string }) => error.rule)).toContain('P4');

    const unexplained = await erika.client.put(url(), { expectedRevision: 0, record: record() });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.code).toBe('RECORD_DIFFERENCES_UNEXPLAINED');
    expect(unexplained.body.detail).toContain('D1: Schnellmeldung 310, Niederschrift 311');
    expect(unexplained.body.errors[0].path).toBe('$.record.differencesExplanation');
    expect(await storedRows()).toBe(0);
  });

  it('should store the explained record with its confirmed P7 warning and list its differences from the quick report', async () => {
    // 818 Vermerke + Wahlscheine against 820 ballots: P7 (BWO § 68(1)) is a warning the board confirms with its reason.
    const explained = { differencesExplanation: 'Bei der Nachzählung ein Stimmzettel vom SPD- in den CDU-Stapel gelegt.' };
    const unconfirmed = await erika.client.put(url(), {
      expectedRevision: 0,
      record: record({ ...explained, counts: { ...RECORD_COUNTS, markedCount: 818 } }),
    });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.errors.map((error: { rule: string }) => error.rule)).toEqual(['P7']);
    expect(await storedRows()).toBe(0);
    const confirmations = [{ rule: 'P7', comment: 'Zwei Stimmabgabevermerke fehlen; Stimmzettel zweimal gezählt.' }];
    const saved = await erika.client.put(url(), {
      expectedRevision: 0,
      record: record({ ...explained, counts: { ...RECORD_COUNTS, markedCount: 818, confirmations } }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ revision: 1, status: 'interim', draft: null });
    expect(
      saved.body.differences.map((difference: { field: string; left: number; right: number }) => [
        difference.field,
        difference.left,
        difference.right,
      ]),
    ).toEqual([
      ['D1', 310, 311],
      ['D2', 240, 239],
      ['markedCount', 820, 818],
    ]);
    const stale = await max.client.put(url(), {
      expectedRevision: 0,
      record: record({ differencesExplanation: 'Eine andere Fassung der Erläuterung.' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('RECORD_REVISION_CONFLICT');
  });

  it('should take signatures only from different members present (four eyes) and then be vorläufig', async () => {
    const early = await office.clerk.post(url('/check'));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RECORD_NOT_SIGNED');
    expect((await office.clerk.post(url('/signatures'), { revision: 1 })).status).toBe(403);

    const first = await erika.client.post(url('/signatures'), { revision: 1 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'interim', signatures: [{ name: 'Erika Vorsteher' }] });

    const twice = await erikaAgain.client.post(url('/signatures'), { revision: 1 });
    expect(twice.status).toBe(403);
    expect(twice.body.code).toBe('RECORD_ALREADY_SIGNED');
    const absent = await otto.client.post(url('/signatures'), { revision: 1 });
    expect(absent.status).toBe(403);
    expect(absent.body.code).toBe('RECORD_SIGNER_NOT_PRESENT');
    const wrongRevision = await max.client.post(url('/signatures'), { revision: 2 });
    expect(wrongRevision.status).toBe(409);

    const second = await max.client.post(url('/signatures'), { revision: 1 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.status).toBe('provisional');
    expect(second.body.signatures.map((signature: { name: string }) => signature.name)).toEqual(['Erika Vorsteher', 'Max Schreiber']);
  });

  it.skipIf(!hasTools('pdftotext'))('should print the record in the order of Anlage 29 with its signatures', async () => {
    const response = await fetch(`${testApp.baseUrl}${url('.pdf')}`, { headers: { authorization: `Bearer ${erika.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'record-pdf-'));
    try {
      const file = join(dir, 'record.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const pages = pdfTextLayout(file);
      const lines = pages.flatMap((page) => page.lines.map((line) => line.text));
      // Paragraphs wrap: compare with runs of white space as one space.
      const text = lines.join(' ').replace(/\s+/gu, ' ');
      const words = pages.flatMap((page) => page.lines.flatMap((line) => line.words));
      const sameRow = (left: string, right: string) =>
        words.some(
          (word) =>
            word.text === left &&
            words.some((other) => other.text === right && Math.abs(other.yMin - word.yMin) < 2 && other.xMin > word.xMax),
        );
      const order = [
        '1. Wahlvorstand',
        '2. Wahlhandlung',
        '3. Besondere Vorkommnisse',
        '4. Ergebnisermittlung',
        '5. Wahlergebnis',
        '6. Abweichungen',
        '7. Unterschriften',
      ];
      const positions = order.map((title) => lines.findIndex((line) => line.startsWith(title)));
      expect(
        positions.every((position) => position >= 0),
        text,
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain('Wahlbezirk 0101');
      expect(text).toContain('Tom Ersatz – Beisitzer/in, Ersatzmitglied, berufen um 08:10 Uhr');
      expect(text).toContain('11:20 Uhr: Wähler ohne Ausweis zurückgewiesen – Beschluss: Zurückweisung nach § 56 Abs. 6 BWO');
      expect(text).toContain('2 für gültig, 1 für ungültig');
      // The result table: Kennbuchstabe, label and the record's figure on one row.
      expect(sameRow('D1', '311')).toBe(true);
      expect(sameRow('A1', '1.200')).toBe(true);
      expect(text).toContain('D1: Schnellmeldung 310, Niederschrift 311');
      expect(text).toContain(
        'Auffälligkeit P7 (Stimmzettel weichen von Stimmabgabevermerken und Wahlscheinen ab, § 68 Abs. 1 BWO) – vom Wahlvorstand geprüft und bestätigt: Zwei Stimmabgabevermerke fehlen; Stimmzettel zweimal gezählt.',
      );
      expect(text).toMatch(/Erika Vorsteher – unterschrieben/u);
      expect(text).toMatch(/Max Schreiber – unterschrieben/u);
      expect(text).not.toContain('Noch nicht von zwei');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should let the office check the signed record: endgültig, no more changes, listed per district', async () => {
    const checked = await office.clerk.post(url('/check'));
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body).toMatchObject({ status: 'final', checkedBy: expect.any(String) });
    const change = await erika.client.put(url(), {
      expectedRevision: 1,
      record: record({ differencesExplanation: 'Noch eine Änderung danach.' }),
    });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('RECORD_CHECKED');

    const overview = await office.clerk.get(`/api/elections/${electionId}/records`);
    expect(overview.status, JSON.stringify(overview.body)).toBe(200);
    // 0102 and 0191 have no result yet: the election's figures are a Zwischenergebnis.
    expect(overview.body.status).toBe('interim');
    const rows = Object.fromEntries(overview.body.districts.map((row: { number: string }) => [row.number, row]));
    expect(rows['0101']).toMatchObject({ status: 'final', revision: 1, signatures: 2 });
    expect(rows['0101'].differences.map((difference: { field: string }) => difference.field)).toEqual(['D1', 'D2', 'markedCount']);
    expect(rows['0102']).toMatchObject({ status: 'none', differences: [] });
    expect((await erika.client.get(`/api/elections/${electionId}/records`)).status).toBe(403);

    // The public page learns the stage and how many districts reached each, never which.
    const stage = await fetch(`${testApp.baseUrl}/api/public/elections/${electionId}/result-status`);
    expect(stage.status).toBe(200);
    expect(await stage.json()).toEqual({ electionId, status: 'interim', districts: { none: 2, interim: 0, provisional: 0, final: 1 } });
  });
});
