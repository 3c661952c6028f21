import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { letterFolder } from '../../apps/api/src/modules/poll-workers/letters/letter-folder';
import { RetentionService } from '../../apps/api/src/modules/retention/retention.service';
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/platform/config/app-config';
import { httpClient } from '../support/http';
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { seedPollWorkerSeats, type SeededSeat } from '../support/poll-worker-seats';
import { startTestApp, type TestApp } from '../support/test-app';

// Letters, trainings and refreshment money of the poll workers through the API on a real
// PostgreSQL and the real job queue: the letter PDF read back with poppler, its code used to sign in
// to the polling-station app, replies, the payment list and the SEPA file against the ISO schema.

const XSD = readFileSync(resolve('test/fixtures/sepa/pain.001.001.09.xsd'), 'utf8');
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

describe('poll workers: letters, trainings, refreshment money', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  let seats: SeededSeat[];
  let folder: string;
  const base = () => `/api/elections/${electionId}/poll-workers`;
  const seat = (familyName: string) => seats.find((entry) => entry.familyName === familyName)!;
  const stateOf = async (assignmentId: string): Promise<string> =>
    (await testApp.dataSource.query('SELECT state FROM poll_worker_assignments WHERE id = $1', [assignmentId]))[0].state;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pw-duties-'));
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.example' });
    office = await createOfficeWithStaff(testApp, '08999101', 'Kleinhausen');
    const created = await office.clerk.post('/api/elections', JSON.parse(readFileSync('test/fixtures/election-small.json', 'utf8')));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    electionId = created.body.id;
    seats = await seedPollWorkerSeats(testApp, electionId, office.officeId, [
      { familyName: 'Müller', givenNames: 'Erika', districtNumber: '001', function: 'chair' },
      { familyName: 'Özdemir', givenNames: 'Ayşe', districtNumber: '001', function: 'secretary' },
      { familyName: 'Schmidt', givenNames: 'Jan', districtNumber: '001', function: 'assessor' },
      { familyName: 'Weber', givenNames: 'Lena', districtNumber: '002', function: 'chair' },
    ]);
  }, 180_000);

  afterAll(async () => {
    await testApp?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('refreshment money settings and accounts', () => {
    it('should offer the federal amounts before anything is set', async () => {
      const settings = await office.clerk.get(`${base()}/payment-settings`);
      expect(settings.status).toBe(200);
      expect(settings.body).toEqual({
        rates: { chair: 3500, 'deputy-chair': 2500, secretary: 2500, 'deputy-secretary': 2500, assessor: 2500 },
        debtor: null,
      });
    });

    it('should refuse a wrong IBAN of the paying account in German at its field and store nothing', async () => {
      const body = {
        rates: { chair: 5000, 'deputy-chair': 3000, secretary: 3000, 'deputy-secretary': 3000, assessor: 3000 },
        debtorName: 'Gemeinde Kleinhausen',
        debtorIban: 'DE75 5121 0800 1245 1261 98',
      };
      const refused = await office.officeAdmin.put(`${base()}/payment-settings`, body);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          path: '$.debtorIban',
          message: 'Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler.',
        }),
      ]);
      expect((await office.clerk.get(`${base()}/payment-settings`)).body.debtor).toBeNull();

      const saved = await office.officeAdmin.put(`${base()}/payment-settings`, { ...body, debtorIban: 'DE75 5121 0800 1245 1261 99' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.debtor).toEqual({ name: 'Gemeinde Kleinhausen', iban: 'DE75512108001245126199', bic: null });
    });

    it('should let only the office admin set the amounts', async () => {
      const response = await office.clerk.put(`${base()}/payment-settings`, { rates: {} });
      expect(response.status).toBe(403);
    });

    it('should check a member IBAN on entry and keep only its end visible', async () => {
      const wrong = await office.clerk.put(`${base()}/people/${seat('Müller').personId}/bank-account`, {
        iban: 'DE89 3704 0044 0532 0130',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].message).toBe('Die IBAN hat für ihr Land nicht die richtige Länge (Deutschland: 22 Zeichen).');
      const stored = await testApp.dataSource.query('SELECT count(*)::int AS n FROM poll_worker_bank_accounts');
      expect(stored[0].n).toBe(0);
      for (const [name, iban] of [
        ['Müller', 'DE89 3704 0044 0532 0130 00'],
        ['Özdemir', 'DE02120300000000202051'],
        ['Weber', 'AT611904300234573201'],
      ] as const) {
        const saved = await office.clerk.put(`${base()}/people/${seat(name).personId}/bank-account`, { iban });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      }
      const list = await office.clerk.get(`${base()}/payments`);
      // Nothing is paid before the seats are appointed.
      expect(list.body.lines).toEqual([]);
    });
  });

  describe('trainings', () => {
    let trainingId: string;

    it('should create a session and invite members of the pool within its places', async () => {
      const created = await office.clerk.post(`${base()}/trainings`, {
        startsAt: '2025-02-12T18:00:00+01:00',
        durationMinutes: 120,
        place: 'Rathaus, Sitzungssaal',
        address: 'Rathausplatz 1',
        capacity: 3,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      trainingId = created.body.id;
      expect(created.body).toMatchObject({ startsAt: '2025-02-12T17:00:00.000Z', endsAt: '2025-02-12T19:00:00.000Z', invited: 0 });

      const invited = await office.clerk.post(`${base()}/trainings/${trainingId}/invitations`, {
        personIds: [seat('Müller').personId, seat('Özdemir').personId, seat('Schmidt').personId],
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      expect(invited.body.participants.map((entry: { name: string }) => entry.name)).toEqual([
        'Müller, Erika',
        'Özdemir, Ayşe',
        'Schmidt, Jan',
      ]);
    });

    it('should refuse an invitation beyond the places and a person outside the pool', async () => {
      const full = await office.clerk.post(`${base()}/trainings/${trainingId}/invitations`, { personIds: [seat('Weber').personId] });
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('PW_TRAINING_FULL');
      const stranger = await office.clerk.post(`${base()}/trainings/${trainingId}/invitations`, {
        personIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(stranger.status).toBe(422);
      expect(stranger.body.errors[0].path).toBe('$.personIds[0]');
    });

    it('should refuse a session without a place in German and record attendance', async () => {
      const bad = await office.clerk.post(`${base()}/trainings`, {
        startsAt: '2025-02-12T18:00:00+01:00',
        durationMinutes: 60,
        place: '',
        capacity: 5,
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: '$.place', message: 'Bitte den Ort der Schulung angeben.' }));
      const attended = await office.clerk.put(`${base()}/trainings/${trainingId}/attendance/${seat('Müller').personId}`, {
        attended: true,
      });
      expect(attended.status).toBe(200);
      expect(attended.body.training.attended).toBe(1);
    });
  });

  describe('appointment letters', () => {
    let pdfText = '';

    it('should make the letters in a background run, appoint the seats and give the PDF', async () => {
      const started = await office.clerk.post(`${base()}/letter-runs`, {});
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body.letters).toBe(4);
      let run = started.body;
      for (let i = 0; i < 120 && run.state !== 'succeeded' && run.state !== 'failed'; i++) {
        await new Promise((done) => setTimeout(done, 250));
        run = (await office.clerk.get(`${base()}/letter-runs/${started.body.id}`)).body;
      }
      expect(run).toMatchObject({ state: 'succeeded', done: 4, letters: 4 });
      for (const entry of seats) expect(await stateOf(entry.assignmentId)).toBe('appointed');

      const again = await office.clerk.post(`${base()}/letter-runs`, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PW_NO_LETTERS');
    }, 60_000);

    it.skipIf(!PDFTOTEXT)(
      'should print name, station, training and the personal code, which signs the member in',
      async () => {
        const runs = await office.clerk.get(`${base()}/letter-runs`);
        const signedIn = await httpClient(testApp.baseUrl).post('/api/auth/login', {
          username: 'u08999101-clerk',
          password: STAFF_PASSWORD,
        });
        const response = await fetch(`${testApp.baseUrl}${runs.body[0].pdfUrl}`, {
          headers: { authorization: `Bearer ${signedIn.body.token}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const file = join(folder, 'letters.pdf');
        writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        pdfText = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        expect(pdfText).toContain('Erika Müller');
        expect(pdfText).toContain('Ayşe Özdemir');
        expect(pdfText).toContain('Rathaus, Sitzungssaal, Rathausplatz 1');
        expect(pdfText).toContain('als Wahlvorsteherin/Wahlvorsteher');
        expect(pdfText).toContain('Mittwoch, 12. Februar 2025, 18:00 bis 20:00 Uhr, Rathaus, Sitzungssaal');
        expect(pdfText).toContain('50,00 €');
        const codes = [...pdfText.matchAll(/\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b/g)].map((match) => match[1]!);
        expect(new Set(codes).size).toBe(4);

        // The code printed first belongs to the first letter: district 001, the chair Erika Müller.
        const signIn = await httpClient(testApp.baseUrl).post('/api/board/sign-in', {
          code: codes[0],
          name: 'Erika Müller',
          pin: '4711',
          pinRepeat: '4711',
        });
        expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
        expect(signIn.body.districts.map((district: { number: string }) => district.number)).toEqual(['001']);
      },
      60_000,
    );

    it('should never write a code into the audit log', async () => {
      const entries = await testApp.dataSource.query(
        `SELECT event::text AS v FROM election_audit_pending WHERE election_id = $1
         UNION ALL SELECT new_value::text FROM election_audit_entries WHERE election_id = $1`,
        [electionId],
      );
      const text = entries.map((entry: { v: string }) => entry.v).join('\n');
      expect(text).toContain('"personal": true');
      for (const code of pdfText.matchAll(/\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b/g))
        expect(text).not.toContain(code[1]);
    });

    it('should record a refusal (seat freed) and a confirmation from the replies', async () => {
      const noGround = await office.clerk.put(`${base()}/assignments/${seat('Schmidt').assignmentId}/reply`, {
        reply: 'refused',
        note: 'Liegt im Krankenhaus',
      });
      expect(noGround.status).toBe(422);
      expect(noGround.body.code).toBe('POLL_WORKER_REFUSAL_GROUND_MISSING');
      expect(await stateOf(seat('Schmidt').assignmentId)).toBe('appointed');
      const refused = await office.clerk.put(`${base()}/assignments/${seat('Schmidt').assignmentId}/reply`, {
        reply: 'refused',
        refusalGround: 'illness',
        note: 'Liegt im Krankenhaus',
      });
      expect(refused.status, JSON.stringify(refused.body)).toBe(200);
      expect(await stateOf(seat('Schmidt').assignmentId)).toBe('refused');
      // One refusal: the ground and text on the seat (as the boards screen records it), the reply on the letter.
      const [stored] = await testApp.dataSource.query(
        `SELECT a.refusal_ground, a.note, l.reply, l.reply_note FROM poll_worker_assignments a
           JOIN poll_worker_letters l ON l.assignment_id = a.id WHERE a.id = $1`,
        [seat('Schmidt').assignmentId],
      );
      expect(stored).toEqual({
        refusal_ground: 'illness',
        note: 'Liegt im Krankenhaus',
        reply: 'refused',
        reply_note: 'Liegt im Krankenhaus',
      });
      const confirmed = await office.clerk.put(`${base()}/assignments/${seat('Müller').assignmentId}/reply`, { reply: 'confirmed' });
      expect(confirmed.status).toBe(200);
      expect(await stateOf(seat('Müller').assignmentId)).toBe('confirmed');
      const unknown = await office.clerk.put(`${base()}/assignments/${seat('Müller').assignmentId}/reply`, { reply: 'maybe' });
      expect(unknown.status).toBe(422);
      // A refused seat is free for a substitute and is not reopened by a late reply.
      const late = await office.clerk.put(`${base()}/assignments/${seat('Schmidt').assignmentId}/reply`, { reply: 'confirmed' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PW_REPLY_NOT_POSSIBLE');
    });
  });

  describe('payment list and SEPA file', () => {
    it('should pay the standing seats: three transfers and one cash payment, the refused member nothing', async () => {
      const list = await office.clerk.get(`${base()}/payments`);
      expect(list.status).toBe(200);
      expect(
        list.body.lines.map((line: { name: string; amountCents: number; method: string }) => [line.name, line.amountCents, line.method]),
      ).toEqual([
        ['Müller, Erika', 5000, 'transfer'],
        ['Özdemir, Ayşe', 3000, 'transfer'],
        ['Weber, Lena', 5000, 'transfer'],
      ]);
      expect(list.body.lines[0].ibanMasked).toBe('… 3000');
      expect(JSON.stringify(list.body)).not.toContain('DE89370400440532013000');
      expect(list.body.totalCents).toBe(13_000);
    });

    it('should give the list as CSV with a total', async () => {
      const csv = await office.clerk.get(`${base()}/payments.csv`);
      expect(csv.status).toBe(200);
      const lines = (csv.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('wahlbezirk;funktion;familienname;vornamen;betrag_eur;zahlweg;kontoinhaber;iban');
      expect(lines[1]).toBe('001;Wahlvorsteher/in;Müller;Erika;50,00;Überweisung;Erika Müller;DE89370400440532013000');
      expect(lines.at(-1)).toBe(';Summe;;;130,00;;;');
    });

    it('should make a pain.001.001.09 file the ISO schema accepts', async () => {
      const refused = await office.officeAdmin.post(`${base()}/payments/sepa`, { executionDate: '05.03.2025' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0]).toMatchObject({ path: '$.executionDate', message: 'Ausführungsdatum im Format JJJJ-MM-TT.' });
      const response = await office.officeAdmin.post(`${base()}/payments/sepa`, { executionDate: '2025-03-05' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('erfrischungsgeld-2025-02-23-pain.001.001.09.xml');
      const xml = response.body as string;
      const result = await validateXML({
        xml: [{ fileName: 'transfer.xml', contents: xml }],
        schema: [{ fileName: 'pain.001.001.09.xsd', contents: XSD }],
      });
      expect(result.errors).toEqual([]);
      expect(xml).toContain('<CtrlSum>130.00</CtrlSum>');
      expect(xml).toContain('<IBAN>AT611904300234573201</IBAN>');
      expect(xml).toContain('<Ustrd>Erfrischungsgeld Bundestagswahl 2025 (Testgemeinde Kleinhausen) Wahlbezirk 002</Ustrd>');
    });

    it('should not let another office see the list', async () => {
      const other = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
      expect((await other.clerk.get(`${base()}/payments`)).status).toBe(404);
    });
  });

  describe('retention of the letters (R8.4)', () => {
    // Six months after the election day (23 February 2025) the category `poll-workers` is due.
    const AFTER_6_MONTHS = new Date('2025-09-01T10:00:00+02:00');
    const letterFiles = () => readdirSync(letterFolder(testApp.app.get<AppConfig>(APP_CONFIG).dataDir));
    const count = async (table: string): Promise<number> =>
      (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE election_id = $1`, [electionId]))[0].n;

    it('should keep the letter PDFs while a legal hold stands and delete them with their rows once it is lifted', async () => {
      const retention = testApp.app.get(RetentionService);
      const actor = (await office.officeAdmin.get('/api/auth/me')).body;
      const [{ file_name: fileName }] = await testApp.dataSource.query(
        'SELECT file_name FROM poll_worker_letter_runs WHERE election_id = $1',
        [electionId],
      );
      expect(letterFiles()).toContain(fileName);

      await retention.setHold(actor, electionId, { reason: 'wahlpruefung', note: 'Az. 3/25' }, AFTER_6_MONTHS);
      await expect(retention.run(actor, electionId, AFTER_6_MONTHS)).rejects.toMatchObject({ code: 'RETENTION_HELD' });
      await retention.runScheduled(AFTER_6_MONTHS);
      expect(letterFiles()).toContain(fileName);
      expect(await count('poll_worker_letters')).toBe(4);

      await retention.liftHold(actor, electionId, AFTER_6_MONTHS);
      const result = await retention.run(actor, electionId, AFTER_6_MONTHS);
      expect(result.deleted).toContainEqual({ category: 'poll-workers', rows: expect.any(Number) });
      expect(letterFiles()).not.toContain(fileName);
      expect(existsSync(join(letterFolder(testApp.app.get<AppConfig>(APP_CONFIG).dataDir), fileName))).toBe(false);
      for (const table of ['poll_worker_letters', 'poll_worker_letter_runs', 'poll_worker_assignments', 'poll_worker_pool'])
        expect(await count(table), table).toBe(0);
      const runs = await office.clerk.get(`${base()}/letter-runs`);
      expect(runs.body).toEqual([]);
    });
  });
});
