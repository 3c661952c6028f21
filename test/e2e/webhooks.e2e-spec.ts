import type { WebhookOverview, WebhookResultsPublished } from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportingBoards } from '../support/confirmed-reports';
import { workedExampleElection } from '../support/election-night';
import { anonymous, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, verifySignature } from '../support/webhook-receiver';

// Webhooks end to end: a real HTTP receiver that fails the first POST with a 500, the retry after
// the back-off, the signature checked as a newsroom would, the public figures only (R8.5/R8.7:
// district 0101 with 25 voters is withheld and not in the town total of the first version).

const report = (A: number, cdu: number, spd: number) => ({
  A1: A,
  A2: 0,
  A3: 0,
  A,
  B: cdu + spd,
  B1: 0,
  contests: [
    { contestId: 'erststimme', invalid: 0, valid: cdu + spd, votes: { cdu, spd, gruene: 0, fdp: 0, linke: 0 } },
    { contestId: 'zweitstimme', invalid: 0, valid: cdu + spd, votes: { cdu, spd, gruene: 0, fdp: 0, linke: 0, bsw: 0 } },
  ],
  markedCount: cdu + spd,
});

const election = () => ({
  ...workedExampleElection('08999303', 'Hookstadt'),
  districts: [
    { number: '0101', name: 'Altstadt', kind: 'polling', pollingStationId: 'schule' },
    { number: '0102', name: 'Neustadt', kind: 'polling', pollingStationId: 'rathaus' },
    { number: '0103', name: 'Oststadt', kind: 'polling', pollingStationId: 'rathaus' },
  ],
});

describe('webhooks for the press', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let secret: string;
  let hookId: string;
  let confirm: (number: string, report: object) => Promise<void>;

  beforeAll(async () => {
    testApp = await startTestApp({ WAHL_WEBHOOK_ALLOW_PRIVATE: 'true', WAHL_WEBHOOK_RETRY_SECONDS: '1' });
    receiver = await startWebhookReceiver([500]);
    office = await createOfficeWithStaff(testApp, '08999303', 'Hookstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ confirm } = await reportingBoards(testApp, office.officeAdmin, electionId));
    // The public page is open before the first report (so the first one is a new version).
    expect((await anonymous(testApp).get(`/api/public/elections/${electionId}`)).status).toBe(200);
  });
  afterAll(async () => {
    await receiver?.close();
    await testApp?.close();
  });

  const path = () => `/api/elections/${electionId}/webhooks`;

  it('should let the office admin add a subscriber and show its secret once', async () => {
    expect((await office.clerk.post(path(), { name: 'Zeitung', url: receiver.url })).status).toBe(403);
    const bad = await office.officeAdmin.post(path(), { name: 'Z', url: 'ftp://zeitung.example/hook' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['$.name', '$.url']);
    const created = await office.officeAdmin.post(path(), { name: 'Stadtanzeiger', url: receiver.url });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{43}$/);
    ({ secret } = created.body);
    hookId = created.body.subscription.id;
    const overview = await office.clerk.get<WebhookOverview>(path());
    expect(overview.status).toBe(200);
    expect(overview.body.subscriptions).toEqual([expect.objectContaining({ id: hookId, name: 'Stadtanzeiger', active: true })]);
    expect(JSON.stringify(overview.body)).not.toContain(secret);
  });

  it('should post each published version signed, retry after a 500, and show only public figures', async () => {
    await confirm('0101', report(45, 7, 18)); // 25 voters: withheld under R8.5, held back from the total (R8.7)
    await receiver.until(2);
    const [failed, retried] = receiver.received;
    expect([failed!.answeredWith, retried!.answeredWith]).toEqual([500, 200]);
    // The retry sends the same delivery with the same bytes, signed again.
    expect(retried!.headers['wahl-delivery']).toBe(failed!.headers['wahl-delivery']);
    expect(retried!.body).toBe(failed!.body);
    for (const hook of [failed!, retried!]) {
      expect(hook.headers['wahl-event']).toBe('results.published');
      expect(verifySignature(secret, hook.headers['wahl-signature'] as string, hook.body)).toBe(true);
      expect(verifySignature('whsec_wrong', hook.headers['wahl-signature'] as string, hook.body)).toBe(false);
    }
    const body = JSON.parse(retried!.body) as WebhookResultsPublished;
    expect(body).toMatchObject({ event: 'results.published', electionId, reported: 1, expected: 3, status: 'counting' });
    expect(body.areas.map((area) => area.level)).toEqual(['constituency', 'municipality']);
    expect(body.results.find((result) => result.areaId === 'municipality')).toMatchObject({
      reported: 1,
      voters: 0,
      publication: { kind: 'partial', heldBack: 1 },
    });
    expect(body.links.openData).toContain(`/api/public/elections/${electionId}/open-data/listen.json`);

    // The receiver counts the retry before the API has read its answer and stored the delivery's state.
    await vi.waitFor(async () => {
      const log = await office.clerk.get<WebhookOverview>(path());
      expect(log.body.deliveries).toEqual([
        expect.objectContaining({ subscriptionId: hookId, version: body.version, state: 'delivered', attempts: 2, lastStatus: 200 }),
      ]);
    });
  });

  it('should announce the next version at once and stop when the office switches the subscriber off', async () => {
    await confirm('0102', report(600, 150, 250));
    await receiver.until(3);
    const third = JSON.parse(receiver.received[2]!.body) as WebhookResultsPublished;
    // 0101 enters the total merged with 0102 (R8.5): 425 voters, never 0101's 25 alone.
    expect(third.results.find((result) => result.areaId === 'municipality')).toMatchObject({
      reported: 2,
      voters: 425,
      publication: { kind: 'published' },
    });

    const off = await office.officeAdmin.patch(`${path()}/${hookId}`, { active: false });
    expect(off.body).toMatchObject({ id: hookId, active: false });
    await confirm('0103', report(700, 200, 320));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(receiver.received).toHaveLength(3);
    const log = await office.clerk.get<WebhookOverview>(path());
    expect(log.body.deliveries.map((delivery) => delivery.state)).toEqual(['delivered', 'delivered']);

    expect((await office.officeAdmin.delete(`${path()}/${hookId}`)).status).toBe(204);
    expect((await office.officeAdmin.delete(`${path()}/${hookId}`)).status).toBe(404);
  });
});
