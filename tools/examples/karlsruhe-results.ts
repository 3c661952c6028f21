import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ElectionDefinition } from '@wahl/domain';
import { parseOwd } from './karlsruhe-example';

// The City of Karlsruhe's election-night results of the Bundestagswahl 2025 (OWD export, one row per
// district, shipped in data/demo/karlsruhe, see its SOURCE.md) as quick reports for the example election
// `examples/karlsruhe-btw2025.json`: Dn/Fn are the votes of ballot row n (a list's ballot position).

export type ResultRow = Readonly<Record<string, string>>;

/** The folder in the repository that holds the results file (the demo's and the live bench's data). */
export const KARLSRUHE_RESULTS_DIR = resolve(__dirname, '../../data/demo/karlsruhe');

export function readKarlsruheResults(dir: string = KARLSRUHE_RESULTS_DIR): ResultRow[] {
  const name = readdirSync(dir).find((file) => file.includes('Bundestagswahl_2025_Wahlergebnisse') && file.endsWith('.csv'));
  if (!name) throw new Error(`no Bundestagswahl 2025 results in ${dir}`);
  return parseOwd(readFileSync(join(dir, name), 'utf8'));
}

/** The report body of one row; the OWD export writes 0 where a postal district has no A (P9: empty). */
export function karlsruheReport(row: ResultRow, document: ElectionDefinition) {
  const district = document.districts.find((candidate) => candidate.number === row['bezirk-nr']);
  if (!district) throw new Error(`district ${row['bezirk-nr']} is not in the election`);
  const postal = district.kind === 'postal';
  const count = (column: string) => Number(row[column] ?? 0);
  const eligible = (column: string) => (postal ? null : count(column));
  const [first, second] = document.contests;
  return {
    A1: eligible('A1'),
    A2: eligible('A2'),
    A3: eligible('A3'),
    A: eligible('A'),
    B: count('B'),
    B1: count('B1'),
    contests: [
      { contestId: first!.id, invalid: count('C'), valid: count('D'), votes: Object.fromEntries(first!.lists.map((list) => [list.id, count(`D${list.ballotPosition}`)])) },
      { contestId: second!.id, invalid: count('E'), valid: count('F'), votes: Object.fromEntries(second!.lists.map((list) => [list.id, count(`F${list.ballotPosition}`)])) },
    ],
  };
}
