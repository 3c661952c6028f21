import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportsRepository } from '../../apps/api/src/modules/quick-reports/reports.repository';
import { POLLING_0101, workedExampleElection } from '../support/election-night';
import type { HttpClient } from '../support/http';
import { createOfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 16: every district's night state row is made when its definition is imported or changed,
// not at the night's first report, where at 100,000 districts the inserts stalled the first
// submissions for seconds. A state row alone is not a result: the definition stays open to
// structural changes until a quick report is stored.

const AGS = '08999502';

type StateRow = { number: string; state: string; current_version: number };

describe('quick reports: district state rows from the import on', () => {
  let testApp: TestApp;
  let clerk: HttpClient;
  let officeAdmin: HttpClient;
  let electionId: string;
  const url = (path: string) => `/api/elections/${electionId}${path}`;
  const states = async (): Promise<StateRow[]> =>
    testApp.dataSource.query(
      `SELECT d.number, s.state, s.current_version FROM election_night_districts s JOIN districts d ON d.id = s.district_id
        WHERE s.election_id = $1 ORDER BY d.number`,
      [electionId],
    );
  const allMissing = [
    { number: '0101', state: 'missing', current_version: 0 },
    { number: '0102', state: 'missing', current_version: 0 },
    { number: '0191', state: 'missing', current_version: 0 },
  ];
  const district = (number: string, postalDistrict?: string) => ({
    number,
    name: number === '0101' ? 'Altstadt' : 'Neustadt',
    kind: 'polling',
    pollingStationId: number === '0101' ? 'schule' : 'rathaus',
    ...(postalDistrict ? { postalDistrict } : {}),
  });

  beforeAll(async () => {
    testApp = await startTestApp();
    ({ clerk, officeAdmin } = await createOfficeWithStaff(testApp, AGS, 'Nachheim'));
    const imported = await clerk.post('/api/elections', workedExampleElection(AGS, 'Nachheim'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should make every district’s state row after the import, before any report', async () => {
    await vi.waitFor(async () => expect(await states()).toEqual(allMissing), { timeout: 5000, interval: 20 });
  });

  it('should still take a structural change of the definition while no report is stored (R2.5)', async () => {
    const linked = await clerk.put(url('/districts/0102'), district('0102', '0191'));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const stored = (await clerk.get(url('/definition'))).body.districts.find((d: { number: string }) => d.number === '0102');
    expect(stored.postalDistrict).toBe('0191');
  });

  it('should make a missing state row again when the definition changes', async () => {
    await testApp.dataSource.query(
      `DELETE FROM election_night_districts WHERE district_id = (SELECT id FROM districts WHERE election_id = $1 AND number = '0102')`,
      [electionId],
    );
    expect((await states()).map((row) => row.number)).toEqual(['0101', '0191']);
    expect((await clerk.put(url('/districts/0102'), district('0102'))).status).toBe(200);
    await vi.waitFor(async () => expect(await states()).toEqual(allMissing), { timeout: 5000, interval: 20 });
  });

  it('should store the first report without making the rows again, and lock the definition from then on', async () => {
    // A rehearsal (docs/REHEARSAL.md), so that the last test can reset it.
    expect((await officeAdmin.put(url('/results-phase'), { phase: 'rehearsal' })).status).toBe(200);
    const made = vi.spyOn(ReportsRepository.prototype, 'createDistrictStates');
    try {
      const [row] = await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '0101'`, [electionId]);
      const entered = await clerk.post(url(`/districts/${row.id}/reports`), { ...POLLING_0101, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
    expect((await states())[0]).toEqual({ number: '0101', state: 'entered', current_version: 1 });

    const before = (await clerk.get(url('/definition'))).body;
    const moved = await clerk.put(url('/districts/0101'), district('0101'));
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: 'ELECTION_DEFINITION_LOCKED',
      detail: 'Die Änderung würde die erfassten Ergebnisse ungültig machen; es wurde nichts gespeichert.',
    });
    expect((await clerk.get(url('/definition'))).body).toEqual(before);
  });

  it('should take the change again once a rehearsal’s reset has removed its reports', async () => {
    expect((await officeAdmin.post(url('/results-phase/reset'))).status).toBe(200);
    expect(await states()).toEqual(allMissing);
    const moved = await clerk.put(url('/districts/0101'), district('0101'));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });
});
