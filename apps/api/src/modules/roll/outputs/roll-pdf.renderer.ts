import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import type { RollEntryRow } from '../shared/roll.repository';
import { germanDay, printedRemarks, votingMark, type DistrictRollDocument } from './roll-document';

// The printed roll of one polling district (R1.11, R1.13): number, name, date of birth, address, a
// column for the voting mark ("W" already printed where a Wahlschein was issued, R1.15) and one for
// remarks. A4 landscape, DejaVu Sans embedded: the register holds names like Łucja, Şahin or
// Kovačević, which the 14 standard PDF fonts (WinAnsi) cannot show.

/** Fonts are shipped with the repository, found relative to the working directory like the web apps. */
export const ROLL_FONT_FILES = { regular: 'templates/fonts/DejaVuSans.ttf', bold: 'templates/fonts/DejaVuSans-Bold.ttf' } as const;

let fontCache: { regular: Buffer; bold: Buffer } | null = null;
function fonts(): { regular: Buffer; bold: Buffer } {
  fontCache ??= { regular: readFileSync(resolve(ROLL_FONT_FILES.regular)), bold: readFileSync(resolve(ROLL_FONT_FILES.bold)) };
  return fontCache;
}

/** Registers DejaVu Sans as `Roll` and `Roll-Bold` (also for the closing certificate). */
export function registerRollFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fonts();
  doc.registerFont('Roll', regular);
  doc.registerFont('Roll-Bold', bold);
}

const MARGIN = 34;
const ROW_PADDING = 3;
const FONT_SIZE = 8.5;
const HEADER_SIZE = 8;

type Column = {
  readonly title: string;
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
  readonly text: (entry: RollEntryRow) => string;
};

const COLUMNS: readonly Column[] = [
  { title: 'Nr.', width: 40, align: 'right', text: (e) => String(e.voter_number) },
  { title: 'Familienname, Vornamen', width: 185, text: (e) => `${e.family_name}, ${e.given_names}` },
  { title: 'Geburtsdatum', width: 70, text: (e) => germanDay(e.birth_date) },
  { title: 'Anschrift', width: 205, text: (e) => `${e.street} ${e.house_number}, ${e.postal_code} ${e.city}` },
  { title: 'Stimmabgabe-\nvermerk', width: 70, align: 'center', text: votingMark },
  { title: 'Bemerkungen', width: 204, text: printedRemarks },
];

const dateTime = (date: Date): string =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);

/** Renders the district's roll; the stream ends with the PDF (pages are numbered "Seite x von y"). */
export function renderDistrictRollPdf(document: DistrictRollDocument): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Wählerverzeichnis ${document.electionName} – Wahlbezirk ${document.districtNumber}`,
      Author: document.municipalityName,
      Subject: `Wählerverzeichnis, Wahlbezirk ${document.districtNumber} ${document.districtName}`,
      CreationDate: document.builtAt,
    },
  });
  registerRollFonts(doc);

  const left = MARGIN;
  const right = doc.page.width - MARGIN;
  const bottom = doc.page.height - MARGIN - 14;
  let y = 0;

  const pageHeader = (): void => {
    doc.font('Roll-Bold').fontSize(12).fillColor('#000000');
    doc.text(`Wählerverzeichnis – ${document.electionName}`, left, MARGIN, { width: right - left });
    doc.font('Roll').fontSize(9);
    doc.text(
      `${document.municipalityName} · Wahlbezirk ${document.districtNumber} ${document.districtName} · Stichtag ${germanDay(document.cutoffDay)} · Stand ${dateTime(document.builtAt)}`,
      left,
      MARGIN + 16,
      { width: right - left },
    );
    y = MARGIN + 34;
    doc.font('Roll-Bold').fontSize(HEADER_SIZE);
    let x = left;
    const headerHeight =
      Math.max(...COLUMNS.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * ROW_PADDING }))) + 2 * ROW_PADDING;
    for (const column of COLUMNS) {
      doc.text(column.title, x + ROW_PADDING, y + ROW_PADDING, { width: column.width - 2 * ROW_PADDING, align: column.align ?? 'left' });
      x += column.width;
    }
    y += headerHeight;
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.8).stroke('#000000');
  };

  pageHeader();
  doc.font('Roll').fontSize(FONT_SIZE);
  for (const entry of document.entries) {
    const texts = COLUMNS.map((c) => c.text(entry));
    const height =
      Math.max(...COLUMNS.map((c, i) => doc.heightOfString(texts[i] || ' ', { width: c.width - 2 * ROW_PADDING }))) + 2 * ROW_PADDING;
    if (y + height > bottom) {
      doc.addPage();
      pageHeader();
      doc.font('Roll').fontSize(FONT_SIZE);
    }
    const removed = entry.status === 'removed';
    let x = left;
    COLUMNS.forEach((column, i) => {
      const isMark = column.text === votingMark;
      doc
        .font(isMark ? 'Roll-Bold' : 'Roll')
        .fontSize(isMark ? FONT_SIZE + 2 : FONT_SIZE)
        .fillColor(removed && !isMark ? '#666666' : '#000000');
      doc.text(texts[i]!, x + ROW_PADDING, y + ROW_PADDING, { width: column.width - 2 * ROW_PADDING, align: column.align ?? 'left' });
      x += column.width;
    });
    if (removed) {
      // Struck through, still legible (R1.17, R1.20): name to address.
      const strikeEnd = left + COLUMNS.slice(0, 4).reduce((sum, c) => sum + c.width, 0);
      doc
        .moveTo(left + ROW_PADDING, y + ROW_PADDING + FONT_SIZE * 0.6)
        .lineTo(strikeEnd, y + ROW_PADDING + FONT_SIZE * 0.6)
        .lineWidth(0.6)
        .stroke('#444444');
    }
    y += height;
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.3).stroke('#999999');
  }
  doc.font('Roll').fontSize(FONT_SIZE).fillColor('#000000');
  const active = document.entries.filter((e) => e.status === 'active');
  const withMark = active.filter((e) => e.postal_vote_certificate).length;
  const summary = `Eingetragen: ${active.length} (davon mit Wahlschein „W“: ${withMark}), gestrichen: ${document.entries.length - active.length}.`;
  if (y + 24 > bottom) {
    doc.addPage();
    pageHeader();
  }
  doc
    .font('Roll')
    .fontSize(FONT_SIZE)
    .text(summary, left, y + 10, { width: right - left });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('Roll').fontSize(8).fillColor('#000000');
    doc.text(`Seite ${i + 1} von ${range.count}`, left, doc.page.height - MARGIN - 8, {
      width: right - left,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return doc;
}
