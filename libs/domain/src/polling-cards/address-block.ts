import type { CardRecord } from './card-record.types';

// R3.6/R3.7 (DIN 5008): the lower zone of the address field holds at most 6 lines, written top-down
// without empty lines: name line(s), an optional supplement, street and house number, and
// `PLZ Ort` as the last line.

export const ADDRESS_MAX_LINES = 6;

/** The address lines of a card, blanks collapsed and empty lines dropped. */
export function addressLines(
  record: Pick<CardRecord, 'nameLines' | 'addressSupplement' | 'street' | 'houseNumber' | 'postalCode' | 'town'>,
): string[] {
  const clean = (line: string): string => line.replace(/\s+/g, ' ').trim();
  return [
    ...record.nameLines,
    record.addressSupplement ?? '',
    `${record.street} ${record.houseNumber}`,
    `${record.postalCode} ${record.town}`,
  ]
    .map(clean)
    .filter((line) => line !== '');
}
