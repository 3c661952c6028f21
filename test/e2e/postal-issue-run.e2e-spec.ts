import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostalElection,
  download,
  hasPdftotext,
  pdftotext,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
  type RollVoter,
} from '../support/postal';
import type { TestApp } from '../support/test-app';

type Issued = { applicationId: string; number: string };
type Skipped = { applicationId: string; reason: string };

// Issue #12, bulk issuing with progress: a run issued in chunks shares one batchId, so its
// certificates and labels print as one PDF each; a repeated chunk issues nobody twice.
describe('postal voting: an issuing run in chunks', () => {
  let testApp: TestApp;
  let election: PostalElection;
  let applicationIds: string[];
  let voters: RollVoter[];
  const office = () => election.office.clerk;
  const base = () => `/api/elections/${election.electionId}/postal-voting`;
  const certificateCount = async (): Promise<number> =>
    (await testApp.dataSource.query('SELECT count(*)::int AS n FROM postal_certificates WHERE election_id = $1', [election.electionId]))[0]
      .n as number;

  beforeAll(async () => {
    testApp = await startPostalTestApp();
    election = await createPostalElection(testApp, { residents: 200 });
    voters = (await rollVoters(testApp, election.electionId)).slice(0, 5);
    applicationIds = [];
    for (const voter of voters) {
      const entered = await office().post(`${base()}/applications`, { voterId: voter.voterId, delivery: { kind: 'home' } });
      if (entered.status !== 201) throw new Error(`application: ${entered.status} ${JSON.stringify(entered.body)}`);
      applicationIds.push(entered.body.id as string);
    }
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should refuse a batchId that is no uuid in German and issue nothing', async () => {
    const refused = await office().post(`${base()}/issue`, { applicationIds: applicationIds.slice(0, 1), batchId: 'lauf-1' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: '$.batchId', message: 'Die Kennung des Ausstellungslaufs ist ungültig.' }),
    ]);
    expect(await certificateCount()).toBe(0);
  });

  it('should continue a run with its batchId, skip the one already issued and print all five in one PDF', async () => {
    const first = await office().post(`${base()}/issue`, { applicationIds: applicationIds.slice(0, 3) });
    expect(first.status).toBe(200);
    expect(first.body.issued).toHaveLength(3);
    const batchId = first.body.batchId as string;
    // The second chunk overlaps the first by one application (a page reloaded mid-run).
    const second = await office().post(`${base()}/issue`, { applicationIds: applicationIds.slice(2), batchId });
    expect(second.status).toBe(200);
    expect(second.body.batchId).toBe(batchId);
    expect(second.body.issued.map((i: Issued) => i.applicationId)).toEqual(applicationIds.slice(3));
    expect(second.body.skipped).toEqual([
      expect.objectContaining({ applicationId: applicationIds[2], reason: expect.stringContaining('bereits') }),
    ]);
    const numbers = [...first.body.issued, ...second.body.issued].map((i: Issued) => i.number);
    expect(new Set(numbers).size).toBe(5);
    expect(await certificateCount()).toBe(5);
    if (!hasPdftotext) return;
    const certificates = pdftotext((await download(testApp, office(), `${base()}/batches/${batchId}/wahlscheine.pdf`)).bytes);
    for (const number of numbers) expect(certificates).toContain(number);
    expect(certificates.split('Versicherung an Eides statt zur Briefwahl').length - 1).toBe(5);
    const labels = pdftotext((await download(testApp, office(), `${base()}/batches/${batchId}/etiketten.pdf`)).bytes);
    for (const voter of voters) expect(labels).toContain(`${voter.street} ${voter.houseNumber}`);
  });

  it('should issue nothing twice when a whole chunk is sent again', async () => {
    const batchId = (await testApp.dataSource.query('SELECT DISTINCT batch_id FROM postal_certificates WHERE election_id = $1', [
      election.electionId,
    ])) as { batch_id: string }[];
    expect(batchId).toHaveLength(1);
    const again = await office().post(`${base()}/issue`, { applicationIds, batchId: batchId[0]!.batch_id });
    expect(again.status).toBe(200);
    expect(again.body.issued).toEqual([]);
    expect(again.body.skipped.map((s: Skipped) => s.applicationId).sort()).toEqual([...applicationIds].sort());
    expect(await certificateCount()).toBe(5);
  });
});
