import type { DefinitionImportRequest, ElectionCounts, ImportContest } from '@wahl/contracts';
import type { ElectionKind } from '@wahl/domain';

// The import panel of the election editor (issue #12) as a pure view model: which contest a
// candidates file fills by default, the request, and the counts the preview compares.

export type ImportKind = DefinitionImportRequest['kind'];
export const IMPORT_KINDS: readonly ImportKind[] = ['districts', 'candidates', 'streets'];

/** The ballot a candidates file usually belongs to, per kind of election (R0.2); the office may change it. */
export function defaultContest(kind: ElectionKind): ImportContest {
  switch (kind) {
    case 'gemeinderat-bw':
      return { key: 'gemeinderat', name: 'Gemeinderat', ballotType: 'council' };
    case 'kreistag-bw':
      return { key: 'kreistag', name: 'Kreistag', ballotType: 'council' };
    case 'europawahl':
      return { key: 'europawahl', name: 'Europawahl', ballotType: 'list' };
    case 'buergermeister-bw':
      return { key: 'buergermeister', name: 'Bürgermeisterwahl', ballotType: 'candidate' };
    default:
      // Bundestag and Landtag: the candidates file holds the constituency candidates (Erststimme).
      return { key: 'erststimme', name: 'Erststimme', ballotType: 'candidate' };
  }
}

export function importRequest(kind: ImportKind, fileName: string, csv: string, contest: ImportContest): DefinitionImportRequest {
  return { kind, fileName, csv, ...(kind === 'candidates' ? { contest } : {}) };
}

/** Seats as typed: a whole number, else absent (the API names the field). */
export function seatsOf(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

export const COUNT_KEYS = [
  'areas',
  'pollingStations',
  'pollingDistricts',
  'postalDistricts',
  'contests',
  'lists',
  'candidates',
  'streets',
  'streetSegments',
] as const satisfies readonly (keyof ElectionCounts)[];

/** The rows of the before/after table: only what the import changes. */
export function changedCounts(
  before: ElectionCounts,
  after: ElectionCounts,
): { key: (typeof COUNT_KEYS)[number]; before: number; after: number }[] {
  return COUNT_KEYS.filter((key) => before[key] !== after[key]).map((key) => ({ key, before: before[key], after: after[key] }));
}
