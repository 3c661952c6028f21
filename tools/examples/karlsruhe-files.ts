import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OwdFiles } from './karlsruhe-example';

/** The City of Karlsruhe's open data, kept beside the repository (not part of it). */
export const KARLSRUHE_DATA_DIR = resolve(__dirname, '../../../shared/data/karlsruhe');

/** The Bundestagswahl 2025 files of the OWD set in `dir`, found by the part their names share. */
export function readKarlsruheFiles(dir: string = KARLSRUHE_DATA_DIR): OwdFiles {
  const names = readdirSync(dir);
  const read = (part: string): string => {
    const name = names.find((n) => n.includes('Bundestagswahl_2025') && n.includes(`_${part}_`) && n.endsWith('.csv'));
    if (!name) throw new Error(`no Bundestagswahl 2025 ${part} file in ${dir}`);
    return readFileSync(join(dir, name), 'utf8');
  };
  return { parameters: read('Wahlparameter'), areas: read('Wahlgebietseinteilungen'), ballot: read('Stimmzettel'), candidates: read('Kandidaten') };
}
