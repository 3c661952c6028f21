import { allocateCouncilSeats, councilListVotes, type CouncilContest } from '@wahl/domain';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Recomputes the Gemeinderatswahl Karlsruhe of 9 June 2024 (48 seats, 15 lists) from the city's own
// per-candidate votes (OpenWahlDaten export, see SOURCE.md in the data folder), kept beside the
// repository in ../shared/data/karlsruhe. The file gives votes per Wahlbezirk: Dn = votes of list n,
// Dn_k = votes of its candidate k, E = valid votes. It marks no elected candidates.
const DATA_DIR = resolve(__dirname, '../../../../../../shared/data/karlsruhe');
const available = existsSync(DATA_DIR);
if (!available) console.warn(`[karlsruhe-gemeinderat-2024] skipped: no data folder at ${DATA_DIR}`);

// Seats as announced by the city on 11 June 2024 (preliminary result; the final one kept the seats).
const OFFICIAL_SEATS: Record<string, number> = {
  GRÜNE: 12,
  CDU: 10,
  SPD: 6,
  FDP: 3,
  AfD: 5,
  'DIE LINKE': 3,
  KAL: 3,
  'Die PARTEI': 1,
  'FW KA e.V.': 1,
  'FÜR Karlsruhe': 1,
  'Team Todenhöfer': 0,
  'Demokratie und Aufklärung Karlsruhe': 0,
  KAG: 0,
  Volt: 3,
  ÖDP: 0,
};

type Table = { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

function readTable(part: string): Table {
  const name = readdirSync(DATA_DIR).find((n) => n.includes('Gemeinderatswahl_2024') && n.includes(`_${part}_`) && n.endsWith('.csv'));
  if (!name) throw new Error(`no Gemeinderatswahl 2024 ${part} file`);
  const [header, ...rows] = readFileSync(join(DATA_DIR, name), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';'));
  return { header: header!, rows };
}

const column = (table: Table, name: string): number => {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return index;
};

/** Sum of a numeric column over all Wahlbezirke. */
const columnSum = (table: Table, name: string): number => {
  const index = column(table, name);
  return table.rows.reduce((sum, row) => sum + Number(row[index]), 0);
};

function loadElection() {
  const ballot = readTable('Stimmzettel');
  const candidates = readTable('Kandidaten');
  const results = readTable('Wahlergebnisse');
  const position = column(ballot, 'stimmzettel-position');
  const shortName = column(ballot, 'partei-kurzname');
  const lists = ballot.rows.map((row) => ({ n: Number(row[position]), name: row[shortName]! })).sort((a, b) => a.n - b.n);

  const party = column(candidates, 'partei-kurzname');
  const listPlace = column(candidates, 'kandidat-listenplatz');
  const candidateName = column(candidates, 'kandidat-name');
  const names = new Map<string, string>();
  const contest: CouncilContest = {
    seats: 48,
    maxVotesPerCandidate: 3,
    lists: lists.map(({ n, name }) => {
      const ofList = candidates.rows.filter((row) => row[party] === name).sort((a, b) => Number(a[listPlace]) - Number(b[listPlace]));
      return {
        id: name,
        candidates: ofList.map((row) => {
          const id = `D${n}_${row[listPlace]}`;
          names.set(id, row[candidateName]!);
          return id;
        }),
      };
    }),
  };
  const candidateVotes = Object.fromEntries([...names.keys()].map((id) => [id, columnSum(results, id)]));
  const fileListVotes = Object.fromEntries(lists.map(({ n, name }) => [name, columnSum(results, `D${n}`)]));
  return { contest, candidateVotes, fileListVotes, validVotes: columnSum(results, 'E'), districts: results.rows.length, names };
}

describe.skipIf(!available)('Gemeinderatswahl Karlsruhe 2024 recomputed', () => {
  const election = available ? loadElection() : undefined!;

  it('should read 15 lists, 568 candidates (at most 48 per list, R5.4) and 258 Wahlbezirke', () => {
    expect(election.contest.lists).toHaveLength(15);
    expect(election.contest.lists.reduce((sum, list) => sum + list.candidates.length, 0)).toBe(568);
    expect(Math.max(...election.contest.lists.map((list) => list.candidates.length))).toBe(48);
    expect(election.districts).toBe(258);
  });

  it('should recompute every list total as the sum of its candidates’ votes equal to the file’s list totals (R5.6)', () => {
    const recomputed = councilListVotes(election.contest, election.candidateVotes);
    expect(recomputed).toEqual(election.fileListVotes);
    expect(Object.values(recomputed).reduce((a, b) => a + b, 0)).toBe(election.validVotes);
  });

  it('should give the official seats by Sainte-Laguë over the list totals without any lot (R5.7)', () => {
    const result = allocateCouncilSeats({ contest: election.contest, candidateVotes: election.candidateVotes });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.lotRequired).toBeNull();
    expect(Object.fromEntries(result.value.lists.map((l) => [l.list, l.seats]))).toEqual(OFFICIAL_SEATS);
  });

  it('should elect in each list the candidates with the most votes, 48 in all, with no tie at any list’s last seat (R5.8)', () => {
    const result = allocateCouncilSeats({ contest: election.contest, candidateVotes: election.candidateVotes });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const votes = election.candidateVotes;
    let elected = 0;
    for (const list of result.value.lists) {
      const seats = OFFICIAL_SEATS[list.list]!;
      // Independent of the domain: the seats highest vote counts of the list, from the file.
      const ofList = election.contest.lists.find((l) => l.id === list.list)!.candidates;
      const counts = ofList.map((id) => votes[id]!).sort((a, b) => b - a);
      expect(list.elected.map((id) => votes[id])).toEqual(counts.slice(0, seats));
      expect(list.unfilledSeats).toBe(0);
      if (seats > 0 && seats < counts.length) expect(counts[seats - 1]!).toBeGreaterThan(counts[seats]!);
      expect(new Set([...list.elected, ...list.substitutes]).size).toBe(ofList.length);
      elected += list.elected.length;
    }
    expect(elected).toBe(48);
  });

  it('should seat by votes, not by list place: some elected stand below the list’s seat count', () => {
    const result = allocateCouncilSeats({ contest: election.contest, candidateVotes: election.candidateVotes });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const movedUp = result.value.lists.flatMap((list) => {
      const ofList = election.contest.lists.find((l) => l.id === list.list)!.candidates;
      return list.elected
        .filter((id) => ofList.indexOf(id) >= list.seats)
        .map((id) => `${list.list}: ${election.names.get(id)} (Platz ${ofList.indexOf(id) + 1})`);
    });
    // Cumulation and splitting moved candidates up in Karlsruhe as everywhere; the exact names are data.
    expect(movedUp.length).toBeGreaterThan(0);
  });
});
