import { describe, expect, it } from 'vitest';
import { sampleBundestagDefinition } from '../../test-support/election-definition.fixture';
import {
  pathOfPart,
  withArea,
  withContestHead,
  withList,
  withoutArea,
  withoutPollingStation,
  withoutStreet,
  withPollingStation,
  withStreet,
} from './definition-edit';

const doc = sampleBundestagDefinition();
const w2 = doc.pollingStations[1]!;

describe('editing one part of the definition', () => {
  it('should change a station and move a district into it', () => {
    const edited = withPollingStation(doc, 'W2', { ...w2, openingHours: '08:00–19:00' }, ['001', '002', '003']);
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    expect(edited.value.pollingStations[1]!.openingHours).toBe('08:00–19:00');
    expect(edited.value.districts.map((d) => (d.kind === 'polling' ? d.pollingStationId : null))).toEqual(['W2', 'W2', 'W2', null]);
  });

  it('should name a district that would be left without a room, and a district that is not a polling district', () => {
    expect(withPollingStation(doc, 'W2', w2, ['003', '901'])).toEqual({
      ok: false,
      error: [
        { path: '$.districts', message: 'Einen Urnenwahlbezirk 901 gibt es in dieser Wahl nicht.' },
        {
          path: '$.districts',
          message: 'Wahlbezirk 002 wählt hier; wählen Sie für ihn zuerst einen anderen Wahlraum, dann fehlt er hier.',
        },
      ],
    });
  });

  it('should append a new part and keep the key of a stored one', () => {
    const added = withArea(doc, 'nord', { key: 'nord', name: 'Nordstadt', kind: 'stadtteil' });
    expect(added.ok && added.value.areas).toEqual([{ key: 'nord', name: 'Nordstadt', kind: 'stadtteil' }]);
    expect(withPollingStation(doc, 'W2', { ...w2, id: 'W3' }, ['002', '003'])).toEqual({
      ok: false,
      error: [{ path: '$.key', message: 'Der Wahlraum behält die Kennung „W2“ (neue Kennung: neu anlegen).' }],
    });
    expect(pathOfPart(doc, { kind: 'area', key: 'nord' })).toBe('$.areas[0]');
    expect(pathOfPart(doc, { kind: 'street', key: 'neu' })).toBe(`$.streets[${doc.streets.length}]`);
    expect(pathOfPart(doc, { kind: 'list', contestId: 'zweit', key: 'spd' })).toBe('$.contests[1].lists[1]');
  });

  it('should keep a contest’s lists when its own fields change, and not add a contest', () => {
    const { lists, ...head } = doc.contests[1]!;
    const edited = withContestHead(doc, 'zweit', { ...head, name: 'Zweitstimme (Landesliste)' });
    expect(edited.ok && edited.value.contests[1]).toEqual({ ...head, name: 'Zweitstimme (Landesliste)', lists });
    expect(withContestHead(doc, 'dritt', { ...head, id: 'dritt' }).ok).toBe(false);
  });

  it('should replace a list, add a street and remove it again', () => {
    const spd = doc.contests[1]!.lists[1]!;
    const edited = withList(doc, 'zweit', 'spd', { ...spd, color: '#e2001a' });
    expect(edited.ok && edited.value.contests[1]!.lists[1]!.color).toBe('#e2001a');
    const street = {
      key: '0900',
      name: 'Neue Straße',
      postalCode: '76999',
      segments: [{ from: '1', to: '9', parity: 'all' as const, district: '001' }],
    };
    const withNew = withStreet(doc, '0900', street);
    if (!withNew.ok) throw new Error('street');
    expect(withNew.value.streets.at(-1)).toEqual(street);
    expect(withoutStreet(withNew.value, '0900')).toEqual({ ok: true, value: doc });
  });

  it('should remove a station or an area only when nothing lies in it any more', () => {
    expect(withoutPollingStation(doc, 'W2')).toEqual({
      ok: false,
      error: [
        { path: '$.districts', message: 'Hier wählen noch die Wahlbezirke 002, 003; wählen Sie für sie zuerst einen anderen Wahlraum.' },
      ],
    });
    const moved = withPollingStation(doc, 'W1', doc.pollingStations[0]!, ['001', '002', '003']);
    if (!moved.ok) throw new Error('move');
    const removed = withoutPollingStation(moved.value, 'W2');
    expect(removed.ok && removed.value.pollingStations.map((s) => s.id)).toEqual(['W1']);
    const areas = {
      ...doc,
      areas: [{ key: 'nord', name: 'Nordstadt', kind: 'stadtteil' as const }],
      districts: doc.districts.map((d) => ({ ...d, area: 'nord' })),
    };
    expect(withoutArea(areas, 'nord')).toEqual({
      ok: false,
      error: [
        {
          path: '$',
          message: 'Im Gebiet liegen noch Wahlbezirk 001, Wahlbezirk 002, Wahlbezirk 003, Wahlbezirk 901; ordnen Sie sie zuerst anders zu.',
        },
      ],
    });
    expect(withoutArea({ ...areas, districts: doc.districts }, 'nord')).toEqual({ ok: true, value: { ...doc, areas: [] } });
  });
});
