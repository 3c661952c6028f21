import { formatNumber, type PdfSurface } from './pdf-surface';

// Text without pdfkit's text pipeline. `doc.text()` shapes every string with fontkit (GSUB/GPOS),
// wraps it and writes one text object per line; for 20 short strings on each of 10,000 pages that
// dominates the run time. Cards need neither ligatures nor kerning, so we map code points to glyphs
// ourselves, cache the glyph id and advance per character, and write `<hex> Tj`.
//
// The font stays pdfkit's EmbeddedFont (Identity-H, CID = subset glyph index): we register each glyph
// in its subset exactly as `EmbeddedFont.encode` does (subset id, width, ToUnicode entry), so pdfkit
// embeds ONE subset per document at `doc.end()` and text extraction (pdftotext) still works.

/** The fields of pdfkit's EmbeddedFont (0.17) we use. */
type EmbeddedFont = {
  readonly id: string;
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  readonly font: { glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number } };
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: number[];
  readonly unicode: number[][];
  ref(): PDFKit.PDFKitReference;
};

type Glyph = { readonly hex: string; readonly advance: number };

/** One embedded font with a per-document glyph cache; advances in 1/1000 em. */
export class GlyphFont {
  private readonly glyphs = new Map<number, Glyph>();
  readonly name: string;
  /** Ascent in 1/1000 em (the baseline sits this far below the top of a line box). */
  readonly ascent: number;
  readonly descent: number;

  private constructor(private readonly font: EmbeddedFont) {
    this.name = font.id;
    this.ascent = font.ascender;
    this.descent = font.descender;
  }

  /** Registers `data` (TTF bytes) under `key` and returns it as a glyph font of this document. */
  static embed(doc: PDFKit.PDFDocument, key: string, data: Uint8Array): GlyphFont {
    doc.registerFont(key, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    doc.font(key);
    return new GlyphFont((doc as unknown as { _font: EmbeddedFont })._font);
  }

  get ref(): PDFKit.PDFKitReference {
    return this.font.ref();
  }

  glyph(codePoint: number): Glyph {
    let glyph = this.glyphs.get(codePoint);
    if (glyph === undefined) {
      const source = this.font.font.glyphForCodePoint(codePoint);
      const id = this.font.subset.includeGlyph(source.id);
      const advance = source.advanceWidth * this.font.scale;
      this.font.widths[id] ??= advance;
      this.font.unicode[id] ??= [codePoint];
      glyph = { hex: id.toString(16).padStart(4, '0'), advance };
      this.glyphs.set(codePoint, glyph);
    }
    return glyph;
  }

  /** Width of `text` in 1/1000 em. */
  measure(text: string): number {
    let width = 0;
    for (const character of text) width += this.glyph(character.codePointAt(0)!).advance;
    return width;
  }

  encode(text: string): string {
    let hex = '';
    for (const character of text) hex += this.glyph(character.codePointAt(0)!).hex;
    return hex;
  }
}

export type FontPair = { readonly regular: GlyphFont; readonly bold: GlyphFont };

/** A piece of text in one weight. */
export type TextRun = { readonly text: string; readonly bold: boolean };

export type TextAlign = 'left' | 'center' | 'right';

export type TextStyle = {
  /** Font size in points. */
  readonly size: number;
  /** Baseline distance in points. */
  readonly leading: number;
  readonly align: TextAlign;
  /** Extra space between paragraphs in points. */
  readonly paragraphGap: number;
};

type PlacedRun = { readonly bold: boolean; readonly text: string; readonly width: number };
export type TextLine = {
  readonly runs: readonly PlacedRun[];
  /** In points. */
  readonly width: number;
  readonly indent: number;
  /** First line of a paragraph other than the first: gets the paragraph gap above. */
  readonly paragraphStart: boolean;
};

const BULLET = /^([•–-]|\d+\.|[a-z]\))\s/;

/**
 * Greedy line breaking of paragraphs (each an array of runs) into lines of at most `width` points.
 * Paragraphs that start with a bullet (`• `, `– `, `1. `, `a) `) hang their continuation lines.
 */
export function breakLines(paragraphs: readonly (readonly TextRun[])[], fonts: FontPair, size: number, width: number): TextLine[] {
  const lines: TextLine[] = [];
  const scale = size / 1000;
  const space = (bold: boolean): number => (bold ? fonts.bold : fonts.regular).glyph(32).advance * scale;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    // Words keep their runs, so a word may change weight in the middle ("**Wahl**raum").
    type Word = { parts: PlacedRun[]; width: number; spaceBefore: number };
    const words: Word[] = [];
    let current: Word | null = null;
    let pendingSpace = 0;
    for (const run of paragraph) {
      const font = run.bold ? fonts.bold : fonts.regular;
      const pieces = run.text.split(' ');
      pieces.forEach((piece, i) => {
        if (i > 0) {
          current = null;
          pendingSpace = space(run.bold);
        }
        if (piece === '') return;
        const part = { bold: run.bold, text: piece, width: font.measure(piece) * scale };
        if (current === null) {
          current = { parts: [part], width: part.width, spaceBefore: words.length === 0 ? 0 : pendingSpace };
          words.push(current);
        } else {
          current.parts.push(part);
          current.width += part.width;
        }
      });
    }
    const bullet = paragraph.length > 0 ? BULLET.exec(paragraph[0]!.text) : null;
    const hanging = bullet ? fonts[paragraph[0]!.bold ? 'bold' : 'regular'].measure(bullet[0]) * scale : 0;
    let line: PlacedRun[] = [];
    let lineWidth = 0;
    let indent = 0;
    let first = true;
    const flush = (): void => {
      lines.push({ runs: line, width: lineWidth, indent, paragraphStart: first && paragraphIndex > 0 });
      first = false;
      line = [];
      lineWidth = 0;
      indent = hanging;
    };
    for (const word of words) {
      const available = width - indent;
      if (line.length > 0 && lineWidth + word.spaceBefore + word.width > available) flush();
      if (line.length > 0 && word.spaceBefore > 0) {
        const last = line[line.length - 1]!;
        line[line.length - 1] = { ...last, text: `${last.text} `, width: last.width + word.spaceBefore };
        lineWidth += word.spaceBefore;
      }
      for (const part of word.parts) {
        const previous = line[line.length - 1];
        if (previous && previous.bold === part.bold)
          line[line.length - 1] = { bold: part.bold, text: previous.text + part.text, width: previous.width + part.width };
        else line.push(part);
        lineWidth += part.width;
      }
    }
    if (line.length > 0 || words.length === 0) flush();
  });
  return lines;
}

/** Height in points that `lines` take, from the top of the first line box to the last baseline's descent. */
export function textHeight(lines: readonly TextLine[], fonts: FontPair, style: TextStyle): number {
  if (lines.length === 0) return 0;
  const gaps = lines.filter((line) => line.paragraphStart).length * style.paragraphGap;
  const ascent = (fonts.regular.ascent * style.size) / 1000;
  const descent = (-fonts.regular.descent * style.size) / 1000;
  return ascent + (lines.length - 1) * style.leading + gaps + descent;
}

/**
 * Writes `lines` as one text object. `x`/`width` give the column, `top` the top of the first line
 * box (top-down points). Text matrix `1 0 0 -1 x y` turns the glyphs upright in the flipped space.
 */
export function writeLines(
  surface: PdfSurface,
  fonts: FontPair,
  lines: readonly TextLine[],
  style: TextStyle,
  x: number,
  top: number,
  width: number,
): void {
  if (lines.length === 0) return;
  surface.useFont(fonts.regular.name, fonts.regular.ref);
  surface.useFont(fonts.bold.name, fonts.bold.ref);
  const size = formatNumber(style.size);
  let ops = 'BT\n';
  let activeFont = '';
  let baseline = top + (fonts.regular.ascent * style.size) / 1000;
  let previousX = 0;
  lines.forEach((line, index) => {
    const lineX = x + line.indent + alignOffset(style.align, width - line.indent, line.width);
    if (index === 0) {
      ops += `1 0 0 -1 ${formatNumber(lineX)} ${formatNumber(baseline)} Tm\n`;
    } else {
      const step = style.leading + (line.paragraphStart ? style.paragraphGap : 0);
      baseline += step;
      ops += `${formatNumber(lineX - previousX)} ${formatNumber(-step)} Td\n`;
    }
    previousX = lineX;
    for (const run of line.runs) {
      const font = run.bold ? fonts.bold : fonts.regular;
      if (font.name !== activeFont) {
        ops += `/${font.name} ${size} Tf\n`;
        activeFont = font.name;
      }
      ops += `<${font.encode(run.text)}> Tj\n`;
    }
  });
  surface.write(`${ops}ET`);
}

function alignOffset(align: TextAlign, available: number, lineWidth: number): number {
  if (align === 'center') return (available - lineWidth) / 2;
  if (align === 'right') return available - lineWidth;
  return 0;
}

/** Splits `**bold**` markup into runs; paragraphs are separated by line breaks. */
export function parseMarkup(text: string): TextRun[][] {
  return text.split('\n').map((paragraph) => {
    const runs: TextRun[] = [];
    paragraph.split('**').forEach((part, i) => {
      if (part !== '') runs.push({ text: part, bold: i % 2 === 1 });
    });
    return runs;
  });
}
