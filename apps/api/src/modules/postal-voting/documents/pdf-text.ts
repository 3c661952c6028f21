import type PDFDocument from 'pdfkit';

// Small text helpers over pdfkit for the postal documents: `**bold**` runs, paragraphs on line
// breaks, a text shrunk in half points until it fits its height.

export const MM = 72 / 25.4;
export const mm = (value: number): number => value * MM;

export const REGULAR = 'Postal';
export const BOLD = 'Postal-Bold';

type Doc = InstanceType<typeof PDFDocument>;

export type RichTextOptions = {
  readonly width: number;
  readonly size: number;
  readonly height?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly paragraphGap?: number;
};

const runsOf = (paragraph: string): { text: string; bold: boolean }[] =>
  paragraph
    .split('**')
    .map((text, index) => ({ text, bold: index % 2 === 1 }))
    .filter((run) => run.text !== '');

/** Writes `text` at (x, y) in points; returns the y below it. */
export function richText(doc: Doc, text: string, x: number, y: number, options: RichTextOptions): number {
  const { width, align = 'left', paragraphGap = 0 } = options;
  let size = options.size;
  const plain = text.replace(/\*\*/g, '');
  if (options.height !== undefined) {
    while (size > 6 && doc.font(BOLD).fontSize(size).heightOfString(plain, { width, paragraphGap }) > options.height) size -= 0.5;
  }
  doc.fontSize(size).fillColor('#000000');
  let cursor = y;
  for (const paragraph of text.split('\n')) {
    const runs = runsOf(paragraph);
    if (runs.length === 0) {
      cursor += size * 1.2;
      continue;
    }
    runs.forEach((run, index) => {
      const continued = index < runs.length - 1;
      doc.font(run.bold ? BOLD : REGULAR);
      if (index === 0) doc.text(run.text, x, cursor, { width, align, continued, lineBreak: true });
      else doc.text(run.text, { width, align, continued });
    });
    cursor = doc.y + paragraphGap;
  }
  return cursor;
}
