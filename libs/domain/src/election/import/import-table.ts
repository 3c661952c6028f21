import { splitCsvLine } from '../../roll/csv-line';

// The `;`-separated files election offices have (votemanager/OpenWahlDaten V0-3 exports, a street
// directory): a header line naming the columns, then one record per line. Every problem names the
// line (1-based, the header is line 1) and the column, in German, so the office can fix the file.

export type ImportProblem = {
  /** 1-based line of the file; 0 for the file as a whole. */
  readonly line: number;
  /** The column as the file names it, or null for the line or file as a whole. */
  readonly field: string | null;
  readonly message: string;
  /** `error`: nothing is stored while it stands; `warning`: stored, but the office should look. */
  readonly severity: 'error' | 'warning';
};

export type ImportRow = { readonly line: number; readonly get: (column: string) => string };

/** Files beyond this size are refused before they are split (a city's directory is a few MB). */
export const MAX_IMPORT_CHARS = 20_000_000;
const MAX_FIELDS = 200;

export const problem = (line: number, field: string | null, message: string, severity: 'error' | 'warning' = 'error'): ImportProblem => ({
  line,
  field,
  message,
  severity,
});

/** Problems in the order of the file (whole-file notes first), as the preview lists them. */
export const byLine = (problems: readonly ImportProblem[]): ImportProblem[] => [...problems].sort((a, b) => a.line - b.line);

/** Rows keyed by the header's column names (trimmed values); missing required columns are one problem each. */
export function readImportTable(text: string, required: readonly string[]): { rows: ImportRow[]; problems: ImportProblem[] } {
  if (text.length > MAX_IMPORT_CHARS) {
    return { rows: [], problems: [problem(0, null, `Die Datei ist zu groß (höchstens ${MAX_IMPORT_CHARS / 1_000_000} Mio. Zeichen).`)] };
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = splitCsvLine(lines[0] ?? '', MAX_FIELDS);
  if (!header.ok || header.value.every((name) => name.trim() === '')) {
    return { rows: [], problems: [problem(1, null, 'Die erste Zeile muss die Kopfzeile mit den Spaltennamen sein.')] };
  }
  const columns = new Map(header.value.map((name, index) => [name.trim(), index]));
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    return { rows: [], problems: missing.map((name) => problem(1, name, `Die Spalte „${name}“ fehlt in der Kopfzeile.`)) };
  }
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === '') return;
    const split = splitCsvLine(text, MAX_FIELDS);
    if (!split.ok) {
      problems.push(problem(line, header.value[split.error.field - 1]?.trim() ?? null, split.error.reason));
      return;
    }
    const fields = split.value.map((value) => value.trim());
    rows.push({ line, get: (column) => fields[columns.get(column) ?? -1] ?? '' });
  });
  if (rows.length === 0 && problems.length === 0) problems.push(problem(0, null, 'Die Datei enthält keine Datenzeilen.'));
  return { rows, problems };
}

/** Stable key from a name: `GRÜNE` → `gruene`, `Die PARTEI` → `die-partei`, `Hans-Thoma-Schule` → `hans-thoma-schule`. */
export function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
