import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeWithStaff, setOfficeAdminSignature, type OfficeWithStaff } from '../support/offices';
import {
  createPostalElection,
  daysAgo,
  download,
  hasPdftotext,
  pdftotext,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';
import { pdftotextLayout } from '../support/poppler';

// Issue #12, closing the roll (R1.21, BWO § 24(1)): A1/A2/A3 per district fixed and stored with the
// closing account's display name and function (never typed, never the login name; refused while the
// account has no function), the certificate printed and read back, later Wahlscheine
// leave the stored closing unchanged, bad input and other offices change nothing, and after closing
// only single, documented corrections pass.
describe('closing the roll', () => {
  let testApp: TestApp;
  let election: PostalElection;
  let intruder: OfficeWithStaff;
  let voters: RollVoter[];
  const CLOSE = { place: 'Wahlingen' };
  const roll = () => `/api/elections/${election.electionId}/roll`;
  const postal = () => `/api/elections/${election.electionId}/postal-voting`;

  const issueFor = async (voter: RollVoter): Promise<string> => {
    const clerk = election.office.clerk;
    const application = await clerk.post(`${postal()}/applications`, { voterId: voter.voterId, delivery: { kind: 'home' } });
    const issued = await clerk.post(`${postal()}/issue`, { applicationIds: [application.body.id] });
    return issued.body.issued[0].number as string;
  };

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    election = await createPostalElection(testApp, {
      residents: 200,
      seed: 'roll-closing',
      deadlines: { rollClosingEarliest: daysAgo(1) },
    });
    intruder = await createOfficeWithStaff(testApp, '08999302', 'Andere Stadt');
    voters = await rollVoters(testApp, election.electionId);
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should refuse a closing while the account has no function, say where to set it, and leave the roll open', async () => {
    const admin = election.office.officeAdmin;
    expect((await admin.get('/api/auth/signature')).body).toEqual({ name: 'office-admin Stadt Wahlingen', function: '' });
    const refused = await admin.post(`${roll()}/close`, CLOSE);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'SIGNER_FUNCTION_MISSING',
      detail:
        'Für Ihr Konto ist keine Funktion hinterlegt, mit der Sie unterzeichnen. Eine Administratorin oder ein Administrator des Wahlamts trägt sie unter „Benutzer“ bei Ihrem Konto ein („Bearbeiten“, Feld „Funktion“).',
    });
    // The signer is no longer typed per document: the old fields are refused, not silently ignored.
    const typed = await admin.post(`${roll()}/close`, { signerName: 'Erika Mustermann', signerFunction: 'Leiterin des Wahlamts' });
    expect(typed.status).toBe(422);
    const tooLong = await admin.post(`${roll()}/close`, { place: 'x'.repeat(201) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0]).toMatchObject({ path: '$.place', message: 'Höchstens 200 Zeichen.' });
    const stillOpen = await admin.get(`${roll()}/closing`);
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.detail).toBe('Das Wählerverzeichnis ist noch nicht abgeschlossen.');
    expect((await download(testApp, admin, `${roll()}/closing.pdf`)).status).toBe(409);
  });

  it('should keep other offices and clerks out', async () => {
    expect((await intruder.officeAdmin.post(`${roll()}/close`, CLOSE)).status).toBe(404);
    expect((await election.office.clerk.post(`${roll()}/close`, CLOSE)).status).toBe(403);
    expect((await election.office.officeAdmin.get(`${roll()}/closing`)).status).toBe(409);
  });

  it('should record and issue a Wahlschein for a person not in the roll (A3, BWO § 25(2))', async () => {
    const clerk = election.office.clerk;
    const districtId = voters[0]!.districtId;
    const person = {
      familyName: 'Neumann',
      givenNames: 'Lea',
      birthDate: '2007-03-02',
      street: 'Hauptstraße',
      houseNumber: '3',
      postalCode: '69117',
      city: 'Wahlingen',
      districtId,
      reason: 'right-arose-later',
      reasonNote: 'Eingebürgert am 20.02.; Urkunde vorgelegt.',
    };
    const empty = await clerk.post(`${postal()}/a3`, { ...person, reason: 'other', reasonNote: ' ', postalCode: '691' });
    expect(empty.status).toBe(422);
    expect((empty.body.errors as { path: string; message: string }[]).map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
      '$.postalCode: Eine deutsche Postleitzahl hat fünf Ziffern.',
      '$.reason: Bitte den Grund nach BWO § 25 Abs. 2 wählen.',
      '$.reasonNote: Bitte den Nachweis bzw. die Begründung angeben.',
    ]);
    const inRoll = voters[2]!;
    const refused = await clerk.post(`${postal()}/a3`, {
      ...person,
      familyName: inRoll.familyName,
      givenNames: inRoll.givenNames,
      birthDate: inRoll.birthDate,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`Nr. ${inRoll.voterNumber}); der Wahlschein wird auf dem gewöhnlichen Weg erteilt`);
    expect((await clerk.get(`${postal()}/a3`)).body.items).toEqual([]);
    expect((await intruder.clerk.post(`${postal()}/a3`, person)).status).toBe(404);

    const applied = await clerk.post(`${postal()}/a3`, person);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ name: 'Lea Neumann', certificateNumber: null, reasonLabel: expect.stringContaining('Nr. 2') });
    expect((await clerk.get(`${roll()}/closing-counts`)).body.A3).toBe(0);
    expect((await intruder.clerk.post(`${postal()}/a3/${applied.body.id}/issue`)).status).toBe(404);

    const issued = await clerk.post(`${postal()}/a3/${applied.body.id}/issue`);
    expect(issued.status).toBe(201);
    const district = voters[0]!.districtNumber;
    expect(issued.body.certificateNumber).toBe(`${district}-A3-0001`);
    const again = await clerk.post(`${postal()}/a3/${applied.body.id}/issue`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Für diesen Antrag ist der Wahlschein ${district}-A3-0001 bereits erteilt.`);
    const counts = (await clerk.get(`${roll()}/closing-counts`)).body;
    expect(counts.districts.find((d: { districtId: string }) => d.districtId === districtId)).toMatchObject({ A3: 1 });
    expect(counts).toMatchObject({ A3: 1, A: counts.total + 1 });
    if (hasPdftotext) {
      const pdf = await download(testApp, clerk, `${postal()}/a3/${applied.body.id}/wahlschein.pdf`);
      expect(pdf.status).toBe(200);
      const text = pdftotext(pdf.bytes);
      expect(text).toContain(`${district}-A3-0001`);
      expect(text).toContain('Lea Neumann');
      expect(text).toContain('nicht eingetragen, BWO § 25 Abs. 2');
    }
  });

  it('should store A1, A2 and A3 per district with the signer and print them', async () => {
    const withW = voters[0]!;
    await issueFor(withW);
    const live = (await election.office.clerk.get(`${roll()}/closing-counts`)).body;
    await setOfficeAdminSignature(election.office, { displayName: 'Erika Mustermann', function: 'Leiterin des Wahlamts' });
    const closed = await election.office.officeAdmin.post(`${roll()}/close`, CLOSE);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ signerName: 'Erika Mustermann', signerFunction: 'Leiterin des Wahlamts', place: 'Wahlingen' });
    expect(closed.body.closedBy).toBe(`u${election.office.ags}-office-admin`);
    expect(closed.body.districts.map((d: { A1: number; A2: number; A3: number }) => [d.A1, d.A2, d.A3])).toEqual(
      live.districts.map((d: { A1: number; A2: number; A3: number }) => [d.A1, d.A2, d.A3]),
    );
    expect(closed.body.A1 + closed.body.A2).toBe(voters.length);
    expect(closed.body).toMatchObject({ A2: 1, A3: 1, total: voters.length, A: voters.length + 1 });
    const district = closed.body.districts.find((d: { districtId: string }) => d.districtId === withW.districtId);
    expect(district.A2).toBe(1);
    expect(district.total).toBe(district.A1 + district.A2);

    const stored = await election.office.clerk.get(`${roll()}/closing`);
    expect(stored.body).toEqual(closed.body);
    const again = await election.office.officeAdmin.post(`${roll()}/close`, CLOSE);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Das Wählerverzeichnis ist bereits abgeschlossen.');

    if (hasPdftotext) {
      const pdf = await download(testApp, election.office.clerk, `${roll()}/closing.pdf`);
      expect(pdf.type).toBe('application/pdf');
      const text = pdftotext(pdf.bytes);
      expect(text).toContain('Abschlussbescheinigung des Wählerverzeichnisses');
      expect(text).toContain(`${district.number} ${district.name}`);
      expect(text).toContain('Erika Mustermann');
      expect(text).toContain('Leiterin des Wahlamts');
      expect(text).not.toContain(`u${election.office.ags}-office-admin`);
      expect(pdftotextLayout(pdf.bytes).replace(/ +/g, ' ')).toContain(
        `Zusammen ${closed.body.A1.toLocaleString('de-DE')} 1 ${voters.length.toLocaleString('de-DE')} 1 ${(voters.length + 1).toLocaleString('de-DE')}`,
      );
    }
  });

  it('should keep the stored closing when a Wahlschein is issued later, while the live counts move (R1.16)', async () => {
    const before = (await election.office.clerk.get(`${roll()}/closing`)).body;
    const late = voters[1]!;
    await issueFor(late);
    const after = (await election.office.clerk.get(`${roll()}/closing`)).body;
    expect(after).toEqual(before);
    const live = (await election.office.clerk.get(`${roll()}/closing-counts`)).body;
    expect(live.A2).toBe(before.A2 + 1);
    const list = await election.office.clerk.get(`${postal()}/districts/${late.districtId}/supplementary-list`);
    const fixed = before.districts.find((d: { districtId: string }) => d.districtId === late.districtId);
    expect(list.body.counts.atClosing).toEqual({ A1: fixed.A1, A2: fixed.A2 });
    expect(list.body.counts.now).toEqual({ A1: fixed.A1 - 1, A2: fixed.A2 + 1 });
  });

  it('should refuse deciding all open change proposals at once after closing', async () => {
    const bulk = await election.office.clerk.post(`${roll()}/change-proposals/decisions`, {
      decision: 'accept',
      reason: 'Sammelentscheidung',
    });
    expect(bulk.status).toBe(409);
    expect(bulk.body.detail).toContain('Berichtigungen nur noch einzeln mit Begründung');
  });
});
