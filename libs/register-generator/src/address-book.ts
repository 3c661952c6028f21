import type { ElectionDefinition, StreetSegment } from '@wahl/domain';

// Every plain house number the street directory assigns to a district, weighted so that residents
// spread over the districts like the document's `inhabitants` (R2.1). Addresses come only from the
// directory's segments, so each resolves to exactly one polling district (R2.4).

export type Address = {
  readonly streetKey: string;
  readonly streetName: string;
  readonly postalCode: string;
  readonly houseNumber: number;
  readonly district: string;
  /** Strictly inside its segment's numeric bounds, so `12a` or `12b` resolve to the same district. */
  readonly suffixable: boolean;
};

export type AddressBook = {
  readonly addresses: readonly Address[];
  readonly weights: readonly number[];
  /** Per street: the first number beyond every segment (an address no district contains). */
  readonly beyondEnd: readonly {
    readonly streetKey: string;
    readonly streetName: string;
    readonly postalCode: string;
    readonly firstFree: number;
  }[];
};

type Bound = { readonly number: number; readonly suffix: string };

function parseBound(text: string): Bound {
  const match = /^\s*(\d+)\s*(.*?)\s*$/.exec(text);
  if (!match) throw new Error(`unsupported house-number bound "${text}"`);
  return { number: Number(match[1]), suffix: match[2] ?? '' };
}

/**
 * The plain numbers of a segment. A lower bound with a suffix (`12b`) excludes the plain 12; an upper
 * bound (`12` or `12a`) includes it — the reading of R2.4 the domain's street index uses.
 */
export function plainNumbersOf(segment: Pick<StreetSegment, 'from' | 'to' | 'parity'>): number[] {
  const from = parseBound(segment.from);
  const to = parseBound(segment.to);
  const numbers: number[] = [];
  for (let n = from.suffix ? from.number + 1 : from.number; n <= to.number; n++) {
    if (segment.parity === 'all' || (segment.parity === 'odd') === (n % 2 === 1)) numbers.push(n);
  }
  return numbers;
}

export function buildAddressBook(definition: ElectionDefinition): AddressBook {
  const inhabitants = new Map<string, number>();
  for (const district of definition.districts) {
    if (district.kind === 'polling') inhabitants.set(district.number, district.inhabitants ?? 0);
  }
  const addresses: Address[] = [];
  const beyondEnd: AddressBook['beyondEnd'][number][] = [];
  for (const street of definition.streets) {
    let highest = 0;
    for (const segment of street.segments) {
      const from = parseBound(segment.from).number;
      const to = parseBound(segment.to).number;
      highest = Math.max(highest, to);
      for (const n of plainNumbersOf(segment)) {
        addresses.push({
          streetKey: street.key,
          streetName: street.name,
          postalCode: street.postalCode,
          houseNumber: n,
          district: segment.district,
          suffixable: n > from && n < to,
        });
      }
    }
    beyondEnd.push({ streetKey: street.key, streetName: street.name, postalCode: street.postalCode, firstFree: highest + 1 });
  }
  if (addresses.length === 0) throw new Error('the election document has no street directory to take addresses from');
  const perDistrict = new Map<string, number>();
  for (const a of addresses) perDistrict.set(a.district, (perDistrict.get(a.district) ?? 0) + 1);
  // Without inhabitant figures every address weighs the same.
  const useInhabitants = [...inhabitants.values()].some((n) => n > 0);
  const weights = addresses.map((a) => (useInhabitants ? (inhabitants.get(a.district) ?? 0) / (perDistrict.get(a.district) as number) : 1));
  return { addresses, weights, beyondEnd };
}
