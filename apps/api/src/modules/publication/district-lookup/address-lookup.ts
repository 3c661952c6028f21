import {
  createStreetIndex,
  findStreetsByName,
  parseHouseNumber,
  suggestStreetNames,
  type PublicDistrictLookup,
  type PublicDistrictMatch,
  type Street,
  type StreetIndex,
} from '@wahl/domain';

// "Find your district" over one election's street directory (R2.4). Pure: the directory and the
// districts are loaded once per election; no voter data is involved at any point.

export type DirectoryDistrict = Omit<PublicDistrictMatch, 'areaId'> & { readonly id: string };

export type StreetDirectory = {
  readonly streets: readonly Street[];
  readonly index: StreetIndex;
  /** By district id (the segments' `district`, and the district's area id in the public snapshot). */
  readonly districts: ReadonlyMap<string, DirectoryDistrict>;
};

/** Indexes the streets once; segments name their district by id. */
export function streetDirectory(streets: readonly Street[], districts: readonly DirectoryDistrict[]): StreetDirectory {
  return { streets, index: createStreetIndex(streets), districts: new Map(districts.map((district) => [district.id, district])) };
}

const byNumber = (a: PublicDistrictMatch, b: PublicDistrictMatch): number => a.number.localeCompare(b.number, 'de', { numeric: true });

export function lookupAddress(directory: StreetDirectory, streetQuery: string, houseNumberQuery: string): PublicDistrictLookup {
  const streets = findStreetsByName(directory.streets, streetQuery);
  if (streets.length === 0) return { kind: 'unknown-street', suggestions: suggestStreetNames(directory.streets, streetQuery) };
  // "12a", "12 A", "12/1"; a range address ("12-14") is looked up by its first number, as the roll does.
  const houseNumber = parseHouseNumber(houseNumberQuery.trim());
  if (!houseNumber) return { kind: 'invalid-house-number' };
  const found = new Map<string, PublicDistrictMatch>();
  for (const street of streets) {
    const lookup = directory.index.find(street.key, houseNumber);
    const ids = lookup.kind === 'match' ? [lookup.district] : lookup.kind === 'ambiguous' ? lookup.districts : [];
    for (const id of ids) {
      const district = directory.districts.get(id);
      if (district)
        found.set(id, { number: district.number, name: district.name, areaId: district.id, pollingStation: district.pollingStation });
    }
  }
  const name = streets[0]!.name;
  if (found.size === 0) return { kind: 'no-district', street: name };
  return { kind: 'found', street: name, houseNumber: houseNumberQuery.trim(), districts: [...found.values()].sort(byNumber) };
}
