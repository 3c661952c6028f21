import { contestLetters, listLetter, type ParsedOpenData, type PreviousAreaResult, type PreviousElection } from '@wahl/domain';

// A previous election from a votemanager open-data file (per Wahlbezirk), for the comparison on
// the results page. The file has no list names: the office names the list of every ballot row
// (D1/F1 = row 1 …) as on the previous ballot, and each name is matched to this election's lists
// by short name, full name or key, ignoring case, accents, spaces and punctuation. A name without
// a match keeps its own key (a list that no longer runs). Districts are matched by number (also
// without leading zeros); the municipality's figures are the sum of every row of the file, matched
// or not, so a new district layout does not change the town's comparison.

export type TargetElection = {
  readonly districtNumbers: readonly string[];
  readonly contests: readonly {
    readonly key: string;
    readonly lists: readonly { readonly key: string; readonly shortName: string; readonly name: string }[];
  }[];
};

export type PreviousImportRequest = {
  readonly name: string;
  readonly electionDay: string;
  /** The list name of every ballot row, in order; null for a row to ignore. */
  readonly ballotRows: readonly (string | null)[];
  /** Contest key per contest of the file (C/D, E/F …); default: this election's contests in order; null skips one. */
  readonly contests?: readonly (string | null)[];
};

export type ListMapping = {
  readonly ballotRow: number;
  readonly name: string;
  readonly contest: string;
  readonly listKey: string;
  readonly matched: boolean;
};

export type PreviousImportReport = {
  readonly previous: PreviousElection;
  readonly districtsMatched: number;
  readonly unmatchedRows: readonly { readonly number: string; readonly name: string }[];
  readonly lists: readonly ListMapping[];
  /** Votes in ballot rows without a name (left out). */
  readonly unassignedVotes: number;
  readonly municipality: { readonly eligible: number; readonly voters: number };
};

export const normalizeName = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');

const slug = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'liste';

const withoutLeadingZeros = (number: string): string => number.replace(/^0+(?=\d)/, '');

type Accumulator = { eligible: number | null; voters: number; invalid: number; valid: number; votes: Record<string, number> };

export const previousFromOpenData = (
  file: ParsedOpenData,
  request: PreviousImportRequest,
  target: TargetElection,
): PreviousImportReport => {
  const contestKeys = request.contests ?? target.contests.map((contest) => contest.key);
  const used = Array.from({ length: Math.min(file.contestCount, contestKeys.length) }, (_, index) => ({
    index,
    key: contestKeys[index] ?? null,
  })).filter((entry): entry is { index: number; key: string } => entry.key !== null);

  // Ballot row → list key, per contest.
  const lists: ListMapping[] = [];
  const keyOf = new Map<string, string>(); // `${contest}:${row}`
  for (const { key: contestKey } of used) {
    const contest = target.contests.find((candidate) => candidate.key === contestKey);
    const taken = new Set(contest?.lists.map((list) => list.key) ?? []);
    request.ballotRows.forEach((name, position) => {
      if (name === null || name.trim() === '') return;
      const wanted = normalizeName(name);
      const match = contest?.lists.find((list) =>
        [list.shortName, list.name, list.key].some((candidate) => normalizeName(candidate) === wanted),
      );
      let listKey = match?.key ?? slug(name);
      if (!match && taken.has(listKey)) listKey = `${listKey}-vorwahl`;
      keyOf.set(`${contestKey}:${position + 1}`, listKey);
      lists.push({ ballotRow: position + 1, name: name.trim(), contest: contestKey, listKey, matched: match !== undefined });
    });
  }

  const byNumber = new Map<string, string>();
  for (const number of target.districtNumbers) {
    byNumber.set(number, number);
    if (!byNumber.has(withoutLeadingZeros(number))) byNumber.set(withoutLeadingZeros(number), number);
  }

  const results: PreviousAreaResult[] = [];
  const unmatchedRows: { number: string; name: string }[] = [];
  const town = new Map<string, Accumulator>(used.map(({ key }) => [key, { eligible: 0, voters: 0, invalid: 0, valid: 0, votes: {} }]));
  const seen = new Set<string>();
  let districtsMatched = 0;
  let unassignedVotes = 0;
  let townEligible = 0;
  let townVoters = 0;
  for (const row of file.rows) {
    const voters = row.values['B'];
    if (voters === null || voters === undefined) continue; // not reported or withheld
    const eligible = row.values['A'] ?? null;
    townVoters += voters;
    townEligible += eligible ?? 0;
    const found = byNumber.get(row.areaNumber) ?? byNumber.get(withoutLeadingZeros(row.areaNumber));
    // A district appears once; a second row with its number counts for the town only.
    const number = found && !seen.has(found) ? found : undefined;
    if (number) {
      seen.add(number);
      districtsMatched += 1;
    } else unmatchedRows.push({ number: row.areaNumber, name: row.areaName });
    for (const { index, key } of used) {
      const letters = contestLetters(index);
      const votes: Record<string, number> = {};
      for (let ballotRow = 1; ballotRow <= file.ballotRows; ballotRow += 1) {
        const count = row.values[listLetter(index, ballotRow - 1)];
        if (count === null || count === undefined) continue;
        const listKey = keyOf.get(`${key}:${ballotRow}`);
        if (!listKey) {
          unassignedVotes += count;
          continue;
        }
        votes[listKey] = (votes[listKey] ?? 0) + count;
      }
      const invalid = row.values[letters.invalid] ?? 0;
      const valid = row.values[letters.valid] ?? 0;
      const sum = town.get(key)!;
      sum.invalid += invalid;
      sum.valid += valid;
      for (const [listKey, count] of Object.entries(votes)) sum.votes[listKey] = (sum.votes[listKey] ?? 0) + count;
      if (number) results.push({ area: number, contest: key, ...(eligible === null ? {} : { eligible }), voters, invalid, valid, votes });
    }
  }
  for (const [key, sum] of town) {
    results.push({
      area: 'municipality',
      contest: key,
      eligible: townEligible,
      voters: townVoters,
      invalid: sum.invalid,
      valid: sum.valid,
      votes: sum.votes,
    });
  }
  return {
    previous: { name: request.name, electionDay: request.electionDay, results },
    districtsMatched,
    unmatchedRows,
    lists,
    unassignedVotes,
    municipality: { eligible: townEligible, voters: townVoters },
  };
};
