import { spawnSync } from 'node:child_process';

// Reading PDFs back with the Debian tools poppler-utils (pdfinfo, pdftotext, pdftoppm), zbar-tools
// (zbarimg) and dmtx-utils (dmtxread). Tests that need them skip with a notice where one is missing.

export function hasTools(...names: string[]): boolean {
  return names.every((name) => {
    const result = spawnSync(name, ['--help'], { stdio: 'ignore' });
    return !(result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT');
  });
}

function run(command: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync(command, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.toString()}`);
  return result.stdout;
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).toString('utf8').split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

export type PdfWord = { readonly text: string; readonly xMin: number; readonly yMin: number; readonly xMax: number; readonly yMax: number };
export type PdfLine = PdfWord & { readonly words: readonly PdfWord[] };
export type PdfTextPage = { readonly width: number; readonly height: number; readonly lines: readonly PdfLine[] };

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const box = (attributes: string): Omit<PdfWord, 'text'> => {
  const value = (name: string): number => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attributes)![1]);
  return { xMin: value('xMin'), yMin: value('yMin'), xMax: value('xMax'), yMax: value('yMax') };
};

/** Text with positions (points from the top-left corner) per page: `pdftotext -bbox-layout`. */
export function pdfTextLayout(file: string, pages?: { first: number; last: number }): PdfTextPage[] {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const xhtml = run('pdftotext', ['-bbox-layout', ...range, file, '-']).toString('utf8');
  return [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    lines: [...page[3]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((line) => {
      const words = [...line[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((word) => ({
        text: decode(word[2]!),
        ...box(word[1]!),
      }));
      return { text: words.map((word) => word.text).join(' '), words, ...box(line[1]!) };
    }),
  }));
}

/** One page as a greyscale PGM at `dpi`, optionally cropped (pixels at that resolution). */
export function renderPageGray(
  file: string,
  page: number,
  dpi: number,
  crop?: { x: number; y: number; width: number; height: number },
): Buffer {
  const cropArgs = crop ? ['-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.width), '-H', String(crop.height)] : [];
  return run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), ...cropArgs, file]);
}

/** The data of every QR code zbarimg finds in an image file, or [] when none. */
export function readQrCodes(imageFile: string): string[] {
  const result = spawnSync('zbarimg', ['-q', '--raw', imageFile], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

/** The first Data Matrix dmtxread finds in an image file, or null. */
export function readDataMatrix(imageFile: string): string | null {
  const result = spawnSync('dmtxread', ['-N', '1', '-m', '10000', imageFile], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null;
}

/** The text of a PDF with its layout kept (table rows stay on one line). */
export function pdftotextLayout(pdf: Buffer): string {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], pdf).toString('utf8');
}
