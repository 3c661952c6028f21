// Reusable form XObjects and lean pages on top of pdfkit (0.17), which has no public API for either.
//
// How pdfkit works inside (read from its source, the parts we rely on):
// - `doc.ref(data)` allocates the next indirect object; `ref.write(chunk)` appends to its stream,
//   `ref.end()` deflates the stream (the document's `compress` option) and writes the object to the
//   output at once. An object may be referenced (`ref.toString()` → `12 0 R`) before it is written;
//   the document finishes only after every allocated ref was ended.
// - Every drawing method ends in `doc.addContent(op)` → `doc.page.write(op)`, and registers what it
//   uses in the current page's resource dictionaries: `doc.page.fonts`, `.xobjects`, `.ext_gstates`,
//   `.patterns`, `.colorSpaces` (getters on `page.resources.data`).
// - `doc.addPage()` starts every page with `1 0 0 -1 0 H cm`: pdfkit draws top-down (y grows
//   downwards) and text flips itself back upright.
//
// So a form XObject is just a ref whose dictionary says `/Type /XObject /Subtype /Form` and whose
// stream holds drawing operators: we point `doc.page` at a stand-in page whose `write` goes into that
// stream and whose resource getters fill the form's own /Resources, let any pdfkit method (or our own
// operators) draw, and put the real page back. Placing the form costs one `/Name Do` per page.
//
// Forms here carry no flip of their own: they are drawn in, and must be placed into, pdfkit's
// top-down space, i.e. on a page whose content starts with the flip (both page kinds below do).
//
// Card pages skip `doc.addPage()`: it allocates a private resource dictionary per page. A print lot
// has 10,000 pages that all use the same two fonts and a handful of forms, so they share ONE resource
// dictionary, written once when the document ends (`SharedResourcePages`). Their content is collected
// as one string and written in one piece; streams under 1 KB (a card's back: a few prefilled fields)
// stay uncompressed, because each zlib call has a fixed cost of about 100 µs, more than the few
// hundred bytes it would save are worth; larger ones use level 1 (a page's stream is mostly short
// repeated operators: about 10 % more bytes than level 6 for about 40 % less deflate time).

import { deflateSync } from 'node:zlib';

type PdfDoc = PDFKit.PDFDocument;
type PdfRef = PDFKit.PDFKitReference;

/** Internal fields of PDFDocument that this helper touches (pdfkit 0.17). */
type PdfDocInternals = {
  page: unknown;
  _root: { data: { Pages: { data: { Kids: PdfRef[]; Count: number } } } };
};

const PROC_SET = ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'];

const internals = (doc: PdfDoc): PdfDocInternals => doc as unknown as PdfDocInternals;

/** A stand-in for pdfkit's PDFPage: just what the drawing mixins read and write. */
class SurfacePage {
  readonly margins = { top: 0, bottom: 0, left: 0, right: 0 };
  readonly markings: unknown[] = [];

  constructor(
    readonly document: PdfDoc,
    readonly width: number,
    readonly height: number,
    readonly content: PdfRef,
    readonly resources: PdfRef,
    private readonly sink: (chunk: string | Uint8Array) => void = (chunk) => content.write(chunk),
  ) {}

  private dictionary<K extends string>(key: K): Record<string, unknown> {
    const data = this.resources.data as Record<string, Record<string, unknown> | undefined>;
    return (data[key] ??= {});
  }
  get fonts(): Record<string, unknown> {
    return this.dictionary('Font');
  }
  get xobjects(): Record<string, unknown> {
    return this.dictionary('XObject');
  }
  get ext_gstates(): Record<string, unknown> {
    return this.dictionary('ExtGState');
  }
  get patterns(): Record<string, unknown> {
    return this.dictionary('Pattern');
  }
  get colorSpaces(): Record<string, unknown> {
    return this.dictionary('ColorSpace');
  }
  get contentWidth(): number {
    return this.width;
  }
  get contentHeight(): number {
    return this.height;
  }
  maxY(): number {
    return this.height;
  }
  write(chunk: string | Uint8Array): void {
    this.sink(chunk);
  }
}

/** What a surface offers to our own operator writers: raw operators and resource registration. */
export type PdfSurface = {
  /** Appends raw content-stream operators (top-down coordinates, see above). */
  readonly write: (operators: string) => void;
  /** Registers a font (a pdfkit font dictionary ref) under `name` in this surface's resources. */
  readonly useFont: (name: string, fontRef: PdfRef) => void;
  /** Registers an XObject under `name` in this surface's resources. */
  readonly useXObject: (name: string, ref: PdfRef) => void;
};

const surfaceOf = (page: SurfacePage): PdfSurface => ({
  write: (operators) => page.write(operators),
  useFont: (name, fontRef) => {
    page.fonts[name] ??= fontRef;
  },
  useXObject: (name, ref) => {
    page.xobjects[name] ??= ref;
  },
});

export type FormXObject = {
  /** Resource name to place it with: `/${name} Do`. */
  readonly name: string;
  readonly ref: PdfRef;
};

/**
 * Draws a form XObject of `width` × `height` points once; `draw` may use any pdfkit drawing method on
 * `doc` as well as the raw surface. The form is written to the output when `draw` returns.
 */
export function createFormXObject(
  doc: PdfDoc,
  name: string,
  width: number,
  height: number,
  draw: (doc: PdfDoc, surface: PdfSurface) => void,
): FormXObject {
  const resources = doc.ref({ ProcSet: PROC_SET });
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, width, height], Resources: resources });
  const stage = new SurfacePage(doc, width, height, ref, resources);
  const previous = internals(doc).page;
  internals(doc).page = stage;
  try {
    draw(doc, surfaceOf(stage));
  } finally {
    internals(doc).page = previous;
  }
  resources.end(undefined);
  ref.end(undefined);
  return { name, ref };
}

/**
 * Pages of one size that share a single resource dictionary. `beginPage` makes the new page current
 * for pdfkit's drawing methods too; `endPage` writes it out at once, so memory stays flat over a lot.
 */
const COMPRESS_FROM = 1024;

export class SharedResourcePages {
  private readonly resources: PdfRef;
  private current: { page: SurfacePage; dictionary: PdfRef; operators: string[] } | null = null;
  private readonly flip: string;

  constructor(
    private readonly doc: PdfDoc,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.resources = doc.ref({ ProcSet: PROC_SET });
    this.flip = `1 0 0 -1 0 ${formatNumber(height)} cm`;
  }

  beginPage(): PdfSurface {
    if (this.current) throw new Error('previous page not ended');
    const { doc } = this;
    // pdfkit compresses a stream unless its dictionary names a filter; `endPage` decides itself.
    const content = doc.ref({ Filter: 'FlateDecode' });
    const pages = internals(doc)._root.data.Pages;
    const dictionary = doc.ref({
      Type: 'Page',
      Parent: pages,
      MediaBox: [0, 0, this.width, this.height],
      Contents: content,
      Resources: this.resources,
    });
    pages.data.Kids.push(dictionary);
    pages.data.Count++;
    const operators = [this.flip];
    const page = new SurfacePage(doc, this.width, this.height, content, this.resources, (chunk) =>
      operators.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1')),
    );
    internals(doc).page = page;
    this.current = { page, dictionary, operators };
    return surfaceOf(page);
  }

  endPage(): void {
    if (!this.current) throw new Error('no page begun');
    const content = this.current.page.content;
    const operators = Buffer.from(this.current.operators.join('\n'), 'latin1');
    if (operators.length >= COMPRESS_FROM) {
      content.write(deflateSync(operators, { level: 1 }));
    } else {
      delete (content.data as { Filter?: string }).Filter;
      content.write(operators);
    }
    content.end(undefined);
    this.current.dictionary.end(undefined);
    internals(this.doc).page = null;
    this.current = null;
  }

  /** Writes the shared resource dictionary; call once after the last page, before `doc.end()`. */
  finish(): void {
    if (this.current) this.endPage();
    this.resources.end(undefined);
  }
}

/** Points with at most two decimals (1/7200 inch is far below any printer's resolution). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export const MM = 72 / 25.4;

/** Millimetres to points. */
export const mm = (value: number): number => value * MM;
