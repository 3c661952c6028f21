import PDFDocument from 'pdfkit';
import { ADDRESS_MAX_LINES, addressLines, formatInserterCode, type CardElection, type MailPiece } from '@wahl/domain';
import type { CompiledLayout, CompiledSide, Primitive, TextPrimitive } from './card-layout.compiler';
import {
  districtKey,
  districtPlaceholders,
  fillPlaceholders,
  jobPlaceholders,
  voterPlaceholders,
  type PlaceholderValues,
} from './card-placeholders';
import type { CardTemplate } from './card-template.loader';
import { breakLines, parseMarkup, textHeight, writeLines, GlyphFont, type FontPair, type TextLine, type TextStyle } from './glyph-text';
import { createFormXObject, formatNumber, SharedResourcePages, type FormXObject, type PdfSurface } from './pdf-surface';
import { drawSvg } from './svg-drawing';
import { writeDataMatrix, writeQrCode } from './vector-code';

// One print lot as one PDF. Per side of a sheet, what is the same on every card is drawn once into a
// form XObject, what is the same for a polling district once per district, and only the voter's own
// data (address, numbers, the two codes) is written on each page.

export type CardJob = {
  /** Printed in every inserter code (R3.15), 1–999999. */
  readonly jobNumber: number;
  readonly election: CardElection;
  /** Fixed document date (CreationDate, ModDate, and through them the file ID): same input, same bytes. */
  readonly createdAt: Date;
};

export type CardWarning = {
  readonly piece: number;
  readonly code: 'ADDRESS_SHRUNK' | 'ADDRESS_WRAPPED' | 'ADDRESS_TRUNCATED' | 'ADDRESS_TOO_MANY_LINES' | 'TEXT_OVERFLOW';
};

export class CardLayoutOverflowError extends Error {
  constructor(readonly text: string) {
    super(`Text passt nicht in seinen Bereich der Vorlage: "${text.slice(0, 60)}…"`);
  }
}

const MIN_TEXT_SIZE = 4.5;

function colorOperator(color: string, stroke: boolean): string {
  const r = parseInt(color.slice(1, 3), 16);
  const g = parseInt(color.slice(3, 5), 16);
  const b = parseInt(color.slice(5, 7), 16);
  if (r === g && g === b) return `${formatNumber(r / 255)} ${stroke ? 'G' : 'g'}`;
  return `${formatNumber(r / 255)} ${formatNumber(g / 255)} ${formatNumber(b / 255)} ${stroke ? 'RG' : 'rg'}`;
}

/** A rectangle with optional rounded corners as path operators (top-down coordinates). */
function rectanglePath(x: number, y: number, width: number, height: number, radius: number): string {
  const f = formatNumber;
  if (radius <= 0) return `${f(x)} ${f(y)} ${f(width)} ${f(height)} re`;
  const r = Math.min(radius, width / 2, height / 2);
  const k = r * 0.5523; // cubic Bézier approximation of a quarter circle
  const right = x + width;
  const bottom = y + height;
  return [
    `${f(x + r)} ${f(y)} m`,
    `${f(right - r)} ${f(y)} l`,
    `${f(right - r + k)} ${f(y)} ${f(right)} ${f(y + r - k)} ${f(right)} ${f(y + r)} c`,
    `${f(right)} ${f(bottom - r)} l`,
    `${f(right)} ${f(bottom - r + k)} ${f(right - r + k)} ${f(bottom)} ${f(right - r)} ${f(bottom)} c`,
    `${f(x + r)} ${f(bottom)} l`,
    `${f(x + r - k)} ${f(bottom)} ${f(x)} ${f(bottom - r + k)} ${f(x)} ${f(bottom - r)} c`,
    `${f(x)} ${f(y + r)} l`,
    `${f(x)} ${f(y + r - k)} ${f(x + r - k)} ${f(y)} ${f(x + r)} ${f(y)} c`,
    'h',
  ].join(' ');
}

type DrawTarget = {
  readonly doc: PDFKit.PDFDocument;
  readonly surface: PdfSurface;
  readonly values: PlaceholderValues;
  /** Voter scope only: for codes, address and warnings. */
  readonly piece?: MailPiece;
  readonly sheet?: { readonly number: number; readonly count: number };
};

export class CardDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly warnings: CardWarning[] = [];
  private readonly fonts: FontPair;
  private readonly pages: SharedResourcePages;
  private readonly jobValues: PlaceholderValues;
  private readonly sideForms: { front: FormXObject | null; back: FormXObject | null }[];
  private readonly districtForms = new Map<string, { front: FormXObject | null; back: FormXObject | null }[]>();
  private pageCount = 0;

  constructor(
    private readonly template: CardTemplate,
    private readonly layout: CompiledLayout,
    private readonly job: CardJob,
    info: { readonly title: string; readonly subject: string },
  ) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      // No default Helvetica: every glyph comes from the embedded DejaVu fonts.
      font: '',
      pdfVersion: '1.4',
      lang: 'de-DE',
      info: {
        Title: info.title,
        Author: template.municipality.name,
        Subject: info.subject,
        Creator: 'Wahlsystem',
        Producer: 'Wahlsystem',
        CreationDate: job.createdAt,
        ModDate: job.createdAt,
      },
    });
    this.fonts = {
      regular: GlyphFont.embed(this.doc, 'regular', template.fonts.regular),
      bold: GlyphFont.embed(this.doc, 'bold', template.fonts.bold),
    };
    this.pages = new SharedResourcePages(this.doc, layout.width, layout.height);
    this.jobValues = jobPlaceholders(job.election, template.municipality);
    this.sideForms = layout.sheets.map((sheet, index) => ({
      front: this.form(`S${index + 1}F`, sheet.front.job, { values: this.jobValues }),
      back: this.form(`S${index + 1}B`, sheet.back.job, { values: this.jobValues }),
    }));
  }

  /** Draws all sides of one piece (sheets × front and back). */
  addPiece(piece: MailPiece): void {
    const record = piece.record;
    const key = districtKey(record);
    let districtForms = this.districtForms.get(key);
    if (!districtForms) {
      const values = { ...this.jobValues, ...districtPlaceholders(record) };
      const id = this.districtForms.size + 1;
      districtForms = this.layout.sheets.map((sheet, index) => ({
        front: this.form(`D${id}S${index + 1}F`, sheet.front.district, { values }),
        back: this.form(`D${id}S${index + 1}B`, sheet.back.district, { values }),
      }));
      this.districtForms.set(key, districtForms);
    }
    const values = { ...this.jobValues, ...districtPlaceholders(record), ...voterPlaceholders(record, piece.piece) };
    const count = this.layout.sheets.length;
    this.layout.sheets.forEach((sheet, index) => {
      const sheetInfo = { number: index + 1, count };
      this.side(sheet.front, [this.sideForms[index]!.front, districtForms[index]!.front], { values, piece, sheet: sheetInfo });
      this.side(sheet.back, [this.sideForms[index]!.back, districtForms[index]!.back], { values, piece, sheet: sheetInfo });
    });
  }

  /** Finishes the document; the PDF stream ends after this. */
  end(): void {
    this.pages.finish();
    this.doc.end();
  }

  get pageTotal(): number {
    return this.pageCount;
  }

  private side(side: CompiledSide, forms: readonly (FormXObject | null)[], target: Omit<DrawTarget, 'doc' | 'surface'>): void {
    const surface = this.pages.beginPage();
    let ops = '';
    for (const form of forms) {
      if (!form) continue;
      surface.useXObject(form.name, form.ref);
      ops += `/${form.name} Do\n`;
    }
    surface.write(ops);
    const drawTarget: DrawTarget = { ...target, doc: this.doc, surface };
    for (const { primitive, when } of side.voter) {
      if (when === 'ersatz' && !target.piece?.record.replacement) continue;
      this.draw(primitive, drawTarget, 'voter');
    }
    this.pages.endPage();
    this.pageCount++;
  }

  private form(name: string, primitives: readonly Primitive[], target: Pick<DrawTarget, 'values'>): FormXObject | null {
    if (primitives.length === 0) return null;
    return createFormXObject(this.doc, name, this.layout.width, this.layout.height, (doc, surface) => {
      for (const primitive of primitives) this.draw(primitive, { ...target, doc, surface }, 'shared');
    });
  }

  private draw(primitive: Primitive, target: DrawTarget, scope: 'shared' | 'voter'): void {
    const { surface } = target;
    switch (primitive.kind) {
      case 'text':
        this.drawText(primitive, target, scope);
        return;
      case 'box': {
        let ops = 'q ';
        if (primitive.fill) ops += `${colorOperator(primitive.fill, false)} `;
        if (primitive.stroke) ops += `${colorOperator(primitive.strokeColor, true)} ${formatNumber(primitive.stroke)} w `;
        ops += rectanglePath(primitive.x, primitive.y, primitive.width, primitive.height, primitive.radius);
        ops += primitive.fill && primitive.stroke ? ' B Q' : primitive.fill ? ' f Q' : ' S Q';
        surface.write(ops);
        return;
      }
      case 'line': {
        const f = formatNumber;
        const dash = primitive.dash ? `[${f(primitive.dash)} ${f(primitive.dash)}] 0 d ` : '';
        surface.write(
          `q ${colorOperator(primitive.color, true)} ${f(primitive.stroke)} w ${dash}${f(primitive.x1)} ${f(primitive.y1)} m ${f(primitive.x2)} ${f(primitive.y2)} l S Q`,
        );
        return;
      }
      case 'image': {
        const image = this.template.images[primitive.src];
        if (!image) return;
        if (image.kind === 'svg') drawSvg(target.doc, image.svg, primitive.x, primitive.y, primitive.width, primitive.height);
        else
          target.doc.image(Buffer.from(image.data), primitive.x, primitive.y, {
            fit: [primitive.width, primitive.height],
            align: 'center',
            valign: 'center',
          });
        return;
      }
      case 'qr':
        writeQrCode(surface, target.piece!.record.applicationUrl, primitive.x, primitive.y, primitive.size);
        return;
      case 'insertCode': {
        const code = formatInserterCode({
          jobNumber: this.job.jobNumber,
          piece: target.piece!.piece,
          sheet: target.sheet!.number,
          sheets: target.sheet!.count,
        });
        writeDataMatrix(surface, code, primitive.x, primitive.y, primitive.moduleSize);
        return;
      }
      case 'returnAddress': {
        // Bottom-up: the first line sits on the bottom of the upper zone.
        let baseline = primitive.bottom;
        for (const line of primitive.lines) {
          const runs = [{ text: fillPlaceholders(line.text, target.values), bold: line.bold }];
          const lines = breakLines([runs], this.fonts, primitive.size, Number.POSITIVE_INFINITY);
          const top = baseline - (this.fonts.regular.ascent * primitive.size) / 1000;
          writeLines(surface, this.fonts, lines, this.style(primitive.size, primitive.leading), primitive.x, top, primitive.width);
          baseline -= primitive.leading;
        }
        return;
      }
      case 'addressLines':
        this.drawAddress(primitive, target);
        return;
    }
  }

  private style(size: number, leading: number, align: TextStyle['align'] = 'left', paragraphGap = 0): TextStyle {
    return { size, leading, align, paragraphGap };
  }

  private drawText(primitive: TextPrimitive, target: DrawTarget, scope: 'shared' | 'voter'): void {
    const text = fillPlaceholders(primitive.text, target.values);
    if (text.trim() === '') return;
    const paragraphs = parseMarkup(text).map((runs) => runs.map((run) => ({ ...run, bold: run.bold || primitive.bold })));
    let size = primitive.size;
    let lines: TextLine[];
    let style: TextStyle;
    // Shrink in half points until the text fits its box (and, for `shrink`, one line).
    for (;;) {
      const scale = size / primitive.size;
      style = this.style(size, primitive.leading * scale, primitive.align, primitive.paragraphGap * scale);
      lines = breakLines(paragraphs, this.fonts, size, primitive.fit === 'shrink' ? Number.POSITIVE_INFINITY : primitive.width);
      const tooWide = primitive.fit === 'shrink' && lines.some((line) => line.width > primitive.width + 0.01);
      const tooHigh = primitive.height !== undefined && textHeight(lines, this.fonts, style) > primitive.height + 0.01;
      if (!tooWide && !tooHigh) break;
      if (size - 0.5 < MIN_TEXT_SIZE) {
        // A template text that cannot fit is the author's to fix; a voter's long value is printed
        // smallest and reported.
        if (scope === 'shared') throw new CardLayoutOverflowError(text);
        this.warnings.push({ piece: target.piece!.piece, code: 'TEXT_OVERFLOW' });
        break;
      }
      size -= 0.5;
    }
    target.surface.write(`q ${colorOperator(primitive.color, false)}`);
    writeLines(target.surface, this.fonts, lines, style, primitive.x, primitive.y, primitive.width);
    target.surface.write('Q');
  }

  /** R3.6/R3.7: at most 6 lines top-down in the lower zone, no empty lines, never below the minimum size. */
  private drawAddress(primitive: Extract<Primitive, { kind: 'addressLines' }>, target: DrawTarget): void {
    const piece = target.piece!;
    let address = addressLines(piece.record);
    if (address.length > ADDRESS_MAX_LINES) {
      // Keep street and town; drop surplus name lines from the top.
      address = [...address.slice(0, ADDRESS_MAX_LINES - 2), ...address.slice(-2)];
      this.warnings.push({ piece: piece.piece, code: 'ADDRESS_TOO_MANY_LINES' });
    }
    const measure = (line: string, size: number): number => (this.fonts.regular.measure(line) * size) / 1000;
    const fits = (line: string, size: number): boolean => measure(line, size) <= primitive.width;
    let size = primitive.size;
    while (size > primitive.minSize && !address.every((line) => fits(line, size))) size -= 0.5;
    if (size < primitive.size) this.warnings.push({ piece: piece.piece, code: 'ADDRESS_SHRUNK' });
    let fitted = address;
    if (!address.every((line) => fits(line, size))) {
      // Still too wide at the minimum size: break long lines at blanks while the six lines last,
      // else cut them with an ellipsis.
      const wrapped = address.flatMap((line) =>
        fits(line, size)
          ? [line]
          : breakLines([[{ text: line, bold: false }]], this.fonts, size, primitive.width).map((part) =>
              part.runs
                .map((run) => run.text)
                .join('')
                .trimEnd(),
            ),
      );
      if (wrapped.length <= ADDRESS_MAX_LINES && wrapped.every((line) => fits(line, size))) {
        fitted = wrapped;
        this.warnings.push({ piece: piece.piece, code: 'ADDRESS_WRAPPED' });
      } else {
        fitted = address.map((line) => {
          if (fits(line, size)) return line;
          let cut = line;
          while (cut.length > 1 && !fits(`${cut}…`, size)) cut = cut.slice(0, -1);
          return `${cut.trimEnd()}…`;
        });
        this.warnings.push({ piece: piece.piece, code: 'ADDRESS_TRUNCATED' });
      }
    }
    const leading = Math.min(primitive.leading, primitive.height / ADDRESS_MAX_LINES);
    const lines = breakLines(
      fitted.map((line) => [{ text: line, bold: false }]),
      this.fonts,
      size,
      Number.POSITIVE_INFINITY,
    );
    target.surface.write('q 0 g');
    writeLines(target.surface, this.fonts, lines, this.style(size, leading), primitive.x, primitive.top, primitive.width);
    target.surface.write('Q');
  }
}
