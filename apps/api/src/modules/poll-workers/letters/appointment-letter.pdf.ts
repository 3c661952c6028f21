import { join } from 'node:path';
import type { BoardRole } from '@wahl/domain';
import PDFDocument from 'pdfkit';
import { drawQr } from '../../board-access/board-codes.pdf';
import { fillPlaceholders, formatLongDate, formatShortDate, type PlaceholderValues } from '../../polling-cards/rendering/card-placeholders';
import type { LetterTemplate } from './letter-template';

// The appointment letter (Berufungsschreiben) of a board member: A4, DIN 5008 form B (address in the
// window of a DIN lang envelope) and the wording from the template on the front; on the back the box
// with the member's personal access code for the polling-station app and its QR code, the closing
// and the reply slip. One duplex sheet per letter; the clear code exists only in this document.

export type LetterSeat = {
  readonly reference: string;
  readonly person: {
    readonly familyName: string;
    readonly givenNames: string;
    readonly street: string;
    readonly postalCode: string;
    readonly city: string;
  };
  readonly function: BoardRole;
  readonly district: {
    readonly number: string;
    readonly name: string;
    readonly station: { readonly name: string; readonly address: string } | null;
  };
  readonly training: { readonly startsAt: Date; readonly endsAt: Date; readonly place: string; readonly address: string } | null;
  readonly amountCents: number;
  readonly code: string;
  readonly signInUrl: string;
};

export type LetterBatch = {
  readonly electionName: string;
  readonly electionDay: string;
  /** `YYYY-MM-DD` of the letters. */
  readonly letterDay: string;
  readonly createdAt: Date;
  readonly seats: readonly LetterSeat[];
};

const MM = 72 / 25.4;
const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const QR_SIZE = 30 * MM;
const BODY_SIZE = 10;
const REGULAR = 'letter-regular';
const BOLD = 'letter-bold';

const time = (date: Date): string =>
  new Intl.DateTimeFormat('de-DE', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(date);
const berlinDay = (date: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
const euros = (cents: number): string => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function letterPlaceholders(template: LetterTemplate, batch: LetterBatch, seat: LetterSeat): PlaceholderValues {
  const { municipality, texts } = template;
  const training = seat.training
    ? `${formatLongDate(berlinDay(seat.training.startsAt))}, ${time(seat.training.startsAt)} bis ${time(seat.training.endsAt)} Uhr, ` +
      `${seat.training.place}${seat.training.address ? `, ${seat.training.address}` : ''}. Bitte nehmen Sie daran teil.`
    : texts.noTraining;
  return {
    gemeinde: municipality.name,
    wahlamt: municipality.office,
    wahlamt_anschrift: `${municipality.street}, ${municipality.postalCode} ${municipality.town}`,
    telefon: municipality.phone,
    email: municipality.email,
    wahl: batch.electionName,
    wahltag: formatLongDate(batch.electionDay),
    name: `${seat.person.givenNames} ${seat.person.familyName}`,
    funktion: texts.functions[seat.function],
    wahlbezirk: seat.district.number,
    wahlbezirk_name: seat.district.name,
    wahlraum: seat.district.station?.name ?? texts.noStation,
    wahlraum_anschrift: seat.district.station?.address ?? '',
    wahlzeit: texts.votingHours,
    treffzeit: texts.meetingTime,
    schulung: training,
    erfrischungsgeld: seat.amountCents > 0 ? `ein Erfrischungsgeld von ${euros(seat.amountCents)}` : 'kein Erfrischungsgeld',
    antwortfrist: formatShortDate(addDays(batch.letterDay, texts.replyDays)),
    zeichen: seat.reference,
  };
}

export function renderAppointmentLetters(template: LetterTemplate, batch: LetterBatch, onLetter?: (done: number) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 15 * MM, left: LEFT, right: RIGHT },
    autoFirstPage: false,
    info: {
      Title: `Berufungsschreiben – ${batch.electionName}`,
      Author: template.municipality.name,
      Subject: 'Berufung in den Wahlvorstand',
      CreationDate: batch.createdAt,
    },
  });
  doc.registerFont(REGULAR, join(template.fontsDir, 'DejaVuSans.ttf'));
  doc.registerFont(BOLD, join(template.fontsDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  batch.seats.forEach((seat, index) => {
    drawLetter(doc, template, batch, seat);
    onLetter?.(index + 1);
  });
  if (batch.seats.length === 0) doc.addPage().font(REGULAR).fontSize(12).text('Keine Berufungsschreiben.');
  doc.end();
  return done;
}

function drawLetter(doc: PDFKit.PDFDocument, template: LetterTemplate, batch: LetterBatch, seat: LetterSeat): void {
  const values = letterPlaceholders(template, batch, seat);
  const fill = (text: string) => fillPlaceholders(text, values);
  const { municipality, texts } = template;
  doc.addPage();
  const width = doc.page.width;
  const contentWidth = width - LEFT - RIGHT;

  // Letterhead, right.
  const headX = 125 * MM;
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor('#000000')
    .text(municipality.name, headX, 20 * MM, { width: width - headX - RIGHT });
  doc.font(REGULAR).fontSize(8.5).text(`${municipality.office}\n${municipality.street}\n${municipality.postalCode} ${municipality.town}`);
  doc.text(`Telefon ${municipality.phone}\n${municipality.email}`);

  // DIN 5008 form B: window 45–90 mm from the top; return line first, then the address.
  doc
    .font(REGULAR)
    .fontSize(7)
    .text(municipality.returnAddress, LEFT, 50 * MM, { width: 85 * MM, lineBreak: false, height: 8 });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(
      `${seat.person.givenNames} ${seat.person.familyName}\n${seat.person.street}\n${seat.person.postalCode} ${seat.person.city}`,
      LEFT,
      63 * MM,
      {
        width: 85 * MM,
      },
    );
  doc.fontSize(9).text(`${municipality.town}, ${formatShortDate(batch.letterDay)}\nZeichen ${seat.reference}`, headX, 80 * MM, {
    width: width - headX - RIGHT,
  });

  doc
    .font(BOLD)
    .fontSize(11)
    .text(fill(texts.subject), LEFT, 100 * MM, { width: contentWidth });
  doc.moveDown(0.8);
  doc.font(REGULAR).fontSize(BODY_SIZE).text(fill(texts.salutation), { width: contentWidth });
  for (const paragraph of texts.paragraphs) {
    doc.moveDown(0.5);
    richText(doc, fill(paragraph), contentWidth);
  }
  doc.addPage();
  drawSignInBox(doc, fill(texts.signInTitle), fill(texts.signInText), seat, contentWidth);
  doc.moveDown(0.8);
  doc.font(REGULAR).fontSize(BODY_SIZE).text(fill(texts.closing), LEFT, doc.y, { width: contentWidth });
  drawReplySlip(doc, fill(texts.replyTitle), texts.replyOptions.map(fill), values['name']!, contentWidth);
}

/** A paragraph with `**bold**` runs. */
function richText(doc: PDFKit.PDFDocument, text: string, width: number): void {
  const parts = text.split('**');
  parts.forEach((part, index) => {
    doc.font(index % 2 === 1 ? BOLD : REGULAR).fontSize(BODY_SIZE);
    doc.text(part, LEFT, undefined, { width, continued: index < parts.length - 1 });
  });
}

function drawSignInBox(doc: PDFKit.PDFDocument, title: string, text: string, seat: LetterSeat, width: number): void {
  const height = 46 * MM;
  const y = doc.y;
  doc.save().lineWidth(0.8).strokeColor('#1a4c8b').rect(LEFT, y, width, height).stroke().restore();
  drawQr(doc, seat.signInUrl, LEFT + width - QR_SIZE - 4 * MM, y + 4 * MM, QR_SIZE);
  const inner = width - QR_SIZE - 14 * MM;
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor('#000000')
    .text(title, LEFT + 4 * MM, y + 4 * MM, { width: inner });
  doc.font(REGULAR).fontSize(8.5).text('Zugangscode', { width: inner });
  doc.font('Courier-Bold').fontSize(20).text(seat.code, { width: inner, characterSpacing: 1 });
  doc.font('Courier').fontSize(7.5).fillColor('#1a4c8b').text(seat.signInUrl, { width: inner, link: seat.signInUrl });
  doc.font(REGULAR).fontSize(8).fillColor('#000000').text(text, { width: inner });
  doc.y = y + height;
  doc.x = LEFT;
}

function drawReplySlip(doc: PDFKit.PDFDocument, title: string, options: readonly string[], name: string, width: number): void {
  const slipHeight = 55 * MM;
  const top = doc.page.height - 15 * MM - slipHeight;
  doc
    .save()
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .strokeColor('#666666')
    .moveTo(LEFT, top)
    .lineTo(LEFT + width, top)
    .stroke()
    .restore();
  doc
    .font(BOLD)
    .fontSize(9)
    .fillColor('#000000')
    .text(title, LEFT, top + 4 * MM, { width });
  doc.font(REGULAR).fontSize(9).text(`Name: ${name}`, { width });
  for (const option of options) {
    doc.moveDown(0.6);
    const y = doc.y;
    doc.rect(LEFT, y, 3.5 * MM, 3.5 * MM).stroke();
    doc.text(option, LEFT + 6 * MM, y, { width: width - 6 * MM });
  }
  doc.moveDown(1.6);
  const y = doc.y;
  doc
    .moveTo(LEFT, y)
    .lineTo(LEFT + 80 * MM, y)
    .stroke();
  doc.fontSize(7.5).text('Datum, Unterschrift', LEFT, y + 1.5 * MM, { width });
}
