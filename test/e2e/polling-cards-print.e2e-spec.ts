import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressLines, parseInserterCode, type CardRecord, type PollingStation } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardRecordsFrom } from '../../apps/api/src/modules/polling-cards/card-record-source';
import type { CardJob } from '../../apps/api/src/modules/polling-cards/rendering/card-document';
import { loadCardTemplate } from '../../apps/api/src/modules/polling-cards/rendering/card-template.loader';
import { runPrintJob, type PrintJobResult } from '../../apps/api/src/modules/polling-cards/rendering/print-job';
import { compareGray, readPgm, readPng, writeGrayPng } from '../support/gray-image';
import { hasTools, pdfInfo, pdfTextLayout, readDataMatrix, readQrCodes, renderPageGray, type PdfTextPage } from '../support/poppler';

// The print engine end to end on a small roll: sorted pieces in lots of 5 rendered by two worker
// threads, then every PDF read back with poppler (text with positions, page counts, rasters), the
// codes decoded with zbarimg and dmtxread, and the first page compared with a reference image.

const TOOLS = hasTools('pdfinfo', 'pdftotext', 'pdftoppm', 'zbarimg', 'dmtxread');
if (!TOOLS) console.warn('polling-cards-print: poppler-utils, zbar-tools or dmtx-utils missing – PDF read-back tests skipped');

const REFERENCE = join(__dirname, '../fixtures/polling-cards/a4-front-50dpi.png');
const PT_PER_MM = 72 / 25.4;
const TOLERANCE_MM = 0.5;

const rathaus: PollingStation = {
  id: 'rathaus',
  name: 'Rathaus, Bürgersaal',
  barrierFree: true,
  openingHours: '08:00–18:00',
  address: { street: 'Marktplatz', houseNumber: '1', postalCode: '71990', city: 'Wahlingen' },
};
const schule: PollingStation = {
  id: 'grundschule-altstadt',
  name: 'Grundschule Altstadt',
  barrierFree: false,
  barrierFreeNote: 'Wahlraum im 1. Obergeschoss, kein Aufzug.',
  openingHours: '08:00–18:00',
  address: { street: 'Kirchgasse', houseNumber: '8', postalCode: '71990', city: 'Wahlingen' },
};

let token = 0;
const voter = (
  familyName: string,
  givenNames: string,
  street: string,
  houseNumber: string,
  postalCode: string,
  district: '0101' | '0102',
  voterNumber: number,
  extra: Partial<CardRecord> = {},
): CardRecord => ({
  voterNumber,
  familyName,
  givenNames,
  nameLines: [`${givenNames} ${familyName}`],
  street,
  houseNumber,
  postalCode,
  town: postalCode === '72070' ? 'Tübingen' : 'Wahlingen',
  district: { number: district, name: district === '0101' ? 'Altstadt 1' : 'Altstadt 2' },
  pollingStation: district === '0101' ? rathaus : schule,
  applicationUrl: `https://wahlingen.example/b/T${String(++token).padStart(21, '0')}`,
  ...extra,
});

// 12 voters, given out of mailing order; two Leitregionen (71, 72), umlauts, ß, a long name, a
// replacement card, a supplement line.
const ROLL: readonly CardRecord[] = [
  voter('Weiß', 'Jürgen', 'Schloßstraße', '12a', '71990', '0102', 7),
  voter('Özdemir', 'Ayşe', 'Ackerweg', '3', '71994', '0101', 2),
  voter('Müller', 'Hans-Peter', 'Schloßstraße', '2', '71990', '0102', 3, { nameLines: ['Herrn', 'Dr. Hans-Peter Müller'] }),
  voter('Schäfer', 'Lena', 'Ackerweg', '3', '71994', '0101', 1, { replacement: true }),
  voter('Bäuerle', 'Gottlieb', 'Hauptstraße', '100', '72070', '0101', 9, { addressSupplement: 'c/o Pflegeheim Sonnenhalde' }),
  voter('Nguyen', 'Thi Minh', 'Schloßstraße', '12', '71990', '0102', 4),
  voter('von Hohenberg-Lindenfels', 'Maximiliane Friederike Charlotte', 'Obere Gasse', '1', '71990', '0102', 5),
  voter('Kowalczyk', 'Łukasz', 'Ölmühle', '5', '71990', '0101', 6),
  voter('Groß', 'Ursula', 'Ackerweg', '10', '71994', '0101', 3),
  voter('Yılmaz', 'Mehmet', 'Hauptstraße', '7', '72070', '0101', 8),
  voter('Fischer', 'Anna', 'Am Bach', '1', '71990', '0102', 1),
  voter('Fischer', 'Karl', 'Am Bach', '1', '71990', '0102', 2),
];

// Mailing order worked out by hand (R3.10): postal code, street (DIN 5007), house number, district, number.
const EXPECTED_ORDER = [
  'Fischer/Anna', // 71990 Am Bach 1, 0102/1
  'Fischer/Karl', // 71990 Am Bach 1, 0102/2
  'von Hohenberg-Lindenfels/Maximiliane Friederike Charlotte', // 71990 Obere Gasse
  'Kowalczyk/Łukasz', // 71990 Ölmühle (Ö = O, "olm" after "obe")
  'Müller/Hans-Peter', // 71990 Schloßstraße 2
  'Nguyen/Thi Minh', // 71990 Schloßstraße 12
  'Weiß/Jürgen', // 71990 Schloßstraße 12a
  'Schäfer/Lena', // 71994 Ackerweg 3, 0101/1
  'Özdemir/Ayşe', // 71994 Ackerweg 3, 0101/2
  'Groß/Ursula', // 71994 Ackerweg 10
  'Yılmaz/Mehmet', // 72070 Hauptstraße 7
  'Bäuerle/Gottlieb', // 72070 Hauptstraße 100
];

const job: CardJob = {
  jobNumber: 815,
  election: {
    kind: 'bundestag',
    name: 'Wahl zum 22. Deutschen Bundestag',
    electionDay: '2025-02-23',
    postalApplicationDeadline: '2025-02-21',
  },
  createdAt: new Date(Date.UTC(2025, 0, 10, 9, 0, 0)),
};

const templatesDir = join(__dirname, '../../templates');
const inRange = (value: number, lowMm: number, highMm: number): boolean =>
  value >= (lowMm - TOLERANCE_MM) * PT_PER_MM && value <= (highMm + TOLERANCE_MM) * PT_PER_MM;

describe.skipIf(!TOOLS)('print job (R3.6, R3.10, R3.14, R3.15)', () => {
  let outDir: string;
  let run: PrintJobResult;
  const pages = new Map<string, PdfTextPage[]>();
  const ordered = EXPECTED_ORDER.map((key) => ROLL.find((record) => `${record.familyName}/${record.givenNames}` === key)!);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'wahl-cards-'));
    const template = loadCardTemplate({ templatesDir, electionKind: 'bundestag', layout: 'a4' });
    run = await runPrintJob(cardRecordsFrom(ROLL), { template, job, outDir, lotSize: 5, threads: 2 });
    for (const lot of run.manifest.lots) pages.set(lot.fileName, pdfTextLayout(join(outDir, lot.fileName)));
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('should cut 12 pieces into lots of 5, 5 and 2 whose files, hashes and counts match the manifest', () => {
    const { manifest } = run;
    expect(manifest.lots.map((lot) => [lot.lot, lot.firstPiece, lot.lastPiece, lot.pieces, lot.sheets, lot.pages])).toEqual([
      [1, 1, 5, 5, 5, 10],
      [2, 6, 10, 5, 5, 10],
      [3, 11, 12, 2, 2, 4],
    ]);
    for (const lot of manifest.lots) {
      const file = readFileSync(join(outDir, lot.fileName));
      expect(createHash('sha256').update(file).digest('hex')).toBe(lot.sha256);
      expect(file.length).toBe(lot.bytes);
      expect(Number(pdfInfo(join(outDir, lot.fileName))['Pages'])).toBe(lot.pages);
      expect(existsSync(join(outDir, `${lot.fileName}.partial`))).toBe(false);
    }
    expect(manifest.totals).toMatchObject({ lots: 3, pieces: 12, sheets: 12, pages: 24, leitregionen: { '71': 10, '72': 2 } });
    expect(manifest.totals.postalCodes).toEqual({ '71990': 7, '71994': 3, '72070': 2 });
    expect(manifest.lots[1]).toMatchObject({ leitregionen: { '71': 5 }, postalCodes: { '71990': 2, '71994': 3 } });
    const csv = readFileSync(join(outDir, 'manifest.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toBe(
      `3;${manifest.lots[2]!.fileName};${manifest.lots[2]!.sha256};11;12;2;2;4;${manifest.lots[2]!.bytes};72:2;72070:2;${manifest.lots[2]!.piecesFile}`,
    );
    const json = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it('should write the reconciliation piece list of each lot without names (R3.15)', () => {
    const lines = readFileSync(join(outDir, run.manifest.lots[0]!.piecesFile), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('stueck;plz;leitregion;wahlbezirk;wvz_nr;blaetter;codes');
    // 000815 0000001 1 1 → Luhn 20 → check digit 0.
    expect(lines[1]).toBe('1;71990;71;0102;1;1;0008150000001110');
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).not.toMatch(/Fischer|Am Bach/);
  });

  it('should print every voter exactly once, in mailing order, with the address block inside the window', () => {
    const allPages = run.manifest.lots.flatMap((lot) => pages.get(lot.fileName)!);
    expect(allPages).toHaveLength(24);
    // The words left of the information block and below the upper zone of the field: the address.
    const windowLinesOf = (page: PdfTextPage) =>
      page.lines
        .map((line) => line.words.filter((word) => word.xMax < 110 * PT_PER_MM && word.yMin > 62 * PT_PER_MM && word.yMax < 95 * PT_PER_MM))
        .filter((words) => words.length > 0);
    const windowText = (page: PdfTextPage): string =>
      windowLinesOf(page)
        .flat()
        .map((word) => word.text)
        .join(' ');
    ordered.forEach((record, index) => {
      const front = allPages[index * 2]!;
      const expected = addressLines(record).join(' ');
      expect(windowText(front)).toBe(expected);
      expect(
        allPages.filter((page) => windowText(page) === expected),
        expected,
      ).toHaveLength(1);
      for (const words of windowLinesOf(front)) {
        // R3.6: lower zone of the field, 20–105 mm from the left, 62.7–90 mm from the top, text from 25 mm.
        for (const word of words) {
          expect(inRange(word.xMin, 20, 105) && inRange(word.xMax, 20, 105), `${word.text} x`).toBe(true);
          expect(inRange(word.yMin, 45 + 17.7, 90) && inRange(word.yMax, 45 + 17.7, 90), `${word.text} y`).toBe(true);
        }
        expect(Math.abs(words[0]!.xMin - 25 * PT_PER_MM)).toBeLessThan(TOLERANCE_MM * PT_PER_MM);
      }
      // The return address sits in the upper zone (45–62.7 mm).
      const returnLine = front.lines.find((line) => line.text.startsWith('Stadt Wahlingen · Wahlamt'))!;
      expect(inRange(returnLine.yMin, 45, 62.7) && inRange(returnLine.yMax, 45, 62.7)).toBe(true);
      // The back is the prefilled Wahlschein application of the same voter.
      const back = allPages[index * 2 + 1]!.lines.map((line) => line.text);
      expect(back).toEqual(
        expect.arrayContaining([
          record.familyName,
          record.givenNames,
          `${record.street} ${record.houseNumber}`,
          `${record.postalCode} ${record.town}`,
        ]),
      );
      expect(back).toContain(record.district.number);
      expect(back).toContain(String(record.voterNumber));
    });
  });

  it('should fit the long name at the minimum size on two lines and report it by piece number only', () => {
    const front = pages.get(run.manifest.lots[0]!.fileName)![4]!;
    expect(front.lines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['Maximiliane Friederike Charlotte von', 'Hohenberg-Lindenfels']),
    );
    expect(run.manifest.lots[0]!.warnings).toEqual([
      { piece: 3, code: 'ADDRESS_SHRUNK' },
      { piece: 3, code: 'ADDRESS_WRAPPED' },
    ]);
  });

  it('should print the voter number, district, polling room and the replacement mark', () => {
    const first = pages.get(run.manifest.lots[0]!.fileName)!;
    const texts = (page: PdfTextPage): string[] => page.lines.map((line) => line.text);
    expect(texts(first[0]!)).toEqual(
      expect.arrayContaining(['0102 – Altstadt 2', '1', 'Grundschule Altstadt', 'Wahlraum im 1. Obergeschoss, kein Aufzug.']),
    );
    expect(texts(first[0]!)).not.toContain('ERSATZ');
    const lena = pages.get(run.manifest.lots[1]!.fileName)![(8 - 6) * 2]!;
    expect(texts(lena)).toContain('Lena Schäfer');
    expect(texts(lena)).toContain('ERSATZ');
  });

  it('should decode the QR link and the inserter code of sampled pages (300 dpi)', () => {
    for (const lot of run.manifest.lots) {
      for (const page of [1, lot.pages - 1]) {
        const piece = lot.firstPiece + (page - 1) / 2;
        const record = ordered[piece - 1]!;
        const file = join(outDir, `${lot.lot}-${page}.pgm`);
        writeFileSync(file, renderPageGray(join(outDir, lot.fileName), page, 300));
        expect(readQrCodes(file)).toEqual([record.applicationUrl]);
        // The camera's view: the top-left 30 mm of the sheet.
        const corner = join(outDir, `${lot.lot}-${page}-corner.pgm`);
        writeFileSync(corner, renderPageGray(join(outDir, lot.fileName), page, 300, { x: 0, y: 0, width: 354, height: 354 }));
        const code = readDataMatrix(corner);
        expect(code).not.toBeNull();
        expect(parseInserterCode(code!)).toEqual({ ok: true, value: { jobNumber: 815, piece, sheet: 1, sheets: 1 } });
      }
    }
  });

  it('should render the first page like the committed reference image', () => {
    const actual = readPgm(renderPageGray(join(outDir, run.manifest.lots[0]!.fileName), 1, 50));
    if (!existsSync(REFERENCE)) {
      writeFileSync(REFERENCE, writeGrayPng(actual));
      throw new Error(`reference image written to ${REFERENCE}; check it and run again`);
    }
    const difference = compareGray(actual, readPng(readFileSync(REFERENCE)));
    expect(difference.differingShare).toBeLessThan(0.002);
    expect(difference.meanDifference).toBeLessThan(1.5);
  });

  it('should give byte-identical lots and manifest for the same roll in another order', async () => {
    const again = mkdtempSync(join(tmpdir(), 'wahl-cards-again-'));
    try {
      const template = loadCardTemplate({ templatesDir, electionKind: 'bundestag', layout: 'a4' });
      const second = await runPrintJob(cardRecordsFrom([...ROLL].reverse()), { template, job, outDir: again, lotSize: 5, threads: 1 });
      expect(second.manifest).toEqual(run.manifest);
      for (const lot of run.manifest.lots)
        expect(readFileSync(join(again, lot.fileName)).equals(readFileSync(join(outDir, lot.fileName)))).toBe(true);
      expect(readFileSync(join(again, 'manifest.json'), 'utf8')).toBe(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 120_000);
});
