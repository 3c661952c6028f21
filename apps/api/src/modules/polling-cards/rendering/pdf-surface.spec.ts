import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { GlyphFont, breakLines, writeLines } from './glyph-text';
import { createFormXObject, formatNumber, mm, SharedResourcePages } from './pdf-surface';

const FONT = join(__dirname, '../../../../../../templates/fonts/DejaVuSans.ttf');
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

type Line = { text: string; xMin: number; yMin: number };
/** Lines with their top-left corner per page, from `pdftotext -bbox-layout` (poppler-utils). */
function textLines(file: string): Line[][] {
  const xhtml = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' }).stdout;
  return [...xhtml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [...page[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => ({
      text: [...line[3]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((word) => word[1]).join(' '),
      xMin: Number(line[1]),
      yMin: Number(line[2]),
    })),
  );
}

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, font: '', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('pdf surface helpers', () => {
  it('should format numbers with at most two decimals and convert millimetres', () => {
    expect(formatNumber(841.889764)).toBe('841.89');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(12)).toBe('12');
    expect(mm(25.4)).toBe(72);
  });

  it.skipIf(!PDFTOTEXT)('should draw a form XObject once and place it on every page of a shared-resource page run', async () => {
    const pdf = await render((doc) => {
      const font = GlyphFont.embed(doc, 'regular', new Uint8Array(readFileSync(FONT)));
      const fonts = { regular: font, bold: font };
      const style = { size: 12, leading: 15, align: 'left' as const, paragraphGap: 0 };
      // pdfkit's own vector API and our raw text both draw into the form.
      const form = createFormXObject(doc, 'Fixed', mm(210), mm(297), (_doc, surface) => {
        _doc.rect(mm(10), mm(10), mm(50), mm(20)).stroke();
        writeLines(
          surface,
          fonts,
          breakLines([[{ text: 'Gleich auf jeder Seite: Größe', bold: false }]], fonts, 12, 500),
          style,
          mm(20),
          mm(40),
          500,
        );
      });
      const pages = new SharedResourcePages(doc, mm(210), mm(297));
      for (const name of ['Änne', 'Björn', 'Çelik']) {
        const surface = pages.beginPage();
        surface.useXObject(form.name, form.ref);
        surface.write(`/${form.name} Do`);
        writeLines(surface, fonts, breakLines([[{ text: name, bold: false }]], fonts, 12, 500), style, mm(20), mm(60), 500);
        pages.endPage();
      }
      pages.finish();
    });
    const source = pdf.toString('latin1');
    // One form object, referenced from one shared resource dictionary used by all three pages.
    expect(source.match(/\/Subtype \/Form/g)).toHaveLength(1);
    expect(source.match(/\/Type \/Page\n/g)).toHaveLength(3);
    const pageResources = [...source.matchAll(/\/Type \/Page\n[^>]*?\/Resources (\d+) 0 R/g)].map((match) => match[1]);
    expect(pageResources).toHaveLength(3);
    expect(new Set(pageResources).size).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'wahl-surface-'));
    try {
      writeFileSync(join(dir, 'surface.pdf'), pdf);
      const pages = textLines(join(dir, 'surface.pdf'));
      expect(pages.map((page) => page.map((line) => line.text))).toEqual([
        ['Gleich auf jeder Seite: Größe', 'Änne'],
        ['Gleich auf jeder Seite: Größe', 'Björn'],
        ['Gleich auf jeder Seite: Größe', 'Çelik'],
      ]);
      // Top-down coordinates: the text box of the form text starts 40 mm from the top.
      expect(pages[0]![0]!.yMin).toBeCloseTo(mm(40), 1);
      expect(pages[2]![1]!.xMin).toBeCloseTo(mm(20), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
