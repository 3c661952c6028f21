import { encodeQr, toRectangles } from '@wahl/barcodes';
import PDFDocument from 'pdfkit';

// The sheet for the station kits: one block per district with the code, the sign-in address and
// the same address as a QR code, three blocks per A4 page with cut lines. Codes exist in clear text
// only in this document.

export type BoardCodeSheetEntry = {
  readonly districtNumber: string;
  readonly districtName: string;
  readonly kind: 'polling' | 'postal';
  readonly station: { readonly name: string; readonly address: string } | null;
  readonly code: string;
  readonly signInUrl: string;
  /** Other districts the same code opens. */
  readonly alsoFor: readonly string[];
};

export type BoardCodeSheet = {
  readonly electionName: string;
  readonly municipalityName: string;
  readonly createdAt: Date;
  readonly entries: readonly BoardCodeSheetEntry[];
};

const MARGIN = 36;
const QR_SIZE = 118;
// QR codes need four light modules around them (ISO/IEC 18004 quiet zone).
const QR_QUIET_MODULES = 4;
const BLOCKS_PER_PAGE = 3;
const dateTime = (date: Date): string =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);

export function renderBoardCodeSheet(sheet: BoardCodeSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Zugangscodes Schnellmeldung – ${sheet.electionName}`,
      Author: sheet.municipalityName,
      Subject: 'Zugangscodes für die Wahlvorstände',
      CreationDate: sheet.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const headerHeight = 28;
  const blockHeight = (doc.page.height - 2 * MARGIN - headerHeight) / BLOCKS_PER_PAGE;

  sheet.entries.forEach((entry, index) => {
    const slot = index % BLOCKS_PER_PAGE;
    if (slot === 0) {
      if (index > 0) doc.addPage();
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#444444')
        .text(
          `${sheet.municipalityName} · ${sheet.electionName} · Zugangscodes Schnellmeldung · erstellt ${dateTime(sheet.createdAt)} · vertraulich`,
          MARGIN,
          MARGIN,
          { width },
        );
    }
    const top = MARGIN + headerHeight + slot * blockHeight;
    drawBlock(doc, entry, MARGIN, top, width, blockHeight - 10);
  });
  if (sheet.entries.length === 0) doc.font('Helvetica').fontSize(12).text('Keine Zugangscodes erzeugt.');
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, entry: BoardCodeSheetEntry, x: number, y: number, width: number, height: number): void {
  doc.save().lineWidth(0.8).dash(4, { space: 3 }).strokeColor('#888888').rect(x, y, width, height).stroke().restore();
  drawQr(doc, entry.signInUrl, x + width - 14 - QR_SIZE, y + 14);
  const inner = x + 14;
  const innerWidth = width - 28 - QR_SIZE - 12;
  doc
    .fillColor('#000000')
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(`Wahlbezirk ${entry.districtNumber} – ${entry.districtName}`, inner, y + 12, { width: innerWidth });
  const where =
    entry.kind === 'postal'
      ? 'Briefwahlbezirk'
      : entry.station
        ? `Wahlraum: ${entry.station.name}, ${entry.station.address}`
        : 'Urnenwahlbezirk';
  doc.font('Helvetica').fontSize(10).text(where, { width: innerWidth });
  if (entry.alsoFor.length > 0) doc.text(`Der Code gilt auch für Wahlbezirk ${entry.alsoFor.join(', ')}.`, { width: innerWidth });
  doc.moveDown(0.6);
  doc.font('Helvetica').fontSize(10).text('Zugangscode');
  doc.font('Courier-Bold').fontSize(28).text(entry.code, { width: innerWidth, characterSpacing: 2 });
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10).text('Anmeldung auf dem Mobiltelefon:', { width: innerWidth });
  doc
    .font('Courier')
    .fontSize(8)
    .fillColor('#1a4c8b')
    .text(entry.signInUrl, { width: innerWidth, link: entry.signInUrl, underline: false });
  doc.moveDown(0.5);
  doc
    .fillColor('#000000')
    .font('Helvetica')
    .fontSize(8.5)
    .text(
      'QR-Code scannen oder Adresse öffnen, den eigenen Namen und eine persönliche PIN angeben (bei der ersten Anmeldung festlegen), Schnellmeldung erfassen. ' +
        'Sie zählt erst, wenn eine zweite Person des Wahlvorstands sie bestätigt oder die Zahlen unabhängig noch einmal erfasst. ' +
        'Der Code gilt nur für diese Wahl und die genannten Wahlbezirke. Bei Verlust sofort das Wahlamt anrufen – der Code wird dann gesperrt.',
      { width: innerWidth },
    );
}

// The sign-in address as a QR code (level M), drawn as one filled path of module rectangles.
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size = QR_SIZE): void {
  const qr = encodeQr(text, { ecLevel: 'M' });
  const module = size / (qr.size + 2 * QR_QUIET_MODULES);
  const origin = { x: x + QR_QUIET_MODULES * module, y: y + QR_QUIET_MODULES * module };
  doc.save();
  for (const [mx, my, w, h] of toRectangles(qr)) doc.rect(origin.x + mx * module, origin.y + my * module, w * module, h * module);
  doc.fillColor('#000000').fill();
  doc.restore();
}
