import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  OFFICE_NAMESPACE,
  type OfficeClientToServerEvents,
  type OfficeServerToClientEvents,
  type PollingDayEntryEvent,
  type PollingDayMessageReadEvent,
} from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInBoard, workedExampleElection, type BoardSession } from '../support/election-night';
import { httpClient } from '../support/http';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// The polling station's day through the API (DOMAIN.md 7): a board sends its attendance, opening,
// turnout and incidents with ids made on the device (a retry stores nothing twice), the office sees
// each arrive on its socket, sends a message, gets the read receipt, and publishes the turnout.

type OfficeSocket = Socket<OfficeServerToClientEvents, OfficeClientToServerEvents>;

describe('polling day API', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let other: OfficeWithStaff;
  let electionId: string;
  const districts: Record<string, string> = {};
  const codes: Record<string, string> = {};
  let chair: BoardSession;
  let socket: OfficeSocket;
  const entryEvents: PollingDayEntryEvent[] = [];
  const readEvents: PollingDayMessageReadEvent[] = [];

  const entriesUrl = (number: string) => `/api/elections/${electionId}/districts/${districts[number]}/polling-day/entries`;
  const send = (client: BoardSession['client'], number: string, entry: unknown, id: string = randomUUID()) =>
    client.post(entriesUrl(number), { id, savedAt: '2025-02-23T09:58:00+01:00', entry });
  const monitor = async () => {
    const result = await office.clerk.get(`/api/elections/${electionId}/polling-day/monitor`);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body;
  };
  const station = async (number: string) => (await monitor()).stations.find((row: { number: string }) => row.number === number);
  const countEntries = async () =>
    Number((await testApp.dataSource.query(`SELECT count(*) FROM polling_day_entries WHERE election_id = $1`, [electionId]))[0].count);

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999501', 'Musterstadt');
    other = await createOfficeWithStaff(testApp, '08999502', 'Nachbarort');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999501', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts[row.number] = row.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    for (const code of generated.body.codes) codes[code.districts[0].number] = code.code;
    chair = await signInBoard(testApp.baseUrl, codes['0101']!, 'Erika Vorsteher');

    const admin = await adminClient(testApp);
    const watcher = { username: 'musterstadt-lage', displayName: 'Lagezentrum', password: 'lagezentrum-password-1', role: 'clerk' };
    expect((await admin.post(`/api/offices/${office.officeId}/users`, watcher)).status).toBe(201);
    const session = await httpClient(testApp.baseUrl).post('/api/auth/login', { username: watcher.username, password: watcher.password });
    socket = io(`${testApp.baseUrl}${OFFICE_NAMESPACE}`, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: session.body.token },
    });
    socket.on('polling-day:entry', (event) => entryEvents.push(event));
    socket.on('polling-day:message-read', (event) => readEvents.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(await socket.emitWithAck('office:join-election', { electionId })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    socket?.close();
    await testApp?.close();
  });

  it('should flag every station as silent before anything arrives, with the default report times', async () => {
    const before = await monitor();
    expect(before.settings).toEqual({
      turnoutSlots: ['10:00', '12:00', '14:00', '16:00'],
      silentAfterMinutes: 60,
      checkCodeRequired: false,
      previousTurnout: [],
    });
    expect(before.stations.map((row: { number: string; silent: boolean }) => [row.number, row.silent])).toEqual([
      ['0101', true],
      ['0102', true],
      ['0191', true],
    ]);
  });

  it('should store the attendance once when the device sends it twice, and show the quorum on the monitor', async () => {
    const id = randomUUID();
    const attendance = {
      kind: 'attendance',
      phase: 'voting',
      members: [
        { name: 'Erika Vorsteher', role: 'chair', since: '07:45' },
        { name: 'Max Schreiber', role: 'secretary', since: '07:45' },
      ],
    };
    const first = await send(chair.client, '0101', attendance, id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ id, kind: 'attendance', replayed: false });
    const retry = await send(chair.client, '0101', attendance, id);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await countEntries()).toBe(1);
    // Two members: BWO § 6(8) needs three during voting.
    expect((await station('0101')).attendance).toMatchObject({ phase: 'voting', present: 2, substitutes: 0, quorumMet: false });

    const withSubstitute = {
      ...attendance,
      members: [...attendance.members, { name: 'Tom Ersatz', role: 'assessor', substitute: true, since: '08:10' }],
    };
    expect((await send(chair.client, '0101', withSubstitute)).status).toBe(201);
    const shown = await station('0101');
    expect(shown.attendance).toMatchObject({ present: 3, substitutes: 1, quorumMet: true });
    expect(shown.silent).toBe(false);
    await expect.poll(() => entryEvents.filter((event) => event.kind === 'attendance').length).toBe(2);
    // The socket carries ids and kinds, never the members' names.
    expect(JSON.stringify(entryEvents)).not.toContain('Erika');
  });

  it('should refuse another entry under a used id and leave the stored one as it was', async () => {
    const id = randomUUID();
    expect((await send(chair.client, '0101', { kind: 'incident', occurredAt: '09:12', text: 'Stromausfall im Flur' }, id)).status).toBe(
      201,
    );
    const reused = await send(chair.client, '0101', { kind: 'incident', occurredAt: '09:12', text: 'Etwas anderes' }, id);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('POLLING_DAY_ID_REUSED');
    const day = await chair.client.get(`/api/elections/${electionId}/districts/${districts['0101']}/polling-day`);
    expect(day.body.entries.find((row: { id: string }) => row.id === id).entry.text).toBe('Stromausfall im Flur');
  });

  it('should refuse an opening without the sealed urn and a turnout at a time the office did not set, storing nothing', async () => {
    const before = await countEntries();
    const unsealed = await send(chair.client, '0101', {
      kind: 'opening',
      openedAt: '08:00',
      ballotBoxEmptyAndSealed: false,
      materialComplete: true,
    });
    expect(unsealed.status).toBe(422);
    expect(JSON.stringify(unsealed.body)).toContain('§ 53 Abs. 3 BWO');
    const odd = await send(chair.client, '0101', { kind: 'turnout', slot: '11:00', marked: 100, certificates: 2 });
    expect(odd.status).toBe(422);
    expect(odd.body.code).toBe('POLLING_DAY_UNKNOWN_SLOT');
    const nul = await send(chair.client, '0101', { kind: 'incident', occurredAt: '09:30', text: 'Text mit \u0000 darin' });
    expect(nul.status).toBe(422);
    expect(nul.body.errors).toEqual([expect.objectContaining({ path: '$.entry.text', message: expect.stringContaining('NUL') })]);
    const postal = await send(chair.client, '0191', { kind: 'turnout', slot: '10:00', marked: 1, certificates: 0 });
    expect(postal.status).toBe(403);
    expect(await countEntries()).toBe(before);
  });

  it('should sum the turnout of the reporting stations and publish it for the report time', async () => {
    expect(
      (await send(chair.client, '0101', { kind: 'opening', openedAt: '08:00', ballotBoxEmptyAndSealed: true, materialComplete: true }))
        .status,
    ).toBe(201);
    expect((await send(chair.client, '0101', { kind: 'turnout', slot: '10:00', marked: 180, certificates: 4 })).status).toBe(201);
    const second = await signInBoard(testApp.baseUrl, codes['0102']!, 'Karl Zweiter');
    expect((await send(second.client, '0102', { kind: 'turnout', slot: '10:00', marked: 95, certificates: 1 })).status).toBe(201);
    const before = await monitor();
    expect(before.turnout[0]).toEqual({ slot: '10:00', reported: 2, expected: 2, marked: 275, certificates: 5, publishedAt: null });
    expect(before.stations.find((row: { number: string }) => row.number === '0101')).toMatchObject({
      openedAt: '08:00',
      turnout: { '10:00': 184 },
    });

    const early = await office.clerk.post(`/api/elections/${electionId}/polling-day/turnout/12:00/publish`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('POLLING_DAY_NOTHING_TO_PUBLISH');
    const published = await office.clerk.post(`/api/elections/${electionId}/polling-day/turnout/10:00/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.turnout[0].publishedAt).not.toBeNull();
    // No roll built in this test: the eligible count is unknown, the voters are published.
    const shown = await httpClient(testApp.baseUrl).get(`/api/public/elections/${electionId}/turnout`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      electionId,
      municipalityName: 'Musterstadt',
      postalCertificates: 0,
      reports: [
        {
          slot: '10:00',
          voters: 280,
          eligible: null,
          reportedDistricts: 2,
          expectedDistricts: 2,
          publishedAt: expect.any(String),
          previousPercent: null,
        },
      ],
    });
    // Never a district's figure or a member's name on the public route.
    expect(JSON.stringify(shown.body)).not.toMatch(/0101|Erika/);
  });

  it('should deliver a message to all stations and report each first reading to the office', async () => {
    const id = randomUUID();
    const sent = await office.clerk.post(`/api/elections/${electionId}/polling-day/messages`, {
      id,
      districtId: null,
      text: 'Wahlraum 12: Schlüssel beim Hausmeister',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // Sent again (lost answer): still one message.
    expect(
      (
        await office.clerk.post(`/api/elections/${electionId}/polling-day/messages`, {
          id,
          districtId: null,
          text: 'Wahlraum 12: Schlüssel beim Hausmeister',
        })
      ).body.replayed,
    ).toBe(true);
    const day = await chair.client.get(`/api/elections/${electionId}/districts/${districts['0101']}/polling-day`);
    expect(day.body.messages).toEqual([expect.objectContaining({ id, toAll: true, readAt: null })]);

    const readUrl = `/api/elections/${electionId}/districts/${districts['0101']}/polling-day/messages/${id}/read`;
    const read = await chair.client.post(readUrl, {});
    expect(read.status).toBe(200);
    expect((await chair.client.post(readUrl, {})).body).toEqual(read.body);
    await expect.poll(() => readEvents.length).toBe(1);
    expect(readEvents[0]).toMatchObject({ messageId: id, districtNumber: '0101', readAt: read.body.readAt });
    const message = (await monitor()).messages.find((row: { id: string }) => row.id === id);
    expect(message).toMatchObject({ readBy: ['0101'], expectedReads: 3 });
  });

  it('should keep the incidents open until the office took note', async () => {
    expect((await station('0101')).openIncidents).toBe(1);
    const [incident] = (await monitor()).incidents;
    expect(incident).toMatchObject({ districtNumber: '0101', occurredAt: '09:12', text: 'Stromausfall im Flur', acknowledgedAt: null });
    expect((await office.clerk.post(`/api/elections/${electionId}/polling-day/incidents/${incident.id}/acknowledge`, {})).status).toBe(204);
    expect((await station('0101')).openIncidents).toBe(0);
  });

  it('should keep a board to its own districts and other offices out', async () => {
    expect((await send(chair.client, '0102', { kind: 'incident', occurredAt: '10:00', text: 'Fremder Bezirk' })).status).toBe(403);
    expect((await chair.client.get(`/api/elections/${electionId}/polling-day/monitor`)).status).toBe(403);
    expect(
      (
        await chair.client.post(`/api/elections/${electionId}/polling-day/messages`, {
          id: randomUUID(),
          districtId: null,
          text: 'Von mir',
        })
      ).status,
    ).toBe(403);
    expect((await other.clerk.get(`/api/elections/${electionId}/polling-day/monitor`)).status).toBe(404);
    expect(
      (await other.clerk.post(`/api/elections/${electionId}/polling-day/messages`, { id: randomUUID(), districtId: null, text: 'Fremd' }))
        .status,
    ).toBe(404);
  });

  it('should let the office set its report times, sorted, and refuse a malformed time with the field', async () => {
    const bad = await office.clerk.put(`/api/elections/${electionId}/polling-day/settings`, {
      turnoutSlots: ['9 Uhr'],
      silentAfterMinutes: 30,
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('Uhrzeit wie 08:00');
    const saved = await office.clerk.put(`/api/elections/${electionId}/polling-day/settings`, {
      turnoutSlots: ['14:00', '11:00'],
      silentAfterMinutes: 30,
    });
    expect(saved.body).toEqual({ turnoutSlots: ['11:00', '14:00'], silentAfterMinutes: 30, checkCodeRequired: false, previousTurnout: [] });
    const badPrevious = await office.clerk.put(`/api/elections/${electionId}/polling-day/settings`, {
      turnoutSlots: ['11:00', '14:00'],
      silentAfterMinutes: 30,
      previousTurnout: [{ slot: '14:00', percent: 130 }],
    });
    expect(badPrevious.status).toBe(422);
    expect(JSON.stringify(badPrevious.body)).toContain('previousTurnout');
    expect((await send(chair.client, '0101', { kind: 'turnout', slot: '11:00', marked: 250, certificates: 6 })).status).toBe(201);
  });
});
