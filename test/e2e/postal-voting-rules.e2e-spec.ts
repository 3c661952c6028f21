import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeWithStaff, setOfficeAdminSignature, type OfficeWithStaff } from '../support/offices';
import {
  cardToken,
  createPostalElection,
  daysAgo,
  download,
  hasPdftotext,
  pdftotext,
  publicClientFrom,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';

// The rules around the application: the deadline (BWO § 27(4), per election), representatives with
// written authority (BWO § 27(3)), applications without the code matched by name, tenancy, and the
// closing of the roll with the Nachtragsliste W (R1.16).
describe('postal voting rules', () => {
  let testApp: TestApp;
  let open: PostalElection;
  let closed: PostalElection;
  let closable: PostalElection;
  let intruder: OfficeWithStaff;
  let openVoters: RollVoter[];
  const web = (address = '203.0.113.10') => publicClientFrom(testApp, address);
  const base = (e: PostalElection) => `/api/elections/${e.electionId}/postal-voting`;
  const CLOSE = { place: 'Wahlingen' };
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    open = await createPostalElection(testApp, { residents: 300, seed: 'rules-open' });
    closed = await createPostalElection(testApp, {
      residents: 120,
      seed: 'rules-closed',
      office: open.office,
      deadlines: { postalApplicationDeadline: daysAgo(3) },
    });
    closable = await createPostalElection(testApp, {
      residents: 300,
      seed: 'rules-closing',
      office: open.office,
      deadlines: { rollClosingEarliest: daysAgo(1) },
    });
    await setOfficeAdminSignature(closable.office, { displayName: 'Erika Mustermann', function: 'Leiterin des Wahlamts' });
    intruder = await createOfficeWithStaff(testApp, '08999301', 'Nachbarstadt');
    openVoters = await rollVoters(testApp, open.electionId);
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
  });

  describe('deadline', () => {
    it('should show the closed period for the link and refuse the online application with a clear message', async () => {
      const [voter] = await rollVoters(testApp, closed.electionId);
      const token = await cardToken(testApp, closed.electionId, voter!.voterId);
      const found = await web().post('/api/public/postal-voting/link', { token });
      expect(found.body.election.applicationsOpen).toBe(false);
      const applied = await web().post('/api/public/postal-voting/link/applications', {
        token,
        birthDate: voter!.birthDate,
        delivery: { kind: 'home' },
      });
      expect(applied.status).toBe(409);
      expect(applied.body.errors[0].code).toBe('deadline-passed');
      expect(applied.body.detail).toContain(`Die Frist für Wahlscheinanträge ist am`);
      expect(applied.body.detail).toContain('18:00 Uhr abgelaufen');
      expect(applied.body.detail).toContain('bis zum Wahltag, 15:00 Uhr');
      const byName = await web().post('/api/public/postal-voting/applications', {
        electionId: closed.electionId,
        familyName: voter!.familyName,
        givenNames: voter!.givenNames,
        birthDate: voter!.birthDate,
        street: voter!.street,
        houseNumber: voter!.houseNumber,
        postalCode: voter!.postalCode,
        delivery: { kind: 'home' },
      });
      expect(byName.status).toBe(409);
      expect(byName.body.errors[0].code).toBe('deadline-passed');
    });

    it('should let the office enter a timely letter later and a sudden illness after the deadline, nothing else', async () => {
      const [, late, timely, ill] = await rollVoters(testApp, closed.electionId);
      const clerk = closed.office.clerk;
      const refused = await clerk.post(`${base(closed)}/applications`, { voterId: late!.voterId, delivery: { kind: 'home' } });
      expect(refused.status).toBe(409);
      expect(refused.body.errors[0].code).toBe('deadline-passed');
      const letter = await clerk.post(`${base(closed)}/applications`, {
        voterId: timely!.voterId,
        receivedAt: `${daysAgo(5)}T09:00:00Z`,
        delivery: { kind: 'home' },
      });
      expect(letter.status).toBe(201);
      const illness = await clerk.post(`${base(closed)}/applications`, {
        voterId: ill!.voterId,
        suddenIllness: true,
        delivery: { kind: 'collection' },
        note: 'Attest liegt vor',
      });
      expect(illness.status).toBe(201);
      expect(illness.body).toMatchObject({ suddenIllness: true, channel: 'paper' });
    });
  });

  describe('representative (BWO § 27(3))', () => {
    it('should store an uploaded written authority with the application and give it back to the office only', async () => {
      const voter = openVoters[3]!;
      const token = await cardToken(testApp, open.electionId, voter.voterId);
      const applied = await web().post('/api/public/postal-voting/link/applications', {
        token,
        birthDate: voter.birthDate,
        delivery: { kind: 'collection' },
        representative: {
          name: 'Paula Vertreterin',
          address: { street: 'Lindenweg', houseNumber: '4', postalCode: '71990', city: 'Wahlingen' },
          authority: { kind: 'document', fileName: 'vollmacht.pdf', contentType: 'application/pdf', dataBase64: PDF.toString('base64') },
        },
      });
      expect(applied.status).toBe(201);
      const queue = await open.office.clerk.get(`${base(open)}/applications?representative=true`);
      const item = queue.body.items.find((i: { reference: string }) => i.reference === applied.body.reference);
      expect(item.representative).toEqual({
        name: 'Paula Vertreterin',
        address: { street: 'Lindenweg', houseNumber: '4', postalCode: '71990', city: 'Wahlingen' },
        authority: 'document',
        hasDocument: true,
      });
      const file = await download(testApp, open.office.clerk, `${base(open)}/applications/${item.id}/authority`);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/pdf');
      expect(file.bytes.equals(PDF)).toBe(true);
      const anonymous = await fetch(`${testApp.baseUrl}${base(open)}/applications/${item.id}/authority`);
      expect(anonymous.status).toBe(401);
    });

    it('should refuse an application for someone else without the authority', async () => {
      const voter = openVoters[4]!;
      const token = await cardToken(testApp, open.electionId, voter.voterId);
      const representative = {
        name: 'Paul Vertreter',
        address: { street: 'Lindenweg', houseNumber: '4', postalCode: '71990', city: 'Wahlingen' },
      };
      const unconfirmed = await web().post('/api/public/postal-voting/link/applications', {
        token,
        birthDate: voter.birthDate,
        delivery: { kind: 'home' },
        representative: { ...representative, authority: { kind: 'declaration', confirmed: false } },
      });
      expect(unconfirmed.status).toBe(422);
      expect(unconfirmed.body.errors.map((e: { path: string }) => e.path)).toEqual(['$.representative.authority.confirmed']);
      const fake = await web().post('/api/public/postal-voting/link/applications', {
        token,
        birthDate: voter.birthDate,
        delivery: { kind: 'home' },
        representative: {
          ...representative,
          authority: {
            kind: 'document',
            fileName: 'v.pdf',
            contentType: 'application/pdf',
            dataBase64: Buffer.from('not a pdf at all').toString('base64'),
          },
        },
      });
      expect(fake.status).toBe(422);
      expect(fake.body.detail).toContain('keine lesbare PDF-, JPEG- oder PNG-Datei');
      const declared = await web().post('/api/public/postal-voting/link/applications', {
        token,
        birthDate: voter.birthDate,
        delivery: { kind: 'home' },
        representative: { ...representative, authority: { kind: 'declaration', confirmed: true } },
      });
      expect(declared.status).toBe(201);
    });
  });

  describe('without the code: by name, birth date and address', () => {
    it('should offer the open elections without a code', async () => {
      const elections = await web().post('/api/public/postal-voting/link', { token: 'x'.repeat(22) });
      expect(elections.status).toBe(404);
      const list = (await fetch(`${testApp.baseUrl}/api/public/postal-voting/elections`).then((r) => r.json())) as {
        electionId: string;
        applicationsOpen: boolean;
      }[];
      const byId = new Map(list.map((e) => [e.electionId, e.applicationsOpen]));
      expect(byId.get(open.electionId)).toBe(true);
      expect(byId.get(closed.electionId)).toBe(false);
    });

    it('should accept exactly one matching entry in the usual spellings, and count a miss', async () => {
      const voter = openVoters.find((v) => /[äöü]/i.test(v.familyName) && /straße$/.test(v.street)) ?? openVoters[10]!;
      const spelled = (text: string) =>
        text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
      const body = {
        electionId: open.electionId,
        familyName: spelled(voter.familyName).toUpperCase(),
        givenNames: voter.givenNames.split(' ')[0]!,
        birthDate: voter.birthDate,
        street: voter.street.replace(/straße$/, 'str.'),
        houseNumber: voter.houseNumber,
        postalCode: voter.postalCode,
        delivery: { kind: 'home' },
      };
      const miss = await web('203.0.113.20').post('/api/public/postal-voting/applications', {
        ...body,
        houseNumber: `${voter.houseNumber}9`,
      });
      expect(miss.status).toBe(422);
      expect(miss.body.errors[0].code).toBe('no-unique-match');
      expect(miss.body.detail).toContain('nicht eindeutig im Wählerverzeichnis finden');
      const [attempt] = await testApp.dataSource.query(
        `SELECT outcome, election_id FROM postal_access_attempts WHERE address = '203.0.113.20'`,
      );
      expect(attempt).toEqual({ outcome: 'no-match', election_id: open.electionId });
      const applied = await web('203.0.113.20').post('/api/public/postal-voting/applications', body);
      expect(applied.status).toBe(201);
      const queue = await open.office.clerk.get(`${base(open)}/applications?channel=online-form`);
      expect(queue.body.items.map((i: { voter: { voterId: number } }) => i.voter.voterId)).toEqual([voter.voterId]);
      // Issue #17, 7: a repeat by name is answered as a new application (status, shape, no number or
      // date of the first); the office is to tell the voter by post or e-mail.
      const again = await web('203.0.113.20').post('/api/public/postal-voting/applications', { ...body, delivery: { kind: 'collection' } });
      expect(again.status).toBe(applied.status);
      expect(Object.keys(again.body).sort()).toEqual(Object.keys(applied.body).sort());
      expect(again.body.state).toBe('received');
      expect(again.body.reference).toMatch(/^A-\d{7}-\d$/);
      expect(again.body.reference).not.toBe(applied.body.reference);
      expect(JSON.stringify(again.body)).not.toContain(applied.body.reference);
      expect(again.body.receivedAt).not.toBe(applied.body.receivedAt);
      expect(again.body.message).toBe(applied.body.message.replace(applied.body.reference, again.body.reference));
      const after = await open.office.clerk.get(`${base(open)}/applications?channel=online-form`);
      expect(after.body.total).toBe(1);

      const notices = await open.office.clerk.get(`${base(open)}/repeat-notices`);
      expect(notices.status).toBe(200);
      expect(notices.body.total).toBe(1);
      const [notice] = notices.body.items;
      expect(notice).toMatchObject({
        reference: again.body.reference,
        channel: 'online-form',
        requestedDelivery: 'collection',
        earlier: { reference: applied.body.reference, state: 'received' },
        voter: { voterId: voter.voterId },
        notifiedAt: null,
      });
      expect(notice.message).toContain(`Antragsnummer ${applied.body.reference}`);
      expect((await intruder.clerk.get(`${base(open)}/repeat-notices`)).status).toBe(404);
      expect((await intruder.clerk.post(`${base(open)}/repeat-notices/${notice.id}/done`)).status).toBe(404);
      const done = await open.office.clerk.post(`${base(open)}/repeat-notices/${notice.id}/done`);
      expect(done.status).toBe(200);
      expect(done.body.notifiedAt).not.toBeNull();
      expect(done.body.notifiedBy).toContain('clerk');
      expect((await open.office.clerk.get(`${base(open)}/repeat-notices`)).body.total).toBe(0);
      expect((await open.office.clerk.get(`${base(open)}/repeat-notices?open=false`)).body.total).toBe(1);
    });
  });

  describe('tenancy', () => {
    it('should keep another office out of the queue, issuing, certificates and lists', async () => {
      const queue = await open.office.clerk.get(`${base(open)}/applications`);
      const id = queue.body.items[0].id as string;
      const districtId = openVoters[0]!.districtId;
      const other = intruder.clerk;
      expect((await other.get(`${base(open)}/applications`)).status).toBe(404);
      expect((await other.get(`${base(open)}/applications/${id}`)).status).toBe(404);
      expect((await other.post(`${base(open)}/issue`, { applicationIds: [id] })).status).toBe(404);
      expect(
        (await other.post(`${base(open)}/applications`, { voterId: openVoters[20]!.voterId, delivery: { kind: 'home' } })).status,
      ).toBe(404);
      expect((await other.get(`${base(open)}/certificates`)).status).toBe(404);
      expect((await other.get(`${base(open)}/batches`)).status).toBe(404);
      expect((await other.get(`${base(open)}/districts/${districtId}/supplementary-list`)).status).toBe(404);
      expect((await open.office.boardMember.get(`${base(open)}/applications`)).status).toBe(403);
      const stillReceived = await open.office.clerk.get(`${base(open)}/applications/${id}`);
      expect(stillReceived.body.state).toBe('received');
    });
  });

  describe('closing the roll and the Nachtragsliste W (R1.16)', () => {
    it('should refuse to close before the earliest closing day, and a clerk', async () => {
      const early = await open.office.officeAdmin.post(`/api/elections/${open.electionId}/roll/close`, CLOSE);
      expect(early.status).toBe(409);
      expect(early.body.detail).toContain('frühestens am 22.02.2029');
      expect((await closable.office.clerk.post(`/api/elections/${closable.electionId}/roll/close`, CLOSE)).status).toBe(403);
    });

    it('should list the certificates issued after closing per district and correct A1/A2', async () => {
      const voters = await rollVoters(testApp, closable.electionId);
      const districtId = voters[0]!.districtId;
      const [before, after] = voters.filter((v) => v.districtId === districtId);
      const clerk = closable.office.clerk;
      const issueFor = async (voter: RollVoter): Promise<{ id: string; number: string }> => {
        const application = await clerk.post(`${base(closable)}/applications`, { voterId: voter.voterId, delivery: { kind: 'home' } });
        const issued = await clerk.post(`${base(closable)}/issue`, { applicationIds: [application.body.id] });
        return { id: issued.body.issued[0].certificateId, number: issued.body.issued[0].number };
      };
      const first = await issueFor(before!);
      const empty = await clerk.get(`${base(closable)}/districts/${districtId}/supplementary-list`);
      expect(empty.body).toMatchObject({ closedAt: null, afterClosing: [] });
      expect((await download(testApp, clerk, `${base(closable)}/districts/${districtId}/supplementary-list.pdf`)).status).toBe(409);

      const closing = await closable.office.officeAdmin.post(`/api/elections/${closable.electionId}/roll/close`, CLOSE);
      expect(closing.status).toBe(200);
      expect((await closable.office.officeAdmin.post(`/api/elections/${closable.electionId}/roll/close`, CLOSE)).status).toBe(409);
      const second = await issueFor(after!);
      const lost = await clerk.post(`${base(closable)}/certificates/${first.id}/invalidate`, { reason: 'lost', note: 'Verlust gemeldet' });
      expect(lost.body.replacement).toBeNull();

      const list = await clerk.get(`${base(closable)}/districts/${districtId}/supplementary-list`);
      expect(list.status).toBe(200);
      expect(list.body.closedAt).toBe(closing.body.closedAt);
      expect(list.body.afterClosing.map((c: { number: string }) => c.number)).toEqual([second.number]);
      expect(list.body.invalid.map((c: { number: string; invalidReasonLabel: string }) => [c.number, c.invalidReasonLabel])).toEqual([
        [first.number, 'Verloren'],
      ]);
      const { atClosing, now } = list.body.counts;
      expect(now).toEqual({ A1: atClosing.A1 - 1, A2: atClosing.A2 + 1 });
      expect(atClosing.A2).toBe(1);
      const counts = await clerk.get(`/api/elections/${closable.electionId}/roll/closing-counts`);
      expect(counts.body.districts.find((d: { districtId: string }) => d.districtId === districtId)).toMatchObject({
        A1: now.A1,
        A2: now.A2,
      });

      const otherDistrict = voters.find((v) => v.districtId !== districtId)!.districtId;
      const elsewhere = await clerk.get(`${base(closable)}/districts/${otherDistrict}/supplementary-list`);
      expect(elsewhere.body.afterClosing).toEqual([]);

      if (hasPdftotext) {
        const pdf = await download(testApp, clerk, `${base(closable)}/districts/${districtId}/supplementary-list.pdf`);
        expect(pdf.status).toBe(200);
        const text = pdftotext(pdf.bytes);
        expect(text).toContain('Nachtragsliste „W“');
        expect(text).toContain(second.number);
        expect(text).toContain(`${after!.familyName}, ${after!.givenNames}`);
        expect(text).toContain(first.number);
        expect(text).toContain(`bisher ${atClosing.A2}, jetzt ${now.A2}`);
      }
    });
  });
});
