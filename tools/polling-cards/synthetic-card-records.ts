// Synthetic polling-card records for benchmarks and tests: voters of the fictional demo town
// Wahlingen (examples/demo-election.json: its streets, districts and polling stations) with names
// from the register generator's pools. Deterministic per seed; no real person behind any record.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSingleHouseNumber, type CardElection, type CardRecord, type ElectionDefinition, type PollingStation } from '@wahl/domain';
import { FOREIGN_NAME_POOLS, GERMAN_FAMILY_NAMES, GERMAN_GIVEN_NAMES, createRng } from '@wahl/register-generator';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function loadDemoElection(): ElectionDefinition {
  return JSON.parse(readFileSync(resolve(__dirname, '../../examples/demo-election.json'), 'utf8')) as ElectionDefinition;
}

export function demoCardElection(definition: ElectionDefinition = loadDemoElection()): CardElection {
  return {
    kind: definition.kind,
    name: 'Wahl zum 22. Deutschen Bundestag',
    electionDay: definition.electionDay,
    postalApplicationDeadline: '2029-02-23',
  };
}

/** `count` voters spread over the demo town's streets; voter numbers run per district in generation order. */
export function syntheticCardRecords(count: number, seed = 'cards', definition: ElectionDefinition = loadDemoElection()): CardRecord[] {
  const rng = createRng(seed);
  const stations = new Map<string, PollingStation>(definition.pollingStations.map((station) => [station.id, station]));
  const districts = new Map(
    definition.districts.flatMap((district) => (district.kind === 'polling' ? [[district.number, district] as const] : [])),
  );
  const nextNumber = new Map<string, number>();
  const foreignPools = Object.values(FOREIGN_NAME_POOLS);
  const records: CardRecord[] = [];
  while (records.length < count) {
    const street = rng.pick(definition.streets);
    const segment = rng.pick(street.segments);
    const from = parseSingleHouseNumber(segment.from)?.number ?? 1;
    const to = Math.max(from, parseSingleHouseNumber(segment.to)?.number ?? from);
    let house = rng.int(from, to);
    if (segment.parity === 'odd' && house % 2 === 0) house = house < to ? house + 1 : house - 1;
    if (segment.parity === 'even' && house % 2 === 1) house = house < to ? house + 1 : house - 1;
    if (house < from) continue;
    const district = districts.get(segment.district);
    if (!district || district.kind !== 'polling') continue;
    const station = stations.get(district.pollingStationId);
    if (!station) continue;
    const sex = rng.chance(0.5) ? 'w' : 'm';
    const foreign = rng.chance(0.08) ? rng.pick(foreignPools) : null;
    const familyName = foreign ? rng.pick(foreign.familyNames) : rng.pick(GERMAN_FAMILY_NAMES);
    const cohort = rng.pick(['born-before-1960', 'born-1960-1989', 'born-1990-or-later'] as const);
    const givenNames = foreign ? rng.pick(foreign.givenNames[sex]) : rng.pick(GERMAN_GIVEN_NAMES[cohort][sex]);
    const suffix = rng.chance(0.06) ? rng.pick(['a', 'b', 'c']) : '';
    let token = '';
    for (let i = 0; i < 22; i++) token += BASE64URL[Math.floor(rng.next() * 64)];
    const voterNumber = (nextNumber.get(district.number) ?? 0) + 1;
    nextNumber.set(district.number, voterNumber);
    records.push({
      voterNumber,
      familyName,
      givenNames,
      nameLines: [`${givenNames} ${familyName}`],
      street: street.name,
      houseNumber: `${house}${suffix}`,
      postalCode: street.postalCode,
      town: 'Wahlingen',
      district: { number: district.number, name: district.name },
      pollingStation: station,
      applicationUrl: `https://wahlingen.example/b/${token}`,
    });
  }
  return records;
}
