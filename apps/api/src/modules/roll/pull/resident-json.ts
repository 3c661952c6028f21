import { REGISTER_COLUMNS, type RecordError, type RegisterColumnMap } from '@wahl/domain';

// A resident of the pull interface (docs/REGISTER-PULL.md) → the field list the register parser
// reads, so that a pulled record is checked by exactly the rules of a file line.

/** The column map of a pulled record: every column at its place in REGISTER_COLUMNS. */
export const PULL_COLUMNS: RegisterColumnMap = {
  fieldCount: REGISTER_COLUMNS.length,
  index: Object.fromEntries(REGISTER_COLUMNS.map((column, index) => [column, index])) as RegisterColumnMap['index'],
};

const FLAG_COLUMNS = new Set(['auskunftssperre', 'wahlrechtsausschluss']);

/** Values as in the CSV (strings); also null/absent for empty, booleans for flags, numbers, and a list of nationalities. */
export function residentFields(resident: unknown, recordNo: number): string[] | RecordError {
  if (typeof resident !== 'object' || resident === null || Array.isArray(resident)) {
    return { line: recordNo, column: null, value: '', reason: 'Der Datensatz ist kein JSON-Objekt.' };
  }
  const record = resident as Record<string, unknown>;
  const fields: string[] = [];
  for (const column of REGISTER_COLUMNS) {
    const value = record[column];
    if (value === undefined || value === null) fields.push('');
    else if (typeof value === 'string') fields.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) fields.push(String(value));
    else if (typeof value === 'boolean' && FLAG_COLUMNS.has(column)) fields.push(value ? '1' : '0');
    else if (Array.isArray(value) && column === 'staatsangehoerigkeiten' && value.every((v) => typeof v === 'string'))
      fields.push(value.join(','));
    else
      return {
        line: recordNo,
        column,
        value: JSON.stringify(value).slice(0, 80),
        reason: 'Der Wert hat einen unerwarteten Typ (erwartet: Zeichenkette).',
      };
  }
  return fields;
}
