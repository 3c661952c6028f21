import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeWithStaff } from '../support/offices';
import { createPostalElection, rollVoters, startPostalTestApp, type PostalElection } from '../support/postal';
import type { TestApp } from '../support/test-app';

// The routes issue #12's screens added: an entry's history (logged like a search) and the
// Briefwahlstelle's figures per day. Bad ids get a German 404 and leave no trace; another office's
// clerk learns nothing.

describe('roll entry history and postal figures (API)', () => {
  let testApp: TestApp;
  let election: PostalElection;
  const base = () => `/api/elections/${election.electionId}`;
  const lookups = async (): Promise<number> => {
    const [row] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM roll_audit_entries WHERE election_id = $1 AND action = 'voter-lookup'`,
      [election.electionId],
    );
    return row.n as number;
  };

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    election = await createPostalElection(testApp, { residents: 40, seed: 'voter-history' });
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('should list the postal-vote mark of an issued certificate and log the look itself', async () => {
    const [voter] = await rollVoters(testApp, election.electionId);
    const clerk = election.office.clerk;
    const application = await clerk.post(`${base()}/postal-voting/applications`, {
      voterId: voter!.voterId,
      delivery: { kind: 'collection' },
    });
    const issued = await clerk.post(`${base()}/postal-voting/issue`, { applicationIds: [application.body.id] });
    const number = issued.body.issued[0].number as string;
    const before = await lookups();

    const history = await clerk.get(`${base()}/roll/voters/${voter!.voterId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.voter).toMatchObject({ voterId: voter!.voterId, postalVoteCertificate: number });
    expect(history.body.events.map((e: { label: string }) => e.label)).toEqual([
      'Verlauf angesehen',
      `Wahlschein ${number} vermerkt („W“)`,
    ]);
    expect(await lookups()).toBe(before + 1);

    const figures = await clerk.get(`${base()}/postal-voting/figures`);
    expect(figures.body).toMatchObject({ open: 0, validCertificates: 1, invalidCertificates: 0 });
    expect(figures.body.days).toHaveLength(1);
    expect(figures.body.days[0]).toMatchObject({ applicationsReceived: 1, applicationsRejected: 0, certificatesIssued: 1 });
  });

  it('should answer unknown or malformed entry ids with a German 404 and log nothing', async () => {
    const before = await lookups();
    for (const id of ['abc', '0', '99999', '3000000000']) {
      const answer = await election.office.clerk.get(`${base()}/roll/voters/${id}/history`);
      expect(answer.status).toBe(404);
      expect(answer.body.detail).toMatch(/Eintrag im Wählerverzeichnis/);
    }
    expect(await lookups()).toBe(before);
  });

  it("should refuse another office's clerk both routes without a lookup in the log", async () => {
    const other = await createOfficeWithStaff(testApp, '08111000', 'Stadt Anderswo');
    const [voter] = await rollVoters(testApp, election.electionId);
    const before = await lookups();
    for (const path of [`${base()}/roll/voters/${voter!.voterId}/history`, `${base()}/postal-voting/figures`]) {
      const answer = await other.clerk.get(path);
      expect([403, 404]).toContain(answer.status);
      expect(JSON.stringify(answer.body)).not.toContain(voter!.familyName);
    }
    expect(await lookups()).toBe(before);
  });
});
