import type { PollingStation } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoElection, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The remaining editors of an election's definition (issue #12): polling stations with the districts
// that vote there, areas, contests, lists and the street directory, each checked by the definition's
// rules; once the roll is built or cards are printed, harmless changes are applied row by row and
// changes that would make them wrong are refused with the reason, changing nothing. All audited.

describe('elections: editing the definition part by part', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  const url = (path: string) => `/api/elections/${demo.electionId}${path}`;
  const definition = async () => (await demo.office.clerk.get(url('/definition'))).body;
  const actions = async (): Promise<string[]> =>
    (await demo.office.clerk.get(url('/audit'))).body.entries.map((e: { action: string }) => e.action);
  const station = (): PollingStation => demo.definition.pollingStations.find((s) => s.id === 'rathaus')!;
  const rathausDistricts = ['0101', '0102', '0103', '0104'];

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should edit a polling station and the districts that vote there, and add a new one', async () => {
    const edited = { ...station(), openingHours: '08:00–18:00 Uhr', barrierFree: false, barrierFreeNote: 'Aufzug defekt' };
    const saved = await demo.office.clerk.put(url('/polling-stations/rathaus'), {
      station: edited,
      districts: [...rathausDistricts, '0105'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const added = {
      id: 'bibliothek',
      name: 'Stadtbibliothek',
      address: { street: 'Marktplatz', houseNumber: '3', postalCode: '71994', city: 'Wahlingen' },
      openingHours: '08:00–18:00',
      barrierFree: true,
    };
    const addedSaved = await demo.office.clerk.put(url('/polling-stations/bibliothek'), { station: added, districts: [] });
    expect(addedSaved.status).toBe(200);
    expect(addedSaved.body.counts.pollingStations).toBe(11);
    const after = await definition();
    expect(after.pollingStations.find((s: PollingStation) => s.id === 'rathaus')).toEqual(edited);
    expect(after.pollingStations.at(-1)).toEqual(added);
    expect(after.districts.find((d: { number: string }) => d.number === '0105').pollingStationId).toBe('rathaus');
    // A station is removed once no district votes there; the room of 0101 … 0105 is not.
    const inUse = await demo.office.clerk.delete(url('/polling-stations/rathaus'));
    expect(inUse.status).toBe(422);
    expect(inUse.body.errors[0].message).toBe(
      'Hier wählen noch die Wahlbezirke 0101, 0102, 0103, 0104, 0105; wählen Sie für sie zuerst einen anderen Wahlraum.',
    );
    expect((await demo.office.clerk.delete(url('/polling-stations/bibliothek'))).body.counts.pollingStations).toBe(10);
  });

  it('should refuse leaving a district without a room or a broken postal code, naming it, and change nothing', async () => {
    const before = await definition();
    const orphan = await demo.office.clerk.put(url('/polling-stations/rathaus'), { station: station(), districts: ['0101'] });
    expect(orphan.status).toBe(422);
    expect(orphan.body.errors.map((e: { message: string }) => e.message)).toContain(
      'Wahlbezirk 0102 wählt hier; wählen Sie für ihn zuerst einen anderen Wahlraum, dann fehlt er hier.',
    );
    const badCode = await demo.office.clerk.put(url('/polling-stations/rathaus'), {
      station: { ...station(), address: { ...station().address, postalCode: '7199' } },
      districts: rathausDistricts,
    });
    expect(badCode.status).toBe(422);
    expect(badCode.body.errors).toEqual([
      expect.objectContaining({ path: '$.station.address.postalCode', message: 'Die Postleitzahl hat 5 Ziffern.' }),
    ]);
    expect(await definition()).toEqual(before);
  });

  it('should add areas below each other and put a district into one; a cycle is refused at its field', async () => {
    expect(
      (await demo.office.clerk.put(url('/areas/mitte'), { key: 'mitte', name: 'Stadtbezirk Mitte', kind: 'stadtbezirk' })).status,
    ).toBe(200);
    const altstadt = { key: 'altstadt', name: 'Altstadt', kind: 'stadtteil', parent: 'mitte' };
    expect((await demo.office.clerk.put(url('/areas/altstadt'), altstadt)).status).toBe(200);
    const district = (await definition()).districts[0];
    expect((await demo.office.clerk.put(url('/districts/0101'), { ...district, area: 'altstadt' })).status).toBe(200);
    const cycle = await demo.office.clerk.put(url('/areas/mitte'), {
      key: 'mitte',
      name: 'Stadtbezirk Mitte',
      kind: 'stadtbezirk',
      parent: 'altstadt',
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0].message).toMatch(/liegt über .* in sich selbst \(Kreis\)/);
    expect((await demo.office.clerk.delete(url('/areas/altstadt'))).status).toBe(422);
    const after = await definition();
    expect(after.areas).toEqual([{ key: 'mitte', name: 'Stadtbezirk Mitte', kind: 'stadtbezirk' }, altstadt]);
    expect(after.districts[0].area).toBe('altstadt');
  });

  it('should edit a contest’s own fields by the same rules (R5.1)', async () => {
    const head = { id: 'zweitstimme', name: 'Zweitstimme (Landesliste)', ballotType: 'list', votesPerBallot: 1, maxVotesPerCandidate: 1 };
    expect((await demo.office.clerk.put(url('/contests/zweitstimme'), head)).status).toBe(200);
    const wrong = await demo.office.clerk.put(url('/contests/zweitstimme'), { ...head, votesPerBallot: 3 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { path: '$.contests[1].votesPerBallot', message: 'Ohne Kumulieren hat jeder Stimmzettel genau 1 Stimme.' },
    ]);
    expect((await definition()).contests[1].name).toBe('Zweitstimme (Landesliste)');
  });

  it('should refuse overlapping house-number ranges of a street at the later range (R2.4), then store a fixed street', async () => {
    const street = {
      key: '99990',
      name: 'Neue Straße',
      postalCode: '71994',
      segments: [
        { from: '1', to: '20', parity: 'all', district: '0101' },
        { from: '15', to: '30', parity: 'odd', district: '0102' },
      ],
    };
    const overlap = await demo.office.clerk.put(url('/streets/99990'), street);
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors).toEqual([
      {
        path: '$.streets[200].segments[1]',
        message:
          'Der Hausnummernbereich 15–30 (ungerade) überschneidet sich mit dem Bereich 1–20 (alle) ($.streets[200].segments[0]) in der Straße „Neue Straße“ (R2.4).',
      },
    ]);
    const fixed = { ...street, segments: [street.segments[0], { ...street.segments[1], from: '21' }] };
    expect((await demo.office.clerk.put(url('/streets/99990'), fixed)).status).toBe(200);
    expect((await definition()).streets.at(-1)).toEqual(fixed);
    expect((await demo.office.clerk.delete(url('/streets/99990'))).status).toBe(200);
    expect((await definition()).streets).toHaveLength(200);
  });

  it('should, once the roll is built, apply a station’s hours row by row and refuse a changed house-number range, keeping the roll', async () => {
    expect((await uploadRegister(demo.office.clerk, demo.electionId, registerCsv(demo.definition, 300, 'edits'))).body.status).toBe(
      'succeeded',
    );
    expect((await demo.office.clerk.post(url('/roll/build'))).status).toBe(200);
    const entries = async () =>
      (await testApp.dataSource.query('SELECT count(*)::int AS n FROM roll_entries WHERE election_id = $1', [demo.electionId]))[0].n;
    const voters = await entries();
    expect(voters).toBeGreaterThan(0);

    const hours = { ...station(), openingHours: '07:30–18:00' };
    const saved = await demo.office.clerk.put(url('/polling-stations/rathaus'), {
      station: hours,
      districts: [...rathausDistricts, '0105'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await entries()).toBe(voters);

    const before = await definition();
    const [first] = before.streets;
    const moved = await demo.office.clerk.put(url(`/streets/${first.key}`), { ...first, segments: [{ ...first.segments[0], to: '99' }] });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: 'ELECTION_DEFINITION_LOCKED',
      detail: 'Die Änderung würde das erstellte Wählerverzeichnis ungültig machen; es wurde nichts gespeichert.',
      errors: [
        {
          path: '$.streets[0]',
          message: `Straße „${first.name}“: das Wählerverzeichnis ordnet die Anschriften über das Straßenverzeichnis den Wahlbezirken zu (R2.4).`,
        },
      ],
    });
    expect(await definition()).toEqual(before);
    expect(await entries()).toBe(voters);
  });

  it('should refuse a station’s hours once cards are printed (BWO § 19(1) Nr. 3) but still take a list colour', async () => {
    await testApp.dataSource.query(
      `INSERT INTO polling_card_jobs (election_id, office_id, kind, status, election, layout, template_id, template_fingerprint, out_dir,
         application_url_base, document_date, lot_size, pieces, lots, created_by_username)
       SELECT id, office_id, 'initial', 'succeeded', '{}', 'postcard', 't', 'f', '/nonexistent', 'https://example.invalid', now(), 1, 0, 0, 'test'
       FROM elections WHERE id = $1`,
      [demo.electionId],
    );
    const before = await definition();
    const refused = await demo.office.clerk.put(url('/polling-stations/rathaus'), {
      station: { ...station(), openingHours: '09:00–18:00' },
      districts: [...rathausDistricts, '0105'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Die Änderung würde die gedruckten Wahlbenachrichtigungen ungültig machen; es wurde nichts gespeichert.',
    );
    expect(refused.body.errors[0].path).toBe('$.pollingStations[0]');
    expect(await definition()).toEqual(before);

    const spd = before.contests[1].lists.find((l: { id: string }) => l.id === 'spd');
    expect((await demo.office.clerk.put(url('/contests/zweitstimme/lists/spd'), { ...spd, color: '#e2001a' })).status).toBe(200);
    expect((await definition()).contests[1].lists.find((l: { id: string }) => l.id === 'spd').color).toBe('#e2001a');
    const edits = async () => (await actions()).filter((a) => /^(polling-station|area|district|contest|list|street)\./.test(a));
    await expect
      .poll(edits)
      .toEqual([
        'polling-station.updated',
        'polling-station.updated',
        'polling-station.deleted',
        'area.updated',
        'area.updated',
        'district.updated',
        'contest.updated',
        'street.updated',
        'street.deleted',
        'polling-station.updated',
        'list.updated',
      ]);
  });
});
