import PDFDocument from 'pdfkit';
import type { RollClosing } from '@wahl/contracts';
import { registerRollFonts } from '../outputs/roll-pdf.renderer';

// R1.21 (BWO § 24(1)): the closing certificate (Abschlussbescheinigung, after BWO Anlage 8) with the
// counts per polling district and the signature block naming the certifying person and function.

export type ClosingCertificateDocument = {
  readonly electionName: string;
  readonly municipalityName: string;
  readonly closing: RollClosing;
};

const MARGIN = 48;
const ROW = 16;

type Column = { readonly title: string; readonly width: number; readonly align: 'left' | 'right' };
const COLUMNS: readonly Column[] = [
  { title: 'Wahlbezirk', width: 200, align: 'left' },
  { title: 'A1', width: 60, align: 'right' },
  { title: 'A2', width: 60, align: 'right' },
  { title: 'A1 + A2', width: 60, align: 'right' },
  { title: 'A3', width: 60, align: 'right' },
  { title: 'A', width: 60, align: 'right' },
];

const dateTime = (date: Date): string =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
const day = (date: Date): string => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(date);
const count = (value: number): string => value.toLocaleString('de-DE');

/** Renders the certificate to a buffer: it is stored with the closing and served unchanged. */
export function renderClosingCertificate(document: ClosingCertificateDocument): Promise<Buffer> {
  const { closing } = document;
  const closedAt = new Date(closing.closedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Abschlussbescheinigung des Wählerverzeichnisses – ${document.electionName}`,
      Author: document.municipalityName,
      CreationDate: closedAt,
    },
  });
  registerRollFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;

  doc.font('Roll-Bold').fontSize(15).text('Abschlussbescheinigung des Wählerverzeichnisses', left, MARGIN, { width });
  doc.font('Roll').fontSize(10).moveDown(0.4);
  doc.text(`${document.electionName} · ${document.municipalityName}`, { width });
  doc.moveDown(0.8);
  doc.text(
    `Das Wählerverzeichnis wurde am ${dateTime(closedAt)} abgeschlossen. Die Zahl der Wahlberechtigten wird je Wahlbezirk wie folgt festgestellt (BWO § 24 Abs. 1). ` +
      'A1: eingetragen ohne Sperrvermerk „W“; A2: eingetragen mit Sperrvermerk „W“ (Wahlschein erteilt); A1 + A2: Zahl der Wahlberechtigten im Wählerverzeichnis; ' +
      'A3: nicht eingetragen, mit Wahlschein nach BWO § 25 Abs. 2; A: Wahlberechtigte insgesamt (A1 + A2 + A3).',
    { width },
  );
  let y = doc.y + 12;

  const row = (cells: readonly string[], bold: boolean): void => {
    if (y + ROW > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    let x = left;
    doc.font(bold ? 'Roll-Bold' : 'Roll').fontSize(9);
    COLUMNS.forEach((column, i) => {
      doc.text(cells[i] ?? '', x + 3, y + 3, { width: column.width - 6, align: column.align, lineBreak: false, ellipsis: true });
      x += column.width;
    });
    y += ROW;
    doc
      .moveTo(left, y)
      .lineTo(x, y)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke(bold ? '#000000' : '#999999');
  };
  row(
    COLUMNS.map((c) => c.title),
    true,
  );
  for (const d of closing.districts)
    row([`${d.number} ${d.name}`, count(d.A1), count(d.A2), count(d.total), count(d.A3), count(d.A)], false);
  row(['Zusammen', count(closing.A1), count(closing.A2), count(closing.total), count(closing.A3), count(closing.A)], true);

  if (y + 150 > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  doc
    .font('Roll')
    .fontSize(10)
    .text(
      'Nach dem Abschluss erteilte Wahlscheine stehen in der Nachtragsliste „W“ des Wahlbezirks; der Wahlvorsteher berichtigt danach die Zahlen A1 und A2 (BWO § 53 Abs. 2).',
      left,
      y + 16,
      { width },
    );
  y = doc.y + 40;
  doc.text(`${closing.place ? `${closing.place}, ` : ''}${day(closedAt)}`, left, y, { width });
  doc
    .moveTo(left, y + 50)
    .lineTo(left + 260, y + 50)
    .lineWidth(0.6)
    .stroke('#000000');
  doc.text(closing.signerName, left, y + 56, { width: 260 });
  doc.text(closing.signerFunction, left, doc.y, { width: 260 });
  doc.end();
  return done;
}
