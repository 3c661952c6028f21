// "Find your district": the public answer to street + house number (R2.4), from the election's street
// directory only. It names districts and polling stations, which are public; never a person.

export type PublicDistrictMatch = {
  /** District number as in the election document, e.g. "0101". */
  readonly number: string;
  readonly name: string;
  /** The district's area id in the public snapshot, when the API knows it. */
  readonly areaId: string | null;
  readonly pollingStation: { readonly name: string; readonly address: string; readonly barrierFree: boolean } | null;
};

export type PublicDistrictLookup =
  /** One district, or several where the same street name exists in several postal codes. */
  | { readonly kind: 'found'; readonly street: string; readonly houseNumber: string; readonly districts: readonly PublicDistrictMatch[] }
  /** No street of that name; `suggestions` are similar street names of the directory. */
  | { readonly kind: 'unknown-street'; readonly suggestions: readonly string[] }
  | { readonly kind: 'invalid-house-number' }
  /** The street exists, but no segment covers the house number. */
  | { readonly kind: 'no-district'; readonly street: string };
