import type { PostalRepeatNotice } from '../api/office-api.types';

type Voter = NonNullable<PostalRepeatNotice['voter']>;

/**
 * The recipient block of the letter from the roll's entry: the name as it is written on an envelope
 * (given names first; the roll lists "Family, Given") and the registered address, one part a line.
 */
export function recipientLines(voter: Pick<Voter, 'name' | 'address'>): string[] {
  const [family, given] = voter.name.split(', ', 2);
  const name = given ? `${given} ${family}` : voter.name;
  return [name, ...voter.address.split(', ')];
}
