import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import {
  download,
  cardToken,
  createPostalElection,
  hasPdftotext,
  pdftotext,
  publicClientFrom,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';

// The whole way of one generated voter: the card's QR link, the birth date, the application, the
// clerk issuing the Wahlschein, "W" in the roll and the district's A1/A2 moving by one (R1.15, R3.8).
describe('postal voting: from the card link to the certificate', () => {
  let testApp: TestApp;
  let election: PostalElection;
  let voter: RollVoter;
  let token: string;
  let applicationId: string;
  let reference: string;
  let certificateId: string;
  let certificateNumber: string;
  let batchId: string;
  const office = () => election.office.clerk;
  const base = () => `/api/elections/${election.electionId}/postal-voting`;
  const web = () => publicClientFrom(testApp, '198.51.100.7');
  const countsOf = async (districtId: string): Promise<{ A1: number; A2: number }> => {
    const counts = await office().get(`/api/elections/${election.electionId}/roll/closing-counts`);
    const district = counts.body.districts.find((d: { districtId: string }) => d.districtId === districtId);
    return { A1: district.A1, A2: district.A2 };
  };

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    election = await createPostalElection(testApp, { residents: 400 });
    voter = (await rollVoters(testApp, election.electionId))[7]!;
    token = await cardToken(testApp, election.electionId, voter.voterId);
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should show the election for the link, and nothing of the voter', async () => {
    const found = await web().post('/api/public/postal-voting/link', { token });
    expect(found.status).toBe(200);
    expect(found.body.election).toMatchObject({ electionId: election.electionId, municipality: 'Stadt Wahlingen', applicationsOpen: true });
    expect(found.body.election.deadlineText).toBe('Freitag, 23. Februar 2029, 18:00 Uhr');
    const text = JSON.stringify(found.body);
    for (const secret of [voter.familyName, voter.birthDate, voter.street]) expect(text).not.toContain(secret);
    expect(found.headers.get('cache-control')).toBe('no-store');
  });

  it('should refuse a wrong birth date and count the attempt, without personal data', async () => {
    const wrong = await web().post('/api/public/postal-voting/link/verify', { token, birthDate: '1900-01-01' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: '$.birthDate', code: 'birth-date-mismatch' })]);
    expect(JSON.stringify(wrong.body)).not.toContain(voter.familyName);
    const attempts = await testApp.dataSource.query(
      `SELECT address, outcome, token_hash IS NOT NULL AS has_hash FROM postal_access_attempts`,
    );
    expect(attempts).toEqual([{ address: '198.51.100.7', outcome: 'wrong-birth-date', has_hash: true }]);
  });

  it('should show the voter their own name and address once the birth date matches', async () => {
    const verified = await web().post('/api/public/postal-voting/link/verify', { token, birthDate: voter.birthDate });
    expect(verified.status).toBe(200);
    expect(verified.body.voter).toEqual({
      name: `${voter.givenNames} ${voter.familyName}`,
      addressLines: [`${voter.street} ${voter.houseNumber}`, `${voter.postalCode} ${voter.city}`],
    });
    expect(verified.body.application).toBeNull();
  });

  it('should accept the application with a reference number', async () => {
    const applied = await web().post('/api/public/postal-voting/link/applications', {
      token,
      birthDate: voter.birthDate,
      delivery: { kind: 'home' },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ state: 'received', delivery: 'An die Wohnanschrift' });
    expect(applied.body.reference).toMatch(/^A-\d{7}-\d$/);
    reference = applied.body.reference;
  });

  it('should answer a second application with the state of the first', async () => {
    const again = await web().post('/api/public/postal-voting/link/applications', {
      token,
      birthDate: voter.birthDate,
      delivery: { kind: 'collection' },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('already-received');
    expect(again.body.detail).toContain(`Antragsnummer ${reference}`);
    expect(again.body.detail).toContain('wird bearbeitet');
    const verified = await web().post('/api/public/postal-voting/link/verify', { token, birthDate: voter.birthDate });
    expect(verified.body.application).toMatchObject({ reference, state: 'received' });
  });

  it('should put the application in the office work queue with the voter', async () => {
    const queue = await office().get(`${base()}/applications?state=received`);
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(1);
    const [item] = queue.body.items;
    expect(item).toMatchObject({
      reference,
      channel: 'online-link',
      delivery: 'home',
      voter: { voterId: voter.voterId, districtNumber: voter.districtNumber, postalVoteMark: null },
    });
    applicationId = item.id;
    const byReference = await office().get(`${base()}/applications?reference=${reference}`);
    expect(byReference.body.items.map((i: { id: string }) => i.id)).toEqual([applicationId]);
    const badReference = await office().get(`${base()}/applications?reference=A-0000001-0`);
    expect(badReference.status).toBe(422);
  });

  it('should issue the certificate: "W" in the roll, A1 one less and A2 one more in the district', async () => {
    const before = await countsOf(voter.districtId);
    const issued = await office().post(`${base()}/issue`, { applicationIds: [applicationId] });
    expect(issued.status).toBe(200);
    expect(issued.body.skipped).toEqual([]);
    expect(issued.body.issued).toHaveLength(1);
    certificateNumber = issued.body.issued[0].number;
    certificateId = issued.body.issued[0].certificateId;
    batchId = issued.body.batchId;
    expect(certificateNumber).toBe(`${voter.districtNumber}-000001`);
    const after = await countsOf(voter.districtId);
    expect(after).toEqual({ A1: before.A1 - 1, A2: before.A2 + 1 });
    const found = await office().post(`/api/elections/${election.electionId}/roll/search`, {
      familyName: voter.familyName,
      birthDate: voter.birthDate,
    });
    const entry = found.body.results.find((r: { voterId: number }) => r.voterId === voter.voterId);
    expect(entry.postalVoteCertificate).toBe(certificateNumber);
    // The roll's own audit records the mark with the clerk and the certificate number.
    const audit = await election.office.officeAdmin.get(`/api/elections/${election.electionId}/roll/audit`);
    const marked = audit.body.filter(
      (entry: { action: string; voterId: number }) => entry.action === 'postal-vote-marked' && entry.voterId === voter.voterId,
    );
    expect(marked).toEqual([
      expect.objectContaining({ actor: expect.stringContaining('clerk'), details: { certificateNumber, previousCertificateNumber: null } }),
    ]);
    const again = await office().post(`${base()}/issue`, { applicationIds: [applicationId] });
    expect(again.body.issued).toEqual([]);
    expect(again.body.skipped[0].reason).toContain('bereits ausgestellt');
    expect(await countsOf(voter.districtId)).toEqual(after);
  });

  it('should refuse a second application after issuing with the issued state', async () => {
    const again = await web().post('/api/public/postal-voting/link/applications', {
      token,
      birthDate: voter.birthDate,
      delivery: { kind: 'home' },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('already-issued');
    expect(again.body.detail).toMatch(/Der Wahlschein wurde am \d\d\.\d\d\.\d{4} ausgestellt und mit den Briefwahlunterlagen versandt\./);
  });

  it.skipIf(!hasPdftotext)('should print the certificate and the address label from the templates', async () => {
    const pdf = await download(testApp, office(), `${base()}/batches/${batchId}/wahlscheine.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    writeFileSync(artifactPath('postal-wahlschein.pdf'), pdf.bytes);
    const text = pdftotext(pdf.bytes);
    expect(text).toContain('Wahlschein');
    expect(text).toContain(certificateNumber);
    expect(text).toContain(`${voter.givenNames} ${voter.familyName}`);
    expect(text).toContain('Versicherung an Eides statt zur Briefwahl');
    expect(text).toContain('im Wahlkreis 999 Wahlingen (fiktiv)');
    const single = await download(testApp, office(), `${base()}/certificates/${certificateId}/wahlschein.pdf`);
    expect(pdftotext(single.bytes)).toContain(certificateNumber);
    const labels = await download(testApp, office(), `${base()}/batches/${batchId}/etiketten.pdf`);
    expect(labels.status).toBe(200);
    const labelText = pdftotext(labels.bytes);
    expect(labelText).toContain(`${voter.street} ${voter.houseNumber}`);
    expect(labelText).toContain(`${voter.postalCode} ${voter.city}`);
  });

  it('should not replace a lost certificate, but one that never arrived, with a new number', async () => {
    const lost = await office().post(`${base()}/certificates/${certificateId}/invalidate`, { reason: 'lost', replace: true });
    expect(lost.status).toBe(422);
    const before = await countsOf(voter.districtId);
    const replaced = await office().post(`${base()}/certificates/${certificateId}/invalidate`, {
      reason: 'not-received',
      note: 'Versicherung liegt vor',
      replace: true,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.invalidated).toMatchObject({
      number: certificateNumber,
      status: 'invalid',
      invalidReason: 'not-received',
      replacedByNumber: `${voter.districtNumber}-000002`,
    });
    expect(replaced.body.replacement).toMatchObject({
      number: `${voter.districtNumber}-000002`,
      status: 'valid',
      replacesNumber: certificateNumber,
    });
    expect(await countsOf(voter.districtId)).toEqual(before);
    const invalid = await office().get(`${base()}/certificates?status=invalid`);
    expect(invalid.body.items.map((c: { number: string; invalidReasonLabel: string }) => [c.number, c.invalidReasonLabel])).toEqual([
      [certificateNumber, 'Nicht zugegangen (Versicherung der Person)'],
    ]);
    const valid = await office().get(`${base()}/certificates?status=valid`);
    expect(valid.body.items.map((c: { number: string }) => c.number)).toEqual([`${voter.districtNumber}-000002`]);
    const found = await office().post(`/api/elections/${election.electionId}/roll/search`, {
      familyName: voter.familyName,
      birthDate: voter.birthDate,
    });
    expect(found.body.results.find((r: { voterId: number }) => r.voterId === voter.voterId).postalVoteCertificate).toBe(
      `${voter.districtNumber}-000002`,
    );
    const twice = await office().post(`${base()}/certificates/${certificateId}/invalidate`, { reason: 'other' });
    expect(twice.status).toBe(409);
    const csv = await download(testApp, office(), `${base()}/certificates.csv?status=invalid`);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(certificateNumber);
    expect(lines[1]).toContain('Nicht zugegangen');
  });

  it('should let a clerk enter a paper application for another voter and reject or issue it', async () => {
    const [, other, third] = await rollVoters(testApp, election.electionId);
    const paper = await office().post(`${base()}/applications`, {
      voterId: other!.voterId,
      delivery: {
        kind: 'other-address',
        address: {
          name: `${other!.givenNames} ${other!.familyName}`,
          street: 'Via Roma',
          houseNumber: '3',
          postalCode: '00184',
          city: 'Roma',
          country: 'Italien',
        },
      },
      note: 'Urlaub',
    });
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({
      channel: 'paper',
      enteredBy: expect.stringContaining('clerk'),
      deliveryAddress: { city: 'Roma', country: 'Italien' },
    });
    const rejected = await office().post(`${base()}/applications/${paper.body.id}/reject`, { reason: 'Doppelt erfasst' });
    expect(rejected.body).toMatchObject({ state: 'rejected', rejectionReason: 'Doppelt erfasst' });
    const noReason = await office().post(`${base()}/applications/${paper.body.id}/reject`, { reason: '' });
    expect(noReason.status).toBe(422);
    // After a rejection a new application may be made; it goes abroad.
    const anew = await office().post(`${base()}/applications`, {
      voterId: other!.voterId,
      delivery: paper.body.deliveryAddress ? { kind: 'other-address', address: paper.body.deliveryAddress } : { kind: 'home' },
    });
    expect(anew.status).toBe(201);
    const third1 = await office().post(`${base()}/applications`, { voterId: third!.voterId, delivery: { kind: 'collection' } });
    const issued = await office().post(`${base()}/issue`, { applicationIds: [anew.body.id, third1.body.id] });
    expect(issued.body.issued.map((i: { number: string }) => i.number)).toEqual([
      `${other!.districtNumber}-000003`,
      `${third!.districtNumber}-000004`,
    ]);
    if (hasPdftotext) {
      const labels = pdftotext((await download(testApp, office(), `${base()}/batches/${issued.body.batchId}/etiketten.pdf`)).bytes);
      expect(labels).toContain('00184 Roma');
      expect(labels).toContain('ITALIEN');
      expect(labels).toContain(`Wahlschein-Nr. ${third!.districtNumber}-000004`);
      expect(labels).toContain('Abholung im Wahlamt');
      writeFileSync(
        artifactPath('postal-etiketten.pdf'),
        (await download(testApp, office(), `${base()}/batches/${issued.body.batchId}/etiketten.pdf`)).bytes,
      );
    }
  });
});
