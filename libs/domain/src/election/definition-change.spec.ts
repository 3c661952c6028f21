import { describe, expect, it } from 'vitest';
import { sampleBundestagDefinition } from '../../test-support/election-definition.fixture';
import { conflictingChanges, type Dependents } from './definition-change';
import type { ElectionDefinition } from './election-definition.types';

const NOTHING: Dependents = { roll: false, cards: false, results: false };
const ROLL: Dependents = { ...NOTHING, roll: true };
const CARDS: Dependents = { ...NOTHING, roll: true, cards: true };
const RESULTS: Dependents = { ...NOTHING, results: true };

const before = sampleBundestagDefinition();
const paths = (after: ElectionDefinition, dependents: Dependents) => conflictingChanges(before, after, dependents).map((c) => c.path);

describe('what may change once roll, cards or results rest on the definition', () => {
  it('should allow everything while nothing rests on it', () => {
    const after = { ...before, districts: before.districts.slice(1), streets: [] };
    expect(conflictingChanges(before, after, NOTHING)).toEqual([]);
  });

  it('should allow a station’s hours after the roll is built but refuse them once cards are printed (BWO § 19(1) Nr. 3)', () => {
    const [w1, ...rest] = before.pollingStations;
    const after = { ...before, pollingStations: [{ ...w1!, openingHours: '08:00–19:00' }, ...rest] };
    expect(paths(after, ROLL)).toEqual([]);
    expect(conflictingChanges(before, after, CARDS)).toEqual([
      {
        dependent: 'cards',
        path: '$.pollingStations[0]',
        message:
          'Wahlraum „Grundschule Nord“: auf den gedruckten Wahlbenachrichtigungen stehen Wahlraum, Barrierefreiheit und Wahlzeit (BWO § 19(1) Nr. 2 und 3, KomWO § 4(1)).',
      },
    ]);
  });

  it('should allow a new station and a changed station no district votes in, even with printed cards', () => {
    const unused = { ...before.pollingStations[0]!, id: 'W9', name: 'Turnhalle' };
    const withUnused = { ...before, pollingStations: [...before.pollingStations, unused] };
    const after = { ...withUnused, pollingStations: [...before.pollingStations, { ...unused, barrierFree: false }] };
    expect(conflictingChanges(before, withUnused, CARDS)).toEqual([]);
    expect(conflictingChanges(withUnused, after, CARDS)).toEqual([]);
  });

  it('should refuse moving a district to another station once cards are printed', () => {
    const districts = before.districts.map((d) => (d.number === '003' && d.kind === 'polling' ? { ...d, pollingStationId: 'W1' } : d));
    expect(paths({ ...before, districts }, ROLL)).toEqual([]);
    expect(paths({ ...before, districts }, CARDS)).toEqual(['$.districts[2].pollingStationId']);
  });

  it('should refuse a new or removed district with a roll (R1.12) or results, at the district', () => {
    const added = {
      ...before,
      districts: [...before.districts, { number: '004', name: 'Ost', kind: 'polling' as const, pollingStationId: 'W1' }],
    };
    expect(conflictingChanges(before, added, ROLL)).toEqual([
      {
        dependent: 'roll',
        path: '$.districts[4]',
        message: 'Wahlbezirk 004 würde neu angelegt: das Wählerverzeichnis wird je Wahlbezirk geführt und nummeriert (BWO § 14, R1.12).',
      },
    ]);
    expect(paths(added, RESULTS)).toEqual(['$.districts[4]']);
    const removed = { ...before, districts: before.districts.filter((d) => d.number !== '003') };
    expect(paths(removed, ROLL)).toEqual(['$.districts[2]']);
  });

  it('should refuse a changed house-number range with a roll (R2.4) but allow a street’s spelling', () => {
    const [first, ...rest] = before.streets;
    const renamed = { ...before, streets: [{ ...first!, name: 'Hauptstraße (neu)' }, ...rest] };
    expect(paths(renamed, CARDS)).toEqual([]);
    const moved = { ...before, streets: [{ ...first!, segments: first!.segments.map((g) => ({ ...g, to: '99' })) }, ...rest] };
    expect(paths(moved, ROLL)).toEqual(['$.streets[0]']);
    expect(paths(moved, RESULTS)).toEqual([]);
  });

  it('should allow colours, names and candidate spelling with results, but not ballot positions, places or seats', () => {
    const [erst, zweit] = before.contests;
    const [cdu, spd] = zweit!.lists;
    const cosmetic = {
      ...before,
      contests: [
        {
          ...erst!,
          name: 'Erststimme (Wahlkreis)',
          lists: erst!.lists.map((l) => ({ ...l, candidates: l.candidates.map((c) => ({ ...c, givenNames: `${c.givenNames} M.` })) })),
        },
        { ...zweit!, lists: [{ ...cdu!, color: '#111111', name: 'Christlich Demokratische Union' }, spd!] },
      ],
    };
    expect(paths(cosmetic, { roll: true, cards: true, results: true })).toEqual([]);
    const swapped = {
      ...before,
      contests: [
        erst!,
        {
          ...zweit!,
          lists: [
            { ...cdu!, ballotPosition: spd!.ballotPosition },
            { ...spd!, ballotPosition: cdu!.ballotPosition },
          ],
        },
      ],
    };
    expect(paths(swapped, RESULTS)).toEqual(['$.contests[1].lists[0].ballotPosition', '$.contests[1].lists[1].ballotPosition']);
    expect(paths(swapped, CARDS)).toEqual([]);
    const dropped = { ...before, contests: [{ ...erst!, lists: erst!.lists.map((l) => ({ ...l, candidates: [] })) }, zweit!] };
    expect(paths(dropped, RESULTS)).toEqual(['$.contests[0].lists[0].candidates', '$.contests[0].lists[1].candidates']);
  });

  it('should allow areas and a district’s area, inhabitants and postal link with a roll and printed cards', () => {
    const districts = before.districts.map((d) =>
      d.kind === 'polling' ? { ...d, area: 'nord', inhabitants: 2000, postalDistrict: '901' } : d,
    );
    const after = { ...before, areas: [{ key: 'nord', name: 'Nordstadt', kind: 'stadtteil' as const }], districts };
    expect(paths(after, CARDS)).toEqual([]);
    expect(paths(after, RESULTS)).toEqual(['$.districts[2].postalDistrict']);
  });
});
