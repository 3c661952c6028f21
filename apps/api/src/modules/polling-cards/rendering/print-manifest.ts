import { INSERTER_CODE_LENGTH, formatInserterCode, leitregionOf, type CardElection, type PostalCounts, type PrintLot } from '@wahl/domain';
import type { CardWarning } from './card-document';
import type { LotResult } from './lot-renderer';

// The job manifest for the print shop and for reconciliation (R3.10, R3.15): every lot with file
// name, SHA-256, piece range, sheets and the counts per Leitregion and postal code, as JSON and as
// CSV; and per lot a piece list (piece, postal code, Leitregion, district, voter number, sheets,
// inserter codes) against which the inserter's report is checked. No names or addresses: the piece
// number is the link back to the PDF.

export type ManifestLot = PostalCounts & {
  readonly lot: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly firstPiece: number;
  readonly lastPiece: number;
  readonly pieces: number;
  readonly sheets: number;
  readonly pages: number;
  /** The lot's piece list for reconciliation (R3.15). */
  readonly piecesFile: string;
  readonly warnings: readonly CardWarning[];
};

export type PrintManifest = {
  readonly manifestVersion: 1;
  readonly jobNumber: number;
  readonly election: Pick<CardElection, 'kind' | 'name' | 'electionDay'>;
  readonly template: { readonly id: string; readonly fingerprint: string };
  /** The job's fixed document date (ISO 8601), also each PDF's CreationDate. */
  readonly createdAt: string;
  readonly lotSize: number;
  readonly sheetsPerPiece: number;
  readonly inserterCode: { readonly length: number; readonly layout: string; readonly checkDigit: string };
  readonly totals: PostalCounts & {
    readonly lots: number;
    readonly pieces: number;
    readonly sheets: number;
    readonly pages: number;
    readonly bytes: number;
  };
  readonly lots: readonly ManifestLot[];
};

export const INSERTER_CODE_LAYOUT = 'Stellen 1–6 Auftragsnummer, 7–13 Stücknummer, 14 Blatt n, 15 Blätter m, 16 Prüfziffer';

export function piecesFileName(fileName: string): string {
  return fileName.replace(/\.pdf$/, '.stuecke.csv');
}

function mergeCounts(counts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const merged = new Map<string, number>();
  for (const entry of counts) for (const [key, value] of Object.entries(entry)) merged.set(key, (merged.get(key) ?? 0) + value);
  return Object.fromEntries([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildManifest(input: {
  readonly jobNumber: number;
  readonly election: CardElection;
  readonly template: { readonly id: string; readonly fingerprint: string };
  readonly createdAt: Date;
  readonly lotSize: number;
  readonly sheetsPerPiece: number;
  readonly lots: readonly LotResult[];
}): PrintManifest {
  const lots = [...input.lots].sort((a, b) => a.lot - b.lot).map((lot) => ({ ...lot, piecesFile: piecesFileName(lot.fileName) }));
  const sum = (pick: (lot: LotResult) => number): number => lots.reduce((total, lot) => total + pick(lot), 0);
  return {
    manifestVersion: 1,
    jobNumber: input.jobNumber,
    election: { kind: input.election.kind, name: input.election.name, electionDay: input.election.electionDay },
    template: input.template,
    createdAt: input.createdAt.toISOString(),
    lotSize: input.lotSize,
    sheetsPerPiece: input.sheetsPerPiece,
    inserterCode: { length: INSERTER_CODE_LENGTH, layout: INSERTER_CODE_LAYOUT, checkDigit: 'Luhn (Modulo 10) über die Stellen 1–15' },
    totals: {
      lots: lots.length,
      pieces: sum((lot) => lot.pieces),
      sheets: sum((lot) => lot.sheets),
      pages: sum((lot) => lot.pages),
      bytes: sum((lot) => lot.bytes),
      leitregionen: mergeCounts(lots.map((lot) => lot.leitregionen)),
      postalCodes: mergeCounts(lots.map((lot) => lot.postalCodes)),
    },
    lots,
  };
}

const countList = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

/** One line per lot, `;`-separated with German headers (spreadsheet-friendly). */
export function manifestCsv(manifest: PrintManifest): string {
  const header = 'los;datei;sha256;erstes_stueck;letztes_stueck;stuecke;blaetter;seiten;bytes;leitregionen;postleitzahlen;stueckliste';
  const rows = manifest.lots.map((lot) =>
    [
      lot.lot,
      lot.fileName,
      lot.sha256,
      lot.firstPiece,
      lot.lastPiece,
      lot.pieces,
      lot.sheets,
      lot.pages,
      lot.bytes,
      countList(lot.leitregionen),
      countList(lot.postalCodes),
      lot.piecesFile,
    ].join(';'),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** R3.15 piece list of one lot: what the inserter must report, sheet by sheet. */
export function piecesCsv(jobNumber: number, lot: PrintLot, sheetsPerPiece: number): string {
  const lines = ['stueck;plz;leitregion;wahlbezirk;wvz_nr;blaetter;codes'];
  for (const { piece, record } of lot.pieces) {
    const codes = Array.from({ length: sheetsPerPiece }, (_, i) =>
      formatInserterCode({ jobNumber, piece, sheet: i + 1, sheets: sheetsPerPiece }),
    );
    lines.push(
      [
        piece,
        record.postalCode,
        leitregionOf(record.postalCode),
        record.district.number,
        record.voterNumber,
        sheetsPerPiece,
        codes.join(' '),
      ].join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}
